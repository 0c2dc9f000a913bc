package dev.ferry.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DuckDB database's schema as DuckDB's own catalog functions show it, queried here independently of Ferry's reader,
 * one line per object, for comparing a source and its copy.
 */
final class DuckDbCatalogSnapshot {
    /** What each part of the snapshot selects; every query ends with its ORDER BY. */
    private static final Map<String, String> PARTS = new LinkedHashMap<>();

    static {
        PARTS.put("schemas", "SELECT schema_name FROM duckdb_schemas() WHERE database_name = current_database()"
                + " ORDER BY 1");
        PARTS.put("columns", "SELECT schema_name, table_name, column_index, column_name, data_type, is_nullable,"
                + " column_default, comment FROM duckdb_columns() WHERE database_name = current_database() ORDER BY 1, 2, 3");
        PARTS.put("tables", "SELECT schema_name, table_name, comment, has_primary_key, column_count, index_count,"
                + " check_constraint_count FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1, 2");
        // In any order (DuckDB numbers them as CREATE TABLE happened to declare them, in columns or after them), and a
        // foreign key by the columns it refers to: its text says whether the statement named the referenced table with
        // its schema, which DuckDB requires to be the table's own.
        PARTS.put("constraints", "SELECT schema_name, table_name, constraint_type, constraint_column_names::VARCHAR,"
                + " CASE WHEN constraint_type = 'FOREIGN KEY' THEN NULL ELSE constraint_text END, expression,"
                + " constraint_name, referenced_table, referenced_column_names FROM duckdb_constraints()"
                + " WHERE database_name = current_database() ORDER BY ALL");
        PARTS.put("indexes", "SELECT schema_name, table_name, index_name, is_unique, is_primary, expressions, sql"
                + " FROM duckdb_indexes() WHERE database_name = current_database() ORDER BY 1, 2, 3");
        PARTS.put("views", "SELECT schema_name, view_name, sql FROM duckdb_views()"
                + " WHERE database_name = current_database() AND NOT internal ORDER BY 1, 2");
        PARTS.put("types", "SELECT schema_name, type_name, logical_type, labels FROM duckdb_types()"
                + " WHERE database_name = current_database() AND NOT internal ORDER BY 1, 2");
        PARTS.put("sequences", "SELECT schema_name, sequence_name, increment_by, min_value, max_value, cycle"
                + " FROM duckdb_sequences() WHERE database_name = current_database() ORDER BY 1, 2");
        PARTS.put("macros", "SELECT schema_name, function_name, function_type, parameters, macro_definition"
                + " FROM duckdb_functions() WHERE database_name = current_database() AND NOT internal"
                + " AND function_type LIKE '%macro' ORDER BY 1, 2, 4");
    }

    private DuckDbCatalogSnapshot() {
    }

    /** Each part of the catalog (schemas, columns, constraints, indexes ...) as lines of its rows' values. */
    static Map<String, List<String>> of(Connection connection) throws SQLException {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (Map.Entry<String, String> part : PARTS.entrySet()) {
            snapshot.put(part.getKey(), lines(connection, part.getValue()));
        }
        return snapshot;
    }

    /** The rows of {@code sql}, each as its values' text joined by " | ". */
    static List<String> lines(Connection connection, String sql) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                StringBuilder line = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    Object value = rows.getObject(i);
                    if (value instanceof java.sql.Array array) {
                        value = java.util.Arrays.toString((Object[]) array.getArray());
                    }
                    line.append(i == 1 ? "" : " | ").append(value);
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /**
     * What the catalogs of DuckDB 0.8.1 and 1.x both show, in the same words: schemas, tables, columns (an enum's type
     * written out, as 1.x writes it; NOT NULL, defaults, which columns are generated), constraints (CHECK by its text, the others by their columns:
     * 0.8.1 names no columns a foreign key refers to, and repeats some keys' columns in their text), indexes by name and uniqueness, views by name, user types, and sequences but for their start
     * (a copy starts where the source stands).
     */
    static Map<String, List<String>> acrossVersions(Connection connection) throws SQLException {
        String current = " WHERE database_name = current_database()";
        String user = current + " AND schema_name NOT IN ('information_schema', 'pg_catalog')";
        Map<String, String> enums = new LinkedHashMap<>();
        for (String line : lines(connection, "SELECT type_name, labels FROM duckdb_types()" + current
                + " AND logical_type = 'ENUM' AND NOT internal")) {
            String[] parts = line.split(" \\| ", 2);
            enums.put(parts[0], "ENUM(" + java.util.Arrays.stream(parts[1].substring(1, parts[1].length() - 1)
                    .split(", ")).map(l -> "'" + l.replace("'", "''") + "'").collect(
                            java.util.stream.Collectors.joining(", ")) + ")");
        }
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        snapshot.put("schemas", lines(connection, "SELECT schema_name FROM duckdb_schemas()" + user + " ORDER BY 1"));
        snapshot.put("tables", lines(connection, "SELECT schema_name, table_name, has_primary_key, column_count,"
                + " check_constraint_count FROM duckdb_tables()" + user + " ORDER BY 1, 2"));
        // A generated column by its name in CREATE TABLE (1.x shows its expression as its default, 0.8.1 nothing).
        java.util.Set<String> generated = new java.util.HashSet<>();
        for (String line : lines(connection, "SELECT schema_name || '.' || table_name, sql FROM duckdb_tables()" + user)) {
            java.util.regex.Matcher column = java.util.regex.Pattern.compile("\"?(\\w+)\"? \\w+ GENERATED ALWAYS AS")
                    .matcher(line);
            while (column.find()) {
                generated.add(line.substring(0, line.indexOf(" | ")) + "." + column.group(1));
            }
        }
        List<String> columns = new ArrayList<>();
        for (String line : lines(connection, "SELECT schema_name, table_name, column_index, column_name, data_type,"
                + " is_nullable, column_default FROM duckdb_columns()" + user + " AND NOT internal ORDER BY 1, 2, 3")) {
            String[] parts = line.split(" \\| ");
            parts[4] = enums.getOrDefault(parts[4], parts[4]);
            if (generated.contains(parts[0] + "." + parts[1] + "." + parts[3])) {
                parts[6] = "GENERATED";
            }
            columns.add(String.join(" | ", parts));
        }
        snapshot.put("columns", columns);
        // A CHECK by its text; the others by their columns (0.8.1 writes some keys' columns several times in the text).
        snapshot.put("constraints", lines(connection, "SELECT schema_name, table_name, constraint_type,"
                + " constraint_column_names::VARCHAR, CASE WHEN constraint_type = 'CHECK' THEN constraint_text END"
                + " FROM duckdb_constraints()" + user + " ORDER BY ALL"));
        snapshot.put("indexes", lines(connection, "SELECT schema_name, table_name, index_name, is_unique"
                + " FROM duckdb_indexes()" + current + " ORDER BY 1, 2, 3"));
        snapshot.put("views", lines(connection, "SELECT schema_name, view_name FROM duckdb_views()" + user
                + " AND NOT internal ORDER BY 1, 2"));
        snapshot.put("types", lines(connection, "SELECT schema_name, type_name, logical_type, labels FROM duckdb_types()"
                + current + " AND NOT internal ORDER BY 1, 2"));
        snapshot.put("sequences", lines(connection, "SELECT schema_name, sequence_name, increment_by, min_value,"
                + " max_value, cycle FROM duckdb_sequences()" + current + " ORDER BY 1, 2"));
        return snapshot;
    }

    /**
     * The value each sequence hands out next, taken from it (so the sequence moves on): the position an export must
     * keep.
     */
    static Map<String, Long> nextValues(Connection connection) throws SQLException {
        Map<String, Long> next = new LinkedHashMap<>();
        for (String sequence : lines(connection, "SELECT '\"' || replace(schema_name, '\"', '\"\"') || '\".\"'"
                + " || replace(sequence_name, '\"', '\"\"') || '\"' FROM duckdb_sequences()"
                + " WHERE database_name = current_database() ORDER BY 1")) {
            String quoted = sequence.replace("'", "''");
            next.put(sequence, Long.valueOf(lines(connection, "SELECT nextval('" + quoted + "')").get(0)));
        }
        return next;
    }
}
