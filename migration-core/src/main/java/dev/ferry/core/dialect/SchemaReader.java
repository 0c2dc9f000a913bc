package dev.ferry.core.dialect;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.CreationOrder;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.Dependencies;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.Inheritance;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Relation;
import dev.ferry.core.model.schema.SchemaSelection;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.TableChoice;
import dev.ferry.core.model.schema.TableOrder;
import dev.ferry.core.model.schema.TableSelection;
import dev.ferry.core.model.schema.View;
import dev.ferry.core.model.schema.ViewOrder;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Reads a database's tables, keys and indexes through {@link DatabaseMetaData}, with the dialect's help. */
public final class SchemaReader {
    private final Connection connection;
    private final Dialect dialect;
    private final DatabaseMetaData metaData;
    private final SchemaScope scope;
    private final TableChoice choice;

    /** A reader of the default schemas. */
    public SchemaReader(Connection connection, Dialect dialect) throws SQLException {
        this(connection, dialect, SchemaScope.DEFAULT);
    }

    /** A reader of the schemas in {@code scope}. */
    public SchemaReader(Connection connection, Dialect dialect, SchemaScope scope) throws SQLException {
        this(connection, dialect, scope, TableChoice.ALL);
    }

    /**
     * A reader of the tables, views and sequences {@code choice} takes among those of the schemas in {@code scope}: the
     * others are not read, and what goes with them is left out ({@link SchemaSelection}).
     */
    public SchemaReader(Connection connection, Dialect dialect, SchemaScope scope, TableChoice choice)
            throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.metaData = connection.getMetaData();
        this.scope = scope;
        this.choice = choice;
    }

    /**
     * The user's tables with their keys and indexes, and warnings for what is not carried.
     *
     * @throws SQLException (22023) where a name or pattern of the table choice matches nothing, before the tables are
     *                      read
     */
    public DatabaseSchema read() throws SQLException {
        List<String> warnings = new ArrayList<>();
        List<Comment> comments = new ArrayList<>();
        List<QualifiedName> tableNames = new ArrayList<>();
        List<Relation> relations = UserCatalog.relations(connection, dialect, scope);
        List<Sequence> allSequences = dialect.sequences(connection, scope);
        TableSelection selection = select(relations, allSequences);
        for (Relation relation : relations) {
            if (!selection.includes(relation.name())) {
                continue;
            }
            if (dialect.capabilities().tableTypes().contains(relation.type())) {
                tableNames.add(relation.name());
                if (relation.remarks() != null && !relation.remarks().isEmpty()) {
                    comments.add(new Comment(relation.name(), null, relation.remarks()));
                }
            } else if (!relation.isView()) {
                warnings.add(relation.type() + " " + relation.name() + " is not exported (Ferry carries tables only)");
            }
        }
        tableNames.sort(Comparator.comparing((QualifiedName n) -> Objects.toString(n.schema(), ""))
                .thenComparing(QualifiedName::name));
        SchemaSelection leftOut = new SchemaSelection(selection, dialect.capabilities().mysqlSyntax());

        List<Table> tables = new ArrayList<>();
        List<ForeignKey> foreignKeys = new ArrayList<>();
        List<Index> indexes = new ArrayList<>();
        // Schemas named are all created, holding tables or not; by default those that hold tables, sequences or views.
        Set<String> schemas = new TreeSet<>(scope.named());
        for (QualifiedName name : tableNames) {
            Table table = table(name, comments, warnings);
            tables.add(table);
            foreignKeys.addAll(dialect.foreignKeys(connection, name, foreignKeys(name, warnings)));
            indexes.addAll(indexes(table));
            if (name.schema() != null) {
                schemas.add(name.schema());
            }
        }
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : allSequences) {
            if (leftOut.leavesOut(sequence, tables)) {
                continue;
            }
            sequences.add(sequence);
            if (sequence.name().schema() != null) {
                schemas.add(sequence.name().schema());
            }
        }
        tables = withParentsExported(tables, warnings);
        refuseChildrenLeftOut(tables);
        if (dialect.capabilities().foreignKeysInCreateTable()) {
            tables = TableOrder.referencedFirst(tables, foreignKeys);
        }
        comments.sort(Comparator.comparing((Comment c) -> c.table().toString()));
        for (Comment comment : List.copyOf(comments)) {
            String statement = dialect.comment(comment);
            if (statement != null && statement.isEmpty()) {
                comments.remove(comment); // carried by the table's or column's own definition
            } else if (statement == null) {
                comments.remove(comment);
                warnings.add("The comment on " + (comment.column() == null ? "table " + comment.table()
                        : "column " + comment.table() + "." + comment.column()) + " is not exported (the " + dialect.name()
                        + " dialect does not carry comments yet)");
            }
        }
        warnings.addAll(dialect.notCarried(connection, scope));
        List<View> views = ViewOrder.sort(dialect.views(connection, scope));
        if (choice.chooses()) {
            views = views.stream().filter(view -> selection.includes(view.name())).toList();
        }
        for (View view : views) {
            if (view.name().schema() != null) {
                schemas.add(view.name().schema()); // a schema holding only views must be created too
            }
        }
        List<String> schemaOrder = scope.isDefault() ? List.copyOf(schemas) : scope.named();
        Map<String, String> schemaOptions = new LinkedHashMap<>();
        Map<String, String> schemaComments = new LinkedHashMap<>();
        for (String schema : schemaOrder) {
            schemaOptions.put(schema, dialect.schemaOptions(connection, schema));
            String comment = dialect.schemaComment(connection, schema);
            if (comment != null) {
                schemaComments.put(schema, comment);
            }
        }
        List<String> routines = dialect.routines(connection, scope);
        Dependencies dependencies = dialect.dependencies(connection, scope);
        List<String> cycle = CreationOrder.of(routines, tables, dependencies).cycles();
        if (!cycle.isEmpty()) {
            warnings.add("Routines and tables that depend on each other cannot be created in an order that works: "
                    + String.join("; ", cycle) + " (change a default or check to call the function through another"
                    + " that does not name the table's row type, or create them by hand)");
        }
        DatabaseSchema schema = new DatabaseSchema(schemaOrder, schemaOptions, dialect.userTypes(connection, scope),
                routines, sequences, tables, foreignKeys, indexes,
                views, dialect.triggers(connection, scope), comments, warnings, dependencies, schemaComments);
        return choice.chooses() ? leftOut.apply(schema) : schema;
    }

    /**
     * The relations and sequences the table choice takes among those of the scope; all of them where it chooses
     * none. The relations of MariaDB's current database, named without it, may be named with it.
     */
    private TableSelection select(List<Relation> relations, List<Sequence> sequences) throws SQLException {
        List<QualifiedName> candidates = new ArrayList<>();
        relations.forEach(relation -> candidates.add(relation.name()));
        sequences.forEach(sequence -> candidates.add(sequence.name()));
        String defaultSchema = dialect.capabilities().schemasAreCatalogs() && scope.isDefault()
                ? connection.getCatalog() : null;
        return choice.resolve(candidates, defaultSchema);
    }

    /**
     * The tables, each inheriting only from tables that are exported too: a parent in a schema the scope leaves out is
     * dropped from its child's inheritance (the child is then a table of its own, holding its own rows), with a warning.
     */
    private static List<Table> withParentsExported(List<Table> tables, List<String> warnings) {
        Set<QualifiedName> exported = new HashSet<>();
        tables.forEach(table -> exported.add(table.name()));
        List<Table> result = new ArrayList<>();
        for (Table table : tables) {
            Inheritance inheritance = table.inheritance();
            List<QualifiedName> kept = inheritance.parents().stream().filter(exported::contains).toList();
            if (kept.size() == inheritance.parents().size()) {
                result.add(table);
                continue;
            }
            for (QualifiedName parent : inheritance.parents()) {
                if (!exported.contains(parent)) {
                    warnings.add("Table " + table.name() + (inheritance.isPartition() ? " is a partition of "
                            : " inherits from ") + parent + ", which is not exported (its schema is not among those"
                            + " named, or TABLES or EXCLUDE_TABLES leave it out): " + table.name() + " is exported as"
                            + " a table of its own holding its own rows");
                }
            }
            boolean partition = inheritance.isPartition() && !kept.isEmpty();
            result.add(new Table(table.name(), table.columns(), table.primaryKey(), table.uniqueKeys(), table.checks(),
                    table.definition(), new Inheritance(kept, inheritance.partitionBy(),
                    partition ? inheritance.partitionBound() : null)));
        }
        return result;
    }

    /**
     * Refuses an export that would leave out rows: each table's rows are read without those of the tables that inherit
     * from it or are its partitions, which are exported each on its own, so such a table must not be left out.
     *
     * @throws SQLException (42000) naming each table and the tables inheriting from it that are not exported
     */
    private void refuseChildrenLeftOut(List<Table> tables) throws SQLException {
        Set<QualifiedName> exported = new HashSet<>();
        tables.forEach(table -> exported.add(table.name()));
        List<String> missing = new ArrayList<>();
        for (Table table : tables) {
            List<QualifiedName> left = dialect.inheritingTables(connection, table.name()).stream()
                    .filter(child -> !exported.contains(child)).toList();
            if (!left.isEmpty()) {
                missing.add(table.name() + " (" + left.stream().map(QualifiedName::toString)
                        .collect(Collectors.joining(", ")) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw FerryErrors.refused("EXPORT DATABASE would leave out rows: these tables have rows in tables that"
                    + " inherit from them or are their partitions, which are not exported (in schemas not named, left"
                    + " out by TABLES or EXCLUDE_TABLES, or not tables): " + String.join("; ", missing) + ". Name"
                    + " their schemas in SCHEMAS and the tables in TABLES too, or leave the parent tables out");
        }
    }

    /** IS_GENERATEDCOLUMN, which drivers older than JDBC 4.1 do not report. */
    private static String generatedColumn(ResultSet rows) {
        try {
            return rows.getString("IS_GENERATEDCOLUMN");
        } catch (SQLException notReported) {
            return null;
        }
    }

    private Table table(QualifiedName name, List<Comment> comments, List<String> warnings) throws SQLException {
        List<Column> reported = new ArrayList<>();
        try (ResultSet rows = metaData.getColumns(catalog(name), literalPattern(schema(name)),
                literalPattern(name.name()), "%")) {
            while (rows.next()) {
                String column = rows.getString("COLUMN_NAME");
                boolean identity = "YES".equals(rows.getString("IS_AUTOINCREMENT"));
                boolean generated = "YES".equals(generatedColumn(rows));
                Column described = new Column(
                        column,
                        rows.getString("TYPE_NAME"),
                        rows.getInt("DATA_TYPE"),
                        rows.getInt("COLUMN_SIZE"),
                        rows.getInt("DECIMAL_DIGITS"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        generated ? null : rows.getString("COLUMN_DEF"),
                        identity && !generated ? dialect.identity(connection, name, column) : null,
                        null, null,
                        generated ? dialect.generatedColumn(connection, name, column, rows.getString("COLUMN_DEF"))
                                : null);
                String remarks = rows.getString("REMARKS");
                if (remarks != null && !remarks.isEmpty()) {
                    comments.add(new Comment(name, column, remarks));
                }
                reported.add(described);
            }
        }
        List<Column> columns = dialect.columns(connection, name, reported);
        for (Column column : columns) {
            if (!column.isGenerated()) {
                checkCarried(name, column, warnings);
            }
        }
        return new Table(name, columns, primaryKey(name), dialect.uniqueKeys(connection, name),
                dialect.checkConstraints(connection, name), dialect.tableDefinition(connection, name),
                dialect.inheritance(connection, name));
    }

    /**
     * Refuses a column whose values could be written but not loaded back (an export that cannot be imported would
     * look complete); warns about a column carried in the driver's text form.
     */
    private void checkCarried(QualifiedName table, Column column, List<String> warnings) throws SQLException {
        String where = "column " + table + "." + column.name() + " of type " + column.typeName();
        ValueKind kind = dialect.valueKind(column.jdbcType(), column.typeName());
        if (!dialect.canCarry(column)) {
            throw FerryErrors.notSupported("EXPORT DATABASE cannot carry " + where + " yet: its values could not be"
                    + " imported again. Nothing was written.");
        }
        if (kind == ValueKind.OTHER) {
            warnings.add("Column " + where.substring("column ".length())
                    + " is carried in the driver's text form; its round trip is not verified");
        }
    }

    /**
     * {@code name} as a {@link DatabaseMetaData} search pattern that matches only itself: getColumns takes LIKE
     * patterns, so a table {@code a_b} would also match {@code axb}.
     */
    private String literalPattern(String name) throws SQLException {
        String escape = metaData.getSearchStringEscape();
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    private KeyConstraint primaryKey(QualifiedName table) throws SQLException {
        Map<Integer, String> columns = new TreeMap<>();
        String constraintName = null;
        try (ResultSet rows = metaData.getPrimaryKeys(catalog(table), schema(table), table.name())) {
            while (rows.next()) {
                columns.put(rows.getInt("KEY_SEQ"), rows.getString("COLUMN_NAME"));
                constraintName = rows.getString("PK_NAME");
            }
        }
        return columns.isEmpty() ? null : new KeyConstraint(constraintName, new ArrayList<>(columns.values()));
    }

    /** The foreign keys the driver reports; none where it does not implement getImportedKeys (DuckDB's). */
    private List<ForeignKey> foreignKeys(QualifiedName table, List<String> warnings) throws SQLException {
        Map<String, ForeignKeyBuilder> keys = new LinkedHashMap<>();
        String catalog = catalog(table);
        ResultSet imported;
        try {
            imported = metaData.getImportedKeys(catalog, schema(table), table.name());
        } catch (SQLFeatureNotSupportedException notImplemented) {
            return List.of();
        }
        try (ResultSet rows = imported) {
            while (rows.next()) {
                String referencedCatalog = rows.getString("PKTABLE_CAT");
                String referencedSchema = rows.getString("PKTABLE_SCHEM");
                boolean catalogs = dialect.capabilities().schemasAreCatalogs() && !scope.isDefault();
                if (catalogs ? !scope.includes(referencedCatalog)
                        : catalog != null && referencedCatalog != null && !catalog.equals(referencedCatalog)) {
                    if (rows.getInt("KEY_SEQ") == 1) {
                        warnings.add("Foreign key " + rows.getString("FK_NAME") + " on " + table + " refers to "
                                + referencedCatalog + "." + rows.getString("PKTABLE_NAME") + " in another database;"
                                + " it is not exported");
                    }
                    continue;
                }
                if (!catalogs && referencedSchema != null && !scope.includes(referencedSchema)) {
                    if (rows.getInt("KEY_SEQ") == 1) {
                        warnings.add("Foreign key " + rows.getString("FK_NAME") + " on " + table + " refers to "
                                + referencedSchema + "." + rows.getString("PKTABLE_NAME") + " in a schema that is not"
                                + " exported; it is not exported");
                    }
                    continue;
                }
                QualifiedName referenced = new QualifiedName(catalogs ? referencedCatalog : referencedSchema,
                        rows.getString("PKTABLE_NAME"));
                String name = rows.getString("FK_NAME");
                String key = name != null ? name : referenced + "#" + keys.size();
                ForeignKeyBuilder builder = keys.computeIfAbsent(key, k -> new ForeignKeyBuilder(name, referenced));
                builder.columns.add(rows.getString("FKCOLUMN_NAME"));
                builder.referencedColumns.add(rows.getString("PKCOLUMN_NAME"));
                builder.onUpdate = action(rows.getShort("UPDATE_RULE"));
                builder.onDelete = action(rows.getShort("DELETE_RULE"));
            }
        }
        List<ForeignKey> result = new ArrayList<>();
        for (ForeignKeyBuilder b : keys.values()) {
            result.add(new ForeignKey(b.name, table, b.columns, b.referenced, b.referencedColumns, b.onUpdate, b.onDelete));
        }
        return result;
    }

    /**
     * The catalog {@link DatabaseMetaData} finds a table in: the connection's, or the table's schema where schemas are
     * catalogs (MariaDB's databases).
     */
    private String catalog(QualifiedName table) throws SQLException {
        return dialect.capabilities().schemasAreCatalogs() && table.schema() != null ? table.schema() : connection.getCatalog();
    }

    /** The schema {@link DatabaseMetaData} finds a table in: none where schemas are catalogs. */
    private String schema(QualifiedName table) {
        return dialect.capabilities().schemasAreCatalogs() ? null : table.schema();
    }

    private static String action(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            case DatabaseMetaData.importedKeyNoAction -> "NO ACTION";
            default -> null;
        };
    }

    private List<Index> indexes(Table table) throws SQLException {
        QualifiedName name = table.name();
        Set<String> keyIndexes = dialect.keyIndexNames(connection, name);
        Map<String, IndexBuilder> found = new LinkedHashMap<>();
        ResultSet indexInfo;
        try {
            // Approximate: the statistics (CARDINALITY, PAGES) are not read, and H2 would count every row of the
            // table for each of its indexes (measured: a quarter of exporting a 300,000-row table).
            indexInfo = metaData.getIndexInfo(catalog(name), schema(name), name.name(), false, true);
        } catch (SQLFeatureNotSupportedException notImplemented) {
            return dialect.indexes(connection, table, List.of()); // DuckDB 0.8.1's driver lists none
        }
        try (ResultSet rows = indexInfo) {
            while (rows.next()) {
                String indexName = rows.getString("INDEX_NAME");
                if (indexName == null || rows.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic
                        || keyIndexes.contains(indexName)) {
                    continue;
                }
                boolean unique = !rows.getBoolean("NON_UNIQUE");
                IndexBuilder builder = found.computeIfAbsent(indexName, n -> new IndexBuilder(n, unique));
                builder.columns.put(rows.getInt("ORDINAL_POSITION"),
                        new Index.IndexColumn(rows.getString("COLUMN_NAME"), "D".equals(rows.getString("ASC_OR_DESC"))));
            }
        }
        List<Index> indexes = new ArrayList<>();
        for (IndexBuilder b : found.values()) {
            Index index = new Index(b.name, name, b.unique, new ArrayList<>(b.columns.values()), null);
            if (!backsKey(index, table)) {
                indexes.add(index);
            }
        }
        return dialect.indexes(connection, table, indexes);
    }

    /** For engines that do not name their key indexes: a unique index on exactly a key's columns is that key's. */
    private static boolean backsKey(Index index, Table table) {
        if (!index.unique() || index.columns().stream().anyMatch(Index.IndexColumn::descending)) {
            return false;
        }
        List<String> columns = index.columns().stream().map(Index.IndexColumn::name).toList();
        if (table.primaryKey() != null && table.primaryKey().columns().equals(columns)) {
            return true;
        }
        return table.uniqueKeys().stream().anyMatch(key -> key.columns().equals(columns));
    }

    private static final class ForeignKeyBuilder {
        final String name;
        final QualifiedName referenced;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();
        String onUpdate;
        String onDelete;

        ForeignKeyBuilder(String name, QualifiedName referenced) {
            this.name = name;
            this.referenced = referenced;
        }
    }

    private static final class IndexBuilder {
        final String name;
        final boolean unique;
        final Map<Integer, Index.IndexColumn> columns = new TreeMap<>();

        IndexBuilder(String name, boolean unique) {
            this.name = name;
            this.unique = unique;
        }
    }
}
