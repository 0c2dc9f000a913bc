package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.dialect.CatalogQuery;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What DuckDB's catalog functions ({@code duckdb_columns()}, {@code duckdb_indexes()}, {@code duckdb_sequences()},
 * {@code duckdb_views()}, {@code duckdb_types()}, {@code duckdb_functions()}) say of the current database, in 0.8.1 and
 * in 1.x. The driver's DatabaseMetaData is no help here: 0.8.1's getColumns leaves out every column whose type is not
 * in its own list (DECIMAL(18,4), lists, enums ...), and neither version lists foreign keys.
 */
final class DuckDbCatalog {
    /** The next value of a sequence: both versions write its current position as START in duckdb_sequences().sql. */
    private static final Pattern START = Pattern.compile("\\bSTART (?:WITH )?(-?\\d+)");
    private static final String CURRENT = " database_name = current_database() ";
    private static final Pattern DECIMAL = Pattern.compile("^DECIMAL\\((\\d+),\\s*(\\d+)\\)$");

    private final Connection connection;
    private final DuckDbVersion version;
    private final Dialect dialect;

    DuckDbCatalog(Connection connection, Dialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.version = DuckDbVersion.of(connection);
    }

    DuckDbVersion version() {
        return version;
    }

    /** The schemas of the current database, DuckDB's own (information_schema, pg_catalog) left out. */
    List<String> schemas() throws SQLException {
        return CatalogQuery.list(connection, "SELECT schema_name FROM duckdb_schemas() WHERE" + CURRENT
                + "AND schema_name NOT IN ('information_schema', 'pg_catalog') ORDER BY 1", row -> row.getString(1));
    }

    /** The names of the tables of {@code schema}. */
    List<String> tables(String schema) throws SQLException {
        return CatalogQuery.list(connection, "SELECT table_name FROM duckdb_tables() WHERE" + CURRENT
                + "AND schema_name = ? AND NOT temporary", row -> row.getString(1), schema);
    }

    /**
     * The table's columns in order, with their types as DuckDB writes them, NOT NULL, defaults, and the expressions of
     * generated columns (DuckDB has VIRTUAL ones only).
     *
     * @param types the user's types, which a column's type may name
     */
    List<Column> columns(QualifiedName table, DuckDbUserTypes types) throws SQLException {
        Map<String, String> generated = DuckDbGeneratedColumns.of(CatalogQuery.list(connection, "SELECT sql FROM"
                + " duckdb_tables() WHERE" + CURRENT + "AND schema_name = ? AND table_name = ?", row -> row.getString(1),
                table.schema(), table.name()).stream().findFirst().orElse(null));
        return CatalogQuery.list(connection, "SELECT column_name, data_type, column_default, is_nullable"
                + " FROM duckdb_columns() WHERE" + CURRENT + "AND schema_name = ? AND table_name = ?"
                + " ORDER BY column_index", row -> {
                    String name = row.getString(1);
                    String written = row.getString(2);
                    String type = types.logicalType(written);
                    String expression = generated.get(name);
                    return new Column(name, type, DuckDbTypes.jdbcType(type), precision(type), scale(type),
                            row.getBoolean(4), expression == null ? row.getString(3) : null, null,
                            types.declaration(written, table.schema()), null,
                            expression == null ? null : "GENERATED ALWAYS AS (" + expression + ") VIRTUAL");
                }, table.schema(), table.name());
    }

    private static int precision(String type) {
        Matcher decimal = DECIMAL.matcher(type);
        return decimal.matches() ? Integer.parseInt(decimal.group(1)) : 0;
    }

    private static int scale(String type) {
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return Integer.parseInt(decimal.group(2));
        }
        return switch (type) {
            case "TIMESTAMP_NS" -> 9;
            case "TIMESTAMP_MS" -> 3;
            case "TIMESTAMP_S" -> 0;
            case "TIME", "TIMESTAMP", "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" -> 6;
            default -> 0;
        };
    }

    /**
     * The table's indexes, each as DuckDB writes its CREATE INDEX (with expressions; the table named with its schema
     * where that is not {@code main}). DuckDB lists no index of its own for keys here.
     */
    List<Index> indexes(QualifiedName table) throws SQLException {
        return CatalogQuery.list(connection, "SELECT index_name, is_unique, sql FROM duckdb_indexes() WHERE" + CURRENT
                + "AND schema_name = ? AND table_name = ? AND sql IS NOT NULL ORDER BY index_name",
                row -> new Index(row.getString(1), table, row.getBoolean(2), List.of(), withoutSemicolon(row.getString(3))),
                table.schema(), table.name());
    }

    /** The sequences in the schemas {@code inScope} accepts, each with the value it hands out next. */
    List<Sequence> sequences(Predicate<String> inScope) throws SQLException {
        List<Sequence> sequences = new ArrayList<>();
        for (Sequence sequence : CatalogQuery.list(connection, "SELECT schema_name, sequence_name, start_value,"
                + " increment_by, min_value, max_value, cycle, sql FROM duckdb_sequences() WHERE" + CURRENT
                + "AND NOT temporary ORDER BY 1, 2", row -> new Sequence(new QualifiedName(row.getString(1),
                        row.getString(2)), null, row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6),
                        row.getBoolean(7), next(row.getString(8), row.getLong(3)), null))) {
            if (inScope.test(sequence.name().schema())) {
                sequences.add(sequence);
            }
        }
        return sequences;
    }

    private static long next(String sql, long start) {
        Matcher matcher = START.matcher(sql == null ? "" : sql);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : start;
    }

    /** The views in the schemas {@code inScope} accepts: name and DuckDB's CREATE VIEW statement. */
    Map<QualifiedName, String> views(Predicate<String> inScope) throws SQLException {
        Map<QualifiedName, String> views = new LinkedHashMap<>();
        for (String[] view : CatalogQuery.list(connection, "SELECT schema_name, view_name, sql FROM duckdb_views()"
                + " WHERE" + CURRENT + "AND NOT internal AND NOT temporary ORDER BY 1, 2",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3)})) {
            if (inScope.test(view[0])) {
                views.put(new QualifiedName(view[0], view[1]), withoutSemicolon(view[2]));
            }
        }
        return views;
    }

    /** The user's types (enums, and other names for built-in types) of the current database. */
    DuckDbUserTypes userTypes() throws SQLException {
        return new DuckDbUserTypes(CatalogQuery.list(connection, "SELECT schema_name, type_name, logical_type, labels"
                + " FROM duckdb_types() WHERE" + CURRENT + "AND NOT internal ORDER BY 1, 2",
                row -> new DuckDbUserTypes.UserType(new QualifiedName(row.getString(1), row.getString(2)),
                        row.getString(3), strings(row, "labels"))), dialect);
    }

    /**
     * The macros in the schemas {@code inScope} accepts, each with its CREATE MACRO statement (overloads in one
     * statement); none before 1.0, whose catalog does not show a macro as it can be created again.
     */
    Map<QualifiedName, String> macros(Predicate<String> inScope) throws SQLException {
        Map<QualifiedName, String> macros = new LinkedHashMap<>();
        if (!version.showsMacros()) {
            return macros;
        }
        Map<QualifiedName, List<String>> overloads = new LinkedHashMap<>();
        for (String[] macro : CatalogQuery.list(connection, "SELECT schema_name, function_name, function_type,"
                + " parameters, macro_definition FROM duckdb_functions() WHERE" + CURRENT + "AND NOT internal"
                + " AND function_type IN ('macro', 'table_macro') ORDER BY 1, 2, function_oid",
                row -> new String[] {row.getString(1), row.getString(2), row.getString(3),
                        strings(row, "parameters").stream().map(dialect::quoteIdentifier)
                                .collect(Collectors.joining(", ")), row.getString(5)})) {
            if (inScope.test(macro[0])) {
                overloads.computeIfAbsent(new QualifiedName(macro[0], macro[1]), name -> new ArrayList<>())
                        .add("(" + macro[3] + ") AS " + (macro[2].equals("table_macro") ? "TABLE " : "") + macro[4]);
            }
        }
        overloads.forEach((name, bodies) -> macros.put(name,
                "CREATE MACRO " + dialect.quote(name) + String.join(", ", bodies)));
        return macros;
    }

    /** The names of the tables and views of the current database, in every schema. */
    List<String> relationNames() throws SQLException {
        return CatalogQuery.list(connection, "SELECT table_name FROM duckdb_tables() WHERE" + CURRENT
                + "UNION SELECT view_name FROM duckdb_views() WHERE" + CURRENT + "AND NOT internal",
                row -> row.getString(1));
    }

    /** The names of the macros in the schemas {@code inScope} accepts, for warnings. */
    List<QualifiedName> macroNames(Predicate<String> inScope) throws SQLException {
        List<QualifiedName> names = new ArrayList<>();
        for (QualifiedName name : CatalogQuery.list(connection, "SELECT DISTINCT schema_name, function_name"
                + " FROM duckdb_functions() WHERE" + CURRENT + "AND NOT internal"
                + " AND function_type IN ('macro', 'table_macro') ORDER BY 1, 2",
                row -> new QualifiedName(row.getString(1), row.getString(2)))) {
            if (inScope.test(name.schema())) {
                names.add(name);
            }
        }
        return names;
    }

    /** A VARCHAR[] column of a catalog function's row as strings; empty for NULL. */
    static List<String> strings(ResultSet row, String column) throws SQLException {
        Array array = row.getArray(column);
        if (array == null) {
            return List.of();
        }
        return Arrays.stream((Object[]) array.getArray()).map(e -> e == null ? null : e.toString()).toList();
    }

    private static String withoutSemicolon(String sql) {
        return sql == null ? null : sql.strip().replaceAll(";+$", "").strip();
    }
}
