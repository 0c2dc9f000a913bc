package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.model.schema.ViewOrder;
import dev.ferry.core.sql.SqlScript;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects the schema DuckDB's scripts describe, statement by statement, into Ferry's model: CREATE SCHEMA, TYPE,
 * SEQUENCE, TABLE, MACRO (or FUNCTION), VIEW and INDEX. A statement of another kind becomes a warning; a statement
 * that cannot be read, or that names what the scripts do not create, is an error naming the file, line and statement.
 */
final class DuckDbSchemaBuilder {
    private final List<String> schemas = new ArrayList<>();
    private final List<String> types = new ArrayList<>();
    private final Map<String, DuckDbType> userTypes = new HashMap<>();
    private final List<String> routines = new ArrayList<>();
    private final List<Sequence> sequences = new ArrayList<>();
    private final Map<String, Located<CreateTableParser.ParsedTable>> tables = new LinkedHashMap<>();
    private final List<Located<Index>> indexes = new ArrayList<>();
    private final List<Located<CreateViewParser.ParsedView>> views = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    /** Something read from a statement, with where the statement is. */
    private record Located<T>(T value, String where) {
    }

    /** Reads one statement of {@code file}. */
    void read(String file, SqlScript.Statement statement) throws SQLException {
        String where = file + " line " + statement.line();
        String sql = statement.sql();
        try {
            Tokens head = new Tokens(sql);
            String kind = "";
            if (head.acceptWord("CREATE")) {
                if (head.acceptWord("OR")) {
                    head.expectWords("REPLACE");
                }
                kind = head.current().text().toUpperCase(Locale.ROOT);
            }
            switch (kind) {
                case "SCHEMA" -> schema(head);
                case "TYPE" -> type(head, sql, where);
                case "SEQUENCE" -> sequences.add(CreateSequenceParser.parse(sql));
                case "TABLE" -> table(sql, where);
                case "MACRO", "FUNCTION" -> routine(head, sql);
                case "VIEW" -> views.add(new Located<>(CreateViewParser.parse(sql), where));
                case "INDEX", "UNIQUE" -> indexes.add(new Located<>(CreateIndexParser.parse(sql), where));
                default -> warnings.add(where + ": a statement Ferry does not read is not carried: " + abbreviate(sql));
            }
        } catch (IllegalArgumentException | SQLException e) {
            throw FerryErrors.syntax(where + ": " + e.getMessage() + ", in: " + abbreviate(sql));
        }
    }

    private void schema(Tokens tokens) throws SQLException {
        tokens.expectWords("SCHEMA");
        if (tokens.acceptWord("IF")) {
            tokens.expectWords("NOT", "EXISTS");
        }
        String name = tokens.identifier();
        if (!tokens.atEnd()) {
            throw tokens.unexpected("the end of the statement");
        }
        if (!name.equalsIgnoreCase(Tokens.MAIN)) {
            schemas.add(name);
        }
    }

    /** {@code CREATE TYPE name AS <type>}: kept as DuckDB SQL; columns of it are declared with what it stands for. */
    private void type(Tokens tokens, String sql, String where) throws SQLException {
        tokens.expectWords("TYPE");
        QualifiedName name = tokens.qualifiedName();
        tokens.expectWords("AS");
        String definition = tokens.rest();
        DuckDbType type = DuckDbType.parse(definition, this::userType);
        if (type == null) {
            warnings.add(where + ": the type " + name + " AS " + definition + " is not one Ferry knows; it is"
                    + " kept as DuckDB SQL");
        } else {
            userTypes.put(name.name().toUpperCase(Locale.ROOT), type);
            userTypes.put((name.schema() + "." + name.name()).toUpperCase(Locale.ROOT), type);
        }
        types.add(sql);
        warnings.add("Type " + name + " (" + definition + ") is DuckDB's own: its CREATE TYPE is kept as DuckDB SQL"
                + " and its columns are declared with what it stands for; other engines get no such type");
    }

    private DuckDbType userType(String name) {
        return userTypes.get(name);
    }

    private void table(String sql, String where) throws SQLException {
        CreateTableParser.ParsedTable table = CreateTableParser.parse(sql, this::userType);
        QualifiedName name = table.table().name();
        if (tables.put(key(name), new Located<>(table, where)) != null) {
            throw new IllegalArgumentException("the table " + name + " is created twice");
        }
        for (String warning : table.warnings()) {
            warnings.add(where + ": " + warning);
        }
    }

    private void routine(Tokens tokens, String sql) throws SQLException {
        String kind = tokens.current().text().toUpperCase(Locale.ROOT);
        tokens.advance();
        QualifiedName name = tokens.qualifiedName();
        routines.add(sql);
        warnings.add("Macro " + name + " is kept as DuckDB SQL (CREATE " + kind + "), which only DuckDB runs");
    }

    /** The table named so (names match in any case, as in DuckDB), or null. */
    CreateTableParser.ParsedTable table(QualifiedName name) {
        Located<CreateTableParser.ParsedTable> table = tables.get(key(name));
        return table == null ? null : table.value();
    }

    /** Notes what is not carried, in words. */
    void warn(String warning) {
        warnings.add(warning);
    }

    /**
     * The schema: views after the views they read.
     *
     * @throws SQLException (42000) for a key, foreign key or index that names a table or column the scripts do not
     *                      create
     */
    DatabaseSchema build() throws SQLException {
        List<Table> tableList = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        for (Located<CreateTableParser.ParsedTable> located : tables.values()) {
            Table table = located.value().table();
            tableList.add(table);
            if (table.primaryKey() != null) {
                requireColumns(table, table.primaryKey().columns(), located.where(), "PRIMARY KEY");
            }
            for (KeyConstraint unique : table.uniqueKeys()) {
                requireColumns(table, unique.columns(), located.where(), "UNIQUE");
            }
            for (ForeignKeyReference key : located.value().foreignKeys()) {
                foreignKeys.add(checkedForeignKey(table, key, located.where()));
            }
        }
        List<Index> indexList = new ArrayList<>();
        for (Located<Index> index : indexes) {
            Table table = existing(index.value().table(), index.where(), "index " + index.value().name());
            requireColumns(table, index.value().columns().stream().map(Index.IndexColumn::name).toList(),
                    index.where(), "index " + index.value().name());
            indexList.add(new Index(index.value().name(), table.name(), index.value().unique(), index.value().columns(),
                    index.value().definition()));
        }
        ViewDependencies dependencies = new ViewDependencies(views.stream().map(v -> v.value().name()).toList());
        List<View> viewList = new ArrayList<>();
        for (Located<CreateViewParser.ParsedView> view : views) {
            CreateViewParser.ParsedView parsed = view.value();
            viewList.add(new View(parsed.name(), parsed.query(), false,
                    dependencies.of(parsed.name(), parsed.query())));
        }
        return new DatabaseSchema(schemas, Map.of(), types, routines, sequences, tableList, foreignKeys, indexList,
                ViewOrder.sort(viewList), List.of(), List.of(), warnings);
    }

    /** The foreign key, its referenced table found among the export's, its columns checked. */
    private ForeignKey checkedForeignKey(Table table, ForeignKeyReference reference, String where)
            throws SQLException {
        requireColumns(table, reference.columns(), where, "FOREIGN KEY");
        List<Table> inSchema = tables.values().stream().map(t -> t.value().table())
                .filter(t -> t.name().schema().equalsIgnoreCase(table.name().schema())).toList();
        Table referenced = reference.resolve(name -> {
            CreateTableParser.ParsedTable parsed = table(name);
            return parsed == null ? null : parsed.table();
        }, inSchema);
        if (referenced == null) {
            throw FerryErrors.refused(where + ": the FOREIGN KEY of " + table.name() + " references "
                    + reference.referenced() + ", which is not a table the export creates");
        }
        ForeignKey key = reference.toForeignKey(referenced);
        requireColumns(referenced, key.referencedColumns(), where, "FOREIGN KEY of " + table.name());
        if (key.referencedColumns().size() != key.columns().size()) {
            throw FerryErrors.refused(where + ": the FOREIGN KEY of " + table.name() + " (" + key.columns()
                    + ") references " + referenced.name() + " (" + key.referencedColumns() + "), not as many columns");
        }
        return key;
    }

    private Table existing(QualifiedName name, String where, String what) throws SQLException {
        CreateTableParser.ParsedTable table = table(name);
        if (table == null) {
            throw FerryErrors.refused(where + ": the " + what + " names the table " + name
                    + ", which the export does not create");
        }
        return table.table();
    }

    private static void requireColumns(Table table, List<String> names, String where, String what)
            throws SQLException {
        for (String name : names) {
            if (table.columns().stream().map(Column::name).noneMatch(name::equalsIgnoreCase)) {
                throw FerryErrors.refused(where + ": the " + what + " names the column " + name + ", which "
                        + table.name() + " does not have");
            }
        }
    }

    private static String key(QualifiedName name) {
        return name.schema().toLowerCase(Locale.ROOT) + "\u0000" + name.name().toLowerCase(Locale.ROOT);
    }

    static String abbreviate(String sql) {
        String line = sql.strip().replaceAll("\\s+", " ");
        return line.length() > 120 ? line.substring(0, 117) + "..." : line;
    }
}
