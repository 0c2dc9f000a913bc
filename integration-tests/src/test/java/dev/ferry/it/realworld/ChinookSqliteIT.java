package dev.ferry.it.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.ferry.it.servers.TestServer;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chinook, loaded into SQLite by its upstream script, exported by Ferry and imported into a fresh SQLite file and,
 * written for PostgreSQL, into PostgreSQL: every table's rows (into PostgreSQL compared value for value as each
 * engine's own driver reads them, {@link SampleRows}: SQLite's REAL prices as PostgreSQL's numeric, its timestamp
 * text as PostgreSQL's timestamps), primary keys, foreign keys (eleven single-column keys
 * without names, two tables with two and one with three) and plain indexes (bracket-quoted) come back, and the
 * export warns of nothing.
 */
class ChinookSqliteIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void intoSqlite(String format) throws Exception {
        Path source = temp.resolve("chinook.db");
        SqliteChinook.load(source);
        Path dir = temp.resolve("export");
        export(source, "EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
        Path target = temp.resolve("target.db");
        try (Connection ferry = DriverManager.getConnection("jdbc:ferry:sqlite:" + target + "?foreign_keys=true");
             Statement statement = ferry.createStatement()) {
            statement.execute("IMPORT DATABASE '" + dir + "'");
        }
        try (Connection from = sqlite(source); Connection to = sqlite(target)) {
            assertEquals(sqliteCatalog(from), sqliteCatalog(to));
            assertEquals(SqliteChinook.TABLES.size(), sqliteTables(to).size());
            for (String table : sqliteTables(from)) {
                List<List<Object>> rows = rows(from, "SELECT * FROM [" + table + "] ORDER BY 1, 2");
                assertEquals(SqliteChinook.TABLES.get(table), rows.size(), table);
                assertEquals(rows, rows(to, "SELECT * FROM [" + table + "] ORDER BY 1, 2"), table);
            }
            assertEquals(List.of(), rows(to, "PRAGMA foreign_key_check"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void intoPostgresql(String format) throws Exception {
        TestServer server = TestServer.postgres();
        Path source = temp.resolve("chinook.db");
        SqliteChinook.load(source);
        Path dir = temp.resolve("export");
        export(source, "EXPORT DATABASE '" + dir + "' (FORMAT " + format + ", DIALECT postgresql)");
        String database = server.createDatabase();
        try {
            try (Connection ferry = server.connectFerry(database); Statement statement = ferry.createStatement()) {
                statement.execute("IMPORT DATABASE '" + dir + "'");
            }
            try (Connection from = sqlite(source); Connection to = server.connect(database)) {
                List<String> tables = sqliteTables(from);
                assertEquals(tables.stream().map(ChinookSqliteIT::lower).sorted().toList(),
                        column(rows(to, "SELECT relname FROM pg_class WHERE relkind = 'r'"
                                + " AND relnamespace = 'public'::regnamespace ORDER BY 1")));
                Map<String, SampleRows.Rows> expected = SampleRows.tables(from);
                for (String table : tables) {
                    assertEquals(SqliteChinook.TABLES.get(table), expected.get(lower(table)).rows().size(), table);
                }
                RowComparison.assertSameTables(expected, SampleRows.tables(to));
                assertEquals(lowerCase(sqliteKeys(from)), postgresKeys(to));
                List<List<Object>> foreignKeys = lowerCase(sqliteForeignKeys(from));
                assertEquals(11, foreignKeys.size(), foreignKeys.toString());
                assertEquals(foreignKeys, postgresForeignKeys(to));
                List<List<Object>> indexes = lowerCase(sqliteIndexes(from));
                assertEquals(11, indexes.size(), indexes.toString());
                assertEquals(indexes, postgresIndexes(to));
            }
        } finally {
            server.dropDatabase(database);
        }
    }

    /** Runs the export through Ferry and requires that it warns of nothing. */
    private static void export(Path source, String sql) throws SQLException {
        try (Connection ferry = DriverManager.getConnection("jdbc:ferry:sqlite:" + source);
             Statement statement = ferry.createStatement()) {
            statement.execute(sql);
            SQLWarning warning = statement.getWarnings();
            assertNull(warning, () -> "no warning, but: " + warning.getMessage()
                    + (warning.getNextWarning() == null ? "" : "; " + warning.getNextWarning().getMessage()));
        }
    }

    private static Connection sqlite(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static List<String> sqliteTables(Connection connection) throws SQLException {
        return column(rows(connection, "SELECT name FROM sqlite_master WHERE type = 'table'"
                + " AND name NOT LIKE 'sqlite%' ORDER BY name"));
    }

    /**
     * SQLite's own description of the schema: each object's statement as written, each table's columns, primary key
     * and foreign keys (PRAGMA foreign_key_list, by id), each index's columns.
     */
    private static List<List<Object>> sqliteCatalog(Connection connection) throws SQLException {
        List<List<Object>> catalog = new ArrayList<>(rows(connection,
                "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"));
        catalog.addAll(rows(connection, "SELECT m.name, c.* FROM sqlite_master m, pragma_table_xinfo(m.name) c"
                + " WHERE m.type = 'table' ORDER BY m.name, c.cid"));
        catalog.addAll(rows(connection, "SELECT m.name, f.* FROM sqlite_master m, pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' ORDER BY m.name, f.id, f.seq"));
        catalog.addAll(rows(connection, "SELECT m.name, l.name, l.\"unique\", l.origin, l.partial, i.*"
                + " FROM sqlite_master m, pragma_index_list(m.name) l, pragma_index_xinfo(l.name) i"
                + " WHERE m.type = 'table' ORDER BY m.name, l.name, i.seqno"));
        return catalog;
    }

    /** Each table's primary key: table, then its columns joined by commas. */
    private static List<List<Object>> sqliteKeys(Connection connection) throws SQLException {
        return rows(connection, "SELECT m.name, group_concat(c.name, ',' ORDER BY c.pk) FROM sqlite_master m,"
                + " pragma_table_info(m.name) c"
                + " WHERE m.type = 'table' AND c.pk > 0 GROUP BY m.name ORDER BY m.name");
    }

    /** One row for each foreign key: table, columns, referenced table, referenced columns, on update, on delete. */
    private static List<List<Object>> sqliteForeignKeys(Connection connection) throws SQLException {
        return rows(connection, "SELECT m.name, group_concat(f.\"from\", ',' ORDER BY f.seq), f.\"table\","
                + " group_concat(f.\"to\", ',' ORDER BY f.seq), f.on_update, f.on_delete FROM sqlite_master m,"
                + " pragma_foreign_key_list(m.name) f"
                + " WHERE m.type = 'table' GROUP BY m.name, f.id ORDER BY 1, 2");
    }

    /** One row for each index made by CREATE INDEX: table, name, unique, columns. */
    private static List<List<Object>> sqliteIndexes(Connection connection) throws SQLException {
        return rows(connection, "SELECT m.tbl_name, m.name, l.\"unique\", group_concat(i.name, ',' ORDER BY i.seqno)"
                + " FROM sqlite_master m JOIN pragma_index_list(m.tbl_name) l ON l.name = m.name,"
                + " pragma_index_info(m.name) i"
                + " WHERE m.type = 'index' AND m.sql IS NOT NULL GROUP BY m.tbl_name, m.name ORDER BY 1, 2");
    }

    private static List<List<Object>> postgresKeys(Connection connection) throws SQLException {
        return rows(connection, "SELECT t.relname, (SELECT string_agg(a.attname, ',' ORDER BY k.o)"
                + " FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid"
                + " AND a.attnum = k.n) FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
                + " WHERE c.contype = 'p' AND c.connamespace = 'public'::regnamespace ORDER BY 1");
    }

    private static List<List<Object>> postgresForeignKeys(Connection connection) throws SQLException {
        String action = "CASE %s WHEN 'a' THEN 'NO ACTION' WHEN 'r' THEN 'RESTRICT' WHEN 'c' THEN 'CASCADE'"
                + " WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT' END";
        return rows(connection, "SELECT t.relname, (SELECT string_agg(a.attname, ',' ORDER BY k.o)"
                + " FROM unnest(c.conkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.conrelid"
                + " AND a.attnum = k.n), r.relname, (SELECT string_agg(a.attname, ',' ORDER BY k.o)"
                + " FROM unnest(c.confkey) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = c.confrelid"
                + " AND a.attnum = k.n), " + action.formatted("c.confupdtype") + ", "
                + action.formatted("c.confdeltype") + " FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid"
                + " JOIN pg_class r ON r.oid = c.confrelid"
                + " WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace ORDER BY 1, 2");
    }

    /** The indexes that back no constraint: table, name, unique (as SQLite's 0 or 1), columns. */
    private static List<List<Object>> postgresIndexes(Connection connection) throws SQLException {
        return rows(connection, "SELECT t.relname, i.relname, CASE WHEN x.indisunique THEN 1 ELSE 0 END,"
                + " (SELECT string_agg(a.attname, ',' ORDER BY k.o) FROM unnest(x.indkey::int2[]) WITH ORDINALITY"
                + " k(n, o) JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.n)"
                + " FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid"
                + " WHERE t.relnamespace = 'public'::regnamespace"
                + " AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid) ORDER BY 1, 2");
    }

    /** Names as Ferry writes them for PostgreSQL: Chinook's are plain words, which become lower case. */
    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Every text in the rows in lower case (names; the actions' words are compared in upper case). */
    private static List<List<Object>> lowerCase(List<List<Object>> rows) {
        List<List<Object>> lowered = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> copy = new ArrayList<>();
            for (Object value : row) {
                copy.add(value instanceof String text && !text.equals(text.toUpperCase(Locale.ROOT)) ? lower(text)
                        : value);
            }
            lowered.add(copy);
        }
        lowered.sort(java.util.Comparator.comparing(List::toString));
        return lowered;
    }

    private static List<String> column(List<List<Object>> rows) {
        return rows.stream().map(row -> (String) row.get(0)).toList();
    }

    /**
     * The rows of {@code sql}, each value as the two engines can agree on it: a number as its plain decimal text
     * (SQLite's REAL 0.99 and PostgreSQL's numeric 0.99 alike), anything else as its text.
     */
    private static List<List<Object>> rows(Connection connection, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    row.add(value == null ? null : value instanceof Number number
                            ? (number instanceof Double || number instanceof Float
                            ? BigDecimal.valueOf(number.doubleValue()) : new BigDecimal(number.toString()))
                            .stripTrailingZeros().toPlainString()
                            : rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
