package dev.ferry.core.model.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an export carries of a database's structure.
 *
 * @param schemas     the schemas to create: those named by the export, else those that hold exported tables
 * @param schemaOptions what CREATE SCHEMA says of each schema besides its name ({@code
 *                    Dialect#schemaOptions}); a schema without any maps to null or is absent
 * @param types       CREATE statements of the user's own types, created before everything that uses them
 * @param routines    CREATE statements of functions, procedures and aggregates, each created before the tables
 *                    unless it needs one ({@code dependencies})
 * @param sequences   sequences, created before the tables (whose defaults may use them)
 * @param tables      the tables, in a stable order
 * @param foreignKeys foreign keys, created after the data
 * @param indexes     indexes, created after the data
 * @param views       views, each after the views it reads, created after the data
 * @param triggers    CREATE statements of triggers and rules (PostgreSQL), created last
 * @param comments    comments on tables and columns
 * @param warnings    what exists in the database but is not carried, in words
 * @param dependencies what routines and tables need created before them, where the engine says
 * @param schemaComments the comment on each schema that has one, by schema (null is taken as none)
 */
public record DatabaseSchema(List<String> schemas, Map<String, String> schemaOptions, List<String> types, List<String> routines,
                             List<Sequence> sequences, List<Table> tables, List<ForeignKey> foreignKeys,
                             List<Index> indexes, List<View> views, List<String> triggers, List<Comment> comments,
                             List<String> warnings, Dependencies dependencies, Map<String, String> schemaComments) {

    public DatabaseSchema {
        dependencies = dependencies == null ? Dependencies.NONE : dependencies;
        schemas = List.copyOf(schemas);
        schemaOptions = Collections.unmodifiableMap(new LinkedHashMap<>(schemaOptions));
        types = List.copyOf(types);
        routines = List.copyOf(routines);
        sequences = List.copyOf(sequences);
        tables = List.copyOf(tables);
        foreignKeys = List.copyOf(foreignKeys);
        indexes = List.copyOf(indexes);
        views = List.copyOf(views);
        triggers = List.copyOf(triggers);
        comments = List.copyOf(comments);
        warnings = List.copyOf(warnings);
        schemaComments = schemaComments == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(schemaComments));
    }

    /** A schema whose routines need no table and no table a routine, and whose schemas have no comments. */
    public DatabaseSchema(List<String> schemas, Map<String, String> schemaOptions, List<String> types,
                          List<String> routines, List<Sequence> sequences, List<Table> tables,
                          List<ForeignKey> foreignKeys, List<Index> indexes, List<View> views, List<String> triggers,
                          List<Comment> comments, List<String> warnings) {
        this(schemas, schemaOptions, types, routines, sequences, tables, foreignKeys, indexes, views, triggers,
                comments, warnings, Dependencies.NONE, Map.of());
    }

    /** This schema with {@code tables} for its tables. */
    public DatabaseSchema withTables(List<Table> tables) {
        return new DatabaseSchema(schemas, schemaOptions, types, routines, sequences, tables, foreignKeys, indexes, views,
                triggers, comments, warnings, dependencies, schemaComments);
    }
}
