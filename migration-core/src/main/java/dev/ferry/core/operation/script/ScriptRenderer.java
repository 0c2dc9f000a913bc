package dev.ferry.core.operation.script;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.CreationOrder;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Writes an export's scripts as SQL for the dialect the export was taken with. */
public final class ScriptRenderer {
    private static final Pattern PLAIN_WORD = Pattern.compile("[A-Za-z0-9_]+");

    private final Dialect dialect;

    public ScriptRenderer(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * {@value ExportLayout#SCHEMA}: schemas, types, routines, sequences, tables with their columns, keys and checks
     * (a routine that needs a table after it, a table that needs such a routine after that: {@link CreationOrder}),
     * comments. Where the engine builds keys faster after the data ({@link
     * dev.ferry.core.dialect.Capabilities#keysAfterData}), a plain table's primary and unique keys are left to
     * {@value ExportLayout#POST_DATA}.
     */
    public String schemaScript(DatabaseSchema schema, String header) {
        StringBuilder sql = new StringBuilder(header);
        for (String statement : dialect.capabilities().schemaScriptPreamble()) {
            sql.append(statement).append(";\n");
        }
        for (String name : schema.schemas()) {
            sql.append(dialect.createSchema(name, schema.schemaOptions().get(name))).append(";\n");
        }
        schema.schemaComments().forEach((name, text) -> {
            String statement = dialect.commentOnSchema(name, text);
            if (statement != null) {
                sql.append(statement).append(";\n");
            }
        });
        for (String type : schema.types()) {
            sql.append(type).append(";\n");
        }
        CreationOrder order = CreationOrder.of(schema.routines(), parentsFirst(schema.tables()), schema.dependencies());
        for (String routine : order.routines()) {
            sql.append('\n').append(SqlScript.terminated(routine, dialect.capabilities().mysqlSyntax()));
        }
        for (Sequence sequence : schema.sequences()) {
            sql.append(dialect.createSequence(sequence)).append(";\n");
        }
        Set<QualifiedName> keysAfterData = keysAfterData(schema);
        for (Object object : order.objects()) {
            if (object instanceof Table table) {
                List<ForeignKey> foreignKeys = dialect.capabilities().foreignKeysInCreateTable()
                        ? schema.foreignKeys().stream().filter(key -> key.table().equals(table.name())).toList()
                        : List.of();
                sql.append('\n').append(createTable(table, foreignKeys, !keysAfterData.contains(table.name())))
                        .append(";\n");
            } else {
                sql.append('\n').append(SqlScript.terminated((String) object, dialect.capabilities().mysqlSyntax()));
            }
        }
        boolean partitions = false;
        for (Table table : schema.tables()) {
            Inheritance inheritance = table.inheritance();
            if (inheritance.isPartition()) {
                // As pg_dump does: the partition is created as a table, then attached to its partitioned table.
                sql.append(partitions ? "" : "\n").append("ALTER TABLE ONLY ")
                        .append(dialect.quote(inheritance.parents().get(0))).append(" ATTACH PARTITION ")
                        .append(dialect.quote(table.name())).append(' ').append(inheritance.partitionBound())
                        .append(";\n");
                partitions = true;
            }
        }
        if (!schema.comments().isEmpty()) {
            sql.append('\n');
        }
        for (Comment comment : schema.comments()) {
            sql.append(dialect.comment(comment)).append(";\n");
        }
        if (dialect.capabilities().postDataInSchemaScript()) {
            sql.append('\n');
            appendPostData(schema, sql);
        }
        return sql.toString();
    }

    /** The CREATE TABLE statement for {@code table}, with its keys. */
    public String createTable(Table table) {
        return createTable(table, List.of(), true);
    }

    /**
     * The CREATE TABLE statement for {@code table}, declaring {@code foreignKeys} too: the table's own definition
     * where the engine keeps one (it holds them), else one built from its parts.
     *
     * @param withKeys whether it declares the primary and unique keys, rather than leaving them to the post-data
     *                 script
     */
    private String createTable(Table table, List<ForeignKey> foreignKeys, boolean withKeys) {
        if (table.definition() != null) {
            return table.definition();
        }
        List<String> parts = new ArrayList<>();
        for (Column column : table.columns()) {
            parts.add(columnDefinition(column));
        }
        if (withKeys) {
            parts.addAll(keys(table));
        }
        for (CheckConstraint check : table.checks()) {
            parts.add(constraintName(check.name()) + check.definition());
        }
        for (ForeignKey key : foreignKeys) {
            parts.add(foreignKey(key));
        }
        StringBuilder clauses = new StringBuilder();
        List<QualifiedName> inherits = table.inheritance().inherits();
        if (!inherits.isEmpty()) {
            clauses.append(" INHERITS (").append(inherits.stream().map(dialect::quote).collect(Collectors.joining(", ")))
                    .append(')');
        }
        if (table.inheritance().partitionBy() != null) {
            clauses.append(" PARTITION BY ").append(table.inheritance().partitionBy());
        }
        return "CREATE TABLE " + dialect.quote(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)"
                + clauses;
    }

    /** The tables in their order, except that a table comes after the tables it INHERITS from. */
    private static List<Table> parentsFirst(List<Table> tables) {
        Map<QualifiedName, Table> byName = new LinkedHashMap<>();
        tables.forEach(table -> byName.put(table.name(), table));
        Set<QualifiedName> placed = new LinkedHashSet<>();
        List<Table> ordered = new ArrayList<>();
        for (Table table : tables) {
            place(table, byName, placed, ordered);
        }
        return ordered;
    }

    private static void place(Table table, Map<QualifiedName, Table> byName, Set<QualifiedName> placed,
                              List<Table> ordered) {
        if (!placed.add(table.name())) {
            return;
        }
        for (QualifiedName parent : table.inheritance().inherits()) {
            Table parentTable = byName.get(parent);
            if (parentTable != null) {
                place(parentTable, byName, placed, ordered);
            }
        }
        ordered.add(table);
    }

    /** Whether the table's primary key is its identity column alone, which declares it where the dialect says so. */
    /** The table's primary key (unless its identity column declares it) and unique keys, as CREATE TABLE has them. */
    private List<String> keys(Table table) {
        List<String> keys = new ArrayList<>();
        if (table.primaryKey() != null && !keyDeclaredByIdentity(table)) {
            keys.add(constraintName(table.primaryKey()) + "PRIMARY KEY (" + columnList(table.primaryKey().columns())
                    + ")");
        }
        for (KeyConstraint unique : table.uniqueKeys()) {
            keys.add(constraintName(unique) + "UNIQUE (" + columnList(unique.columns()) + ")");
        }
        return keys;
    }

    /**
     * The tables whose keys are built after their data: where the engine does that faster, those built from their
     * parts that neither inherit nor are inherited (a partition's keys attach to its parent's, as they are created
     * with the tables), in a schema without routines whose SQL body PostgreSQL parses as they are created
     * ({@code BEGIN ATOMIC}), which may need a key to exist then (a GROUP BY on it, ON CONFLICT ON CONSTRAINT).
     */
    private Set<QualifiedName> keysAfterData(DatabaseSchema schema) {
        if (!dialect.capabilities().keysAfterData()
                || schema.routines().stream().anyMatch(ScriptRenderer::parsedWhenCreated)) {
            return Set.of();
        }
        Set<QualifiedName> parents = schema.tables().stream().flatMap(table -> table.inheritance().parents().stream())
                .collect(Collectors.toSet());
        return schema.tables().stream().filter(table -> table.definition() == null && table.inheritance().isNone()
                && !parents.contains(table.name())).map(Table::name).collect(Collectors.toSet());
    }

    private static boolean parsedWhenCreated(String routine) {
        return routine.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ").contains("BEGIN ATOMIC");
    }

    private boolean keyDeclaredByIdentity(Table table) {
        return dialect.capabilities().identityDeclaresPrimaryKey() && table.columns().stream().anyMatch(column -> column.identity()
                != null && !column.isGenerated() && table.primaryKey().columns().equals(List.of(column.name())));
    }

    private String columnDefinition(Column column) {
        StringBuilder definition = new StringBuilder(dialect.quoteIdentifier(column.name()))
                .append(' ')
                .append(column.declaredType() != null ? column.declaredType() : dialect.columnType(column));
        if (column.isGenerated()) {
            definition.append(' ').append(column.generated());
        } else if (column.identity() != null) {
            definition.append(' ').append(dialect.identityClause(column.identity()));
        } else if (column.defaultExpression() != null) {
            definition.append(" DEFAULT ").append(column.defaultExpression());
        }
        if (!column.nullable()) {
            definition.append(" NOT NULL");
        }
        if (column.check() != null) {
            definition.append(' ').append(column.check());
        }
        return definition.toString();
    }

    /** One {@code COPY <table> (<columns>) FROM '<file>' (<options>)} statement. */
    public String copyFrom(Table table, String file, Map<String, String> readerOptions) {
        String columns = columnList(table.dataColumns().stream().map(Column::name).toList());
        String options = dialect.copyFromOptions(readerOptions).entrySet().stream()
                .map(option -> option.getKey() + " " + optionValue(option.getValue()))
                .collect(Collectors.joining(", "));
        return "COPY " + dialect.quote(table.name()) + " (" + columns + ") FROM " + dialect.quoteLiteral(file)
                + " (" + options + ")";
    }

    /**
     * {@value ExportLayout#POST_DATA}: sequence and identity positions, then the keys left out of CREATE TABLE,
     * indexes, foreign keys, views in dependency order (materialized ones populated from the loaded data), and
     * triggers last. Only the header where the dialect puts them at the end of the schema script.
     */
    public String postDataScript(DatabaseSchema schema, String header) {
        StringBuilder sql = new StringBuilder(header);
        if (dialect.capabilities().postDataInSchemaScript()) {
            return sql.append("-- Nothing: written at the end of ").append(ExportLayout.SCHEMA)
                    .append(" for ").append(dialect.name()).append(", whose own IMPORT DATABASE runs only ")
                    .append(ExportLayout.SCHEMA).append(" and ").append(ExportLayout.LOAD).append(".\n").toString();
        }
        appendPostData(schema, sql);
        return sql.toString();
    }

    /**
     * {@value ExportLayout#POST_DATA} of an export of the data alone ({@code DATA_ONLY}): the sequences' and identity
     * columns' positions, as pg_dump's {@code --data-only} sets them, whatever the dialect does with the rest.
     */
    public String positionsScript(DatabaseSchema schema, String header) {
        StringBuilder sql = new StringBuilder(header);
        appendPositions(schema, sql);
        return sql.toString();
    }

    private void appendPostData(DatabaseSchema schema, StringBuilder sql) {
        appendPositions(schema, sql);
        appendKeysAndAfter(schema, sql, keysAfterData(schema));
    }

    private void appendPositions(DatabaseSchema schema, StringBuilder sql) {
        for (Sequence sequence : schema.sequences()) {
            String restart = dialect.restartSequence(sequence);
            if (restart != null) {
                sql.append(restart).append(";\n");
            }
        }
        for (Table table : schema.tables()) {
            for (Column column : table.columns()) {
                if (column.identity() != null) {
                    String restart = dialect.restartIdentity(table.name(), column);
                    if (restart != null) {
                        sql.append(restart).append(";\n");
                    }
                }
            }
        }
    }

    private void appendKeysAndAfter(DatabaseSchema schema, StringBuilder sql, Set<QualifiedName> keysAfterData) {
        for (Table table : schema.tables()) {
            if (keysAfterData.contains(table.name())) {
                for (String key : keys(table)) {
                    sql.append("ALTER TABLE ").append(dialect.quote(table.name())).append(" ADD ").append(key)
                            .append(";\n");
                }
            }
        }
        for (Index index : schema.indexes()) {
            sql.append(createIndex(index)).append(";\n");
        }
        if (!dialect.capabilities().foreignKeysInCreateTable()) {
            for (ForeignKey key : schema.foreignKeys()) {
                sql.append("ALTER TABLE ").append(dialect.quote(key.table())).append(" ADD ").append(foreignKey(key))
                        .append(";\n");
            }
        }
        for (View view : schema.views()) {
            sql.append(dialect.createView(view)).append(";\n");
        }
        for (String trigger : schema.triggers()) {
            sql.append(SqlScript.terminated(trigger, dialect.capabilities().mysqlSyntax()));
        }
    }

    private String createIndex(Index index) {
        if (index.definition() != null) {
            return index.definition();
        }
        String columns = index.columns().stream()
                .map(c -> dialect.quoteIdentifier(c.name()) + (c.prefixLength() > 0 ? "(" + c.prefixLength() + ")" : "")
                        + (c.descending() ? " DESC" : ""))
                .collect(Collectors.joining(", "));
        return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + dialect.quoteIdentifier(index.name())
                + " ON " + dialect.quote(index.table()) + " (" + columns + ")";
    }

    /** {@code [CONSTRAINT <name>] FOREIGN KEY (...) REFERENCES ...}, as ALTER TABLE ADD and CREATE TABLE take it. */
    private String foreignKey(ForeignKey key) {
        StringBuilder sql = new StringBuilder();
        sql.append(constraintName(key.name()));
        sql.append("FOREIGN KEY (").append(columnList(key.columns())).append(") REFERENCES ")
                .append(dialect.quote(key.referencedTable())).append(" (").append(columnList(key.referencedColumns()))
                .append(')');
        if (named(key.onUpdate())) {
            sql.append(" ON UPDATE ").append(key.onUpdate());
        }
        if (named(key.onDelete())) {
            sql.append(" ON DELETE ").append(key.onDelete());
        }
        return sql.toString();
    }

    /** Whether the referential action is written: given, and not the one the engine takes where none is. */
    private boolean named(String action) {
        return action != null && !action.equalsIgnoreCase(dialect.capabilities().implicitForeignKeyAction());
    }

    private String constraintName(KeyConstraint key) {
        return constraintName(key.name());
    }

    /** {@code CONSTRAINT <name> }, or nothing for a constraint without a name or with one the engine generated. */
    private String constraintName(String name) {
        return name == null || name.isEmpty() || dialect.isGeneratedConstraintName(name) ? ""
                : "CONSTRAINT " + dialect.quoteIdentifier(name) + " ";
    }

    private String columnList(List<String> columns) {
        return columns.stream().map(dialect::quoteIdentifier).collect(Collectors.joining(", "));
    }

    private String optionValue(String value) {
        return PLAIN_WORD.matcher(value).matches() ? value : dialect.quoteLiteral(value);
    }
}
