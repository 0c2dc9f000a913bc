package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.verify.DataComparison;
import dev.ferry.core.sql.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IMPORT into MariaDB through LOAD DATA LOCAL INFILE (the default) and through batched INSERTs (a connection with
 * Connector/J's {@code allowLocalInfile=false}, which Ferry then falls back to) loads the same values: every value of
 * {@link MariaDbValuesIT}'s cases, and a table of 70,000 rows of awkward values over several LOAD DATA statements, are
 * read back exactly from the source and both copies. A row the server refuses fails the import, naming the data
 * file's line and the column, and leaves the database empty.
 */
class MariaDbLoadDataIT {
    private static final int MIXED_ROWS = 70_000;

    private final TestServer server = TestServer.mariadb();

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void loadDataAndInsertsLoadTheSameValues(String format) throws Exception {
        String source = server.createDatabase();
        String bulk = server.createDatabase();
        String inserts = server.createDatabase();
        try (Connection from = server.connect(source); Connection viaLoadData = server.connect(bulk);
             Connection viaInserts = server.connect(inserts)) {
            Map<String, MariaDbValuesIT.Case> tables = storeCases(from);
            storeMixed(from);
            Path dir = temp.resolve("export-" + format);
            try (Connection ferry = server.connectFerry(source); Statement s = ferry.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
            }
            int expectedRows = MariaDbValuesIT.cases().size() + MIXED_ROWS;
            assertEquals(expectedRows, importInto(server.ferryUrl(bulk), dir, true));
            assertEquals(expectedRows, importInto(server.ferryUrl(inserts) + "?allowLocalInfile=false", dir, false));

            List<String> names = new ArrayList<>(tables.keySet());
            names.add("mixed");
            DataComparison comparison = new DataComparison(viaLoadData, viaInserts);
            for (String table : names) {
                List<List<String>> original = exactRows(from, source, table);
                assertEquals(original, exactRows(viaLoadData, bulk, table), table + " through LOAD DATA");
                assertEquals(original, exactRows(viaInserts, inserts, table), table + " through INSERTs");
                assertEquals(List.of(), comparison.differences("`" + table + "`"), table);
            }
            assertEquals(MIXED_ROWS, Integer.parseInt(ServerQueries.rows(viaLoadData, "SELECT COUNT(*) FROM mixed")
                    .get(0).get(0)));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(bulk);
            server.dropDatabase(inserts);
        }
    }

    /**
     * A value too long for its column, in a row of the second LOAD DATA statement: the import fails naming the data
     * file, the row's line and the column, as the INSERT path does, and drops what it created.
     */
    @Test
    void aValueTooLongFailsNamingFileLineAndColumn() throws Exception {
        String source = server.createDatabase();
        String bulk = server.createDatabase();
        String inserts = server.createDatabase();
        try (Connection from = server.connect(source)) {
            ServerQueries.execute(from, "CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(10))",
                    "INSERT INTO t SELECT seq, IF(seq = 55555, 'ten chars!', 'ok') FROM seq_1_to_60000");
            Path dir = temp.resolve("too-long");
            try (Connection ferry = server.connectFerry(source); Statement s = ferry.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "'");
            }
            Path schema = dir.resolve("schema.sql");
            String script = Files.readString(schema, StandardCharsets.UTF_8);
            assertTrue(script.contains("varchar(10)"), script);
            Files.writeString(schema, script.replace("varchar(10)", "varchar(5)"), StandardCharsets.UTF_8);

            for (String url : List.of(server.ferryUrl(bulk), server.ferryUrl(inserts) + "?allowLocalInfile=false")) {
                String database = url.contains("allowLocalInfile") ? inserts : bulk;
                SQLException refused = assertThrows(SQLException.class,
                        () -> importInto(url, dir, " (ALLOW_EDITED_SCRIPTS)"));
                String message = refused.getMessage();
                assertTrue(message.contains("line 55556 of data/t/part-0001.csv") && message.contains("'v'"), message);
                assertEquals("22001", refused.getSQLState(), message);
                try (Connection copy = server.connect(database)) {
                    assertEquals(List.of(), ServerQueries.rows(copy, "SHOW FULL TABLES"), "nothing is left in " + url);
                }
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(bulk);
            server.dropDatabase(inserts);
        }
    }

    /**
     * A duplicate key, which LOAD DATA LOCAL would skip with a warning naming no row: COPY FROM fails naming the file
     * and the lines of the rows the statement was sent, and loads nothing.
     */
    @Test
    void aDuplicateKeyFailsCopyNamingTheFile() throws Exception {
        String database = server.createDatabase();
        try (Connection ferry = server.connectFerry(database)) {
            ServerQueries.execute(ferry, "CREATE TABLE d (id INT PRIMARY KEY, v VARCHAR(5))");
            Path file = temp.resolve("d.csv");
            Files.writeString(file, "id,v\n1,\"a\"\n2,\"b\"\n1,\"c\"\n3,\"d\"\n", StandardCharsets.UTF_8);
            SQLException refused = assertThrows(SQLException.class,
                    () -> ServerQueries.execute(ferry, "COPY d FROM '" + file + "' (HEADER true)"));
            String message = refused.getMessage();
            assertTrue(message.contains("between line 2 of d.csv and line 5 of d.csv")
                    && message.contains("Duplicate entry '1'"), message);
            assertEquals("23000", refused.getSQLState(), message);
            assertEquals(List.of(List.of("0")), ServerQueries.rows(ferry, "SELECT COUNT(*) FROM d"));
            assertEquals(2, status(ferry, "Com_load"), "refused by LOAD DATA (after its probe with no rows), not by an INSERT");
        } finally {
            server.dropDatabase(database);
        }
    }

    /**
     * Values the column rounds (a seventh fractional digit of a second, a third decimal), which an INSERT in strict
     * mode takes with a Note: LOAD DATA takes them too, with the same values, also where there are more Notes than
     * MariaDB lists by default (64).
     */
    @Test
    void valuesRoundedWithANoteLoadAsInserted() throws Exception {
        String bulk = server.createDatabase();
        String inserts = server.createDatabase();
        Path file = temp.resolve("rounded.csv");
        StringBuilder csv = new StringBuilder("id,at,amount\n");
        for (int i = 1; i <= 1_000; i++) {
            csv.append(i).append(",\"2024-01-01 10:00:00.").append(String.format("%07d", i * 9_973 % 10_000_000))
                    .append("\",\"").append(i).append(".005\"\n");
        }
        Files.writeString(file, csv.toString(), StandardCharsets.UTF_8);
        try {
            List<List<String>> loaded = new ArrayList<>();
            for (String url : List.of(server.ferryUrl(bulk), server.ferryUrl(inserts) + "?allowLocalInfile=false")) {
                try (Connection ferry = DriverManager.getConnection(url, server.credentials())) {
                    ServerQueries.execute(ferry, "CREATE TABLE r (id INT PRIMARY KEY, at DATETIME(6), amount DECIMAL(12,2))",
                            "COPY r FROM '" + file + "' (HEADER true)");
                    loaded.add(List.of(String.valueOf(ServerQueries.rows(ferry, "SELECT COUNT(*), MIN(at), MAX(amount),"
                            + " SHA2(GROUP_CONCAT(id, ' ', at, ' ', amount ORDER BY id), 256) FROM r")),
                            String.valueOf(status(ferry, "Com_load"))));
                }
            }
            assertEquals(loaded.get(0).get(0), loaded.get(1).get(0));
            assertTrue(loaded.get(0).get(0).startsWith("[[1000, 2024-01-01 10:00:00.000997, 1000.01,"),
                    loaded.get(0).get(0));
            assertEquals(List.of("2", "0"), List.of(loaded.get(0).get(1), loaded.get(1).get(1)), "LOAD DATA, then INSERTs");
        } finally {
            server.dropDatabase(bulk);
            server.dropDatabase(inserts);
        }
    }

    /** Imports the directory through a Ferry connection, checking that it went through LOAD DATA or INSERTs. */
    private long importInto(String url, Path dir, boolean loadData) throws SQLException {
        try (Connection ferry = DriverManager.getConnection(url, server.credentials());
             Statement s = ferry.createStatement()) {
            long rows = s.executeLargeUpdate("IMPORT DATABASE '" + dir + "'");
            long loads = status(ferry, "Com_load");
            long inserts = status(ferry, "Com_insert") - journalInserts(dir);
            assertTrue(loadData ? loads > 0 && inserts == 0 : loads == 0 && inserts > 0,
                    "LOAD DATA statements: " + loads + ", INSERTs: " + inserts + " through " + url);
            return rows;
        }
    }

    /**
     * The INSERTs of the import's journal, which the data's do not include: its entries (one batch), the schema's mark,
     * a mark per data file, and two per post-data statement (begun, run).
     */
    private static long journalInserts(Path dir) throws SQLException {
        try {
            long dataFiles;
            try (Stream<Path> files = Files.walk(dir)) {
                dataFiles = files.filter(f -> f.getFileName().toString().endsWith(".csv")
                        || f.getFileName().toString().endsWith(".parquet")).count();
            }
            String postData = Files.readString(dir.resolve("post-data.sql"), StandardCharsets.UTF_8);
            return 2 + dataFiles + 2L * SqlScript.split(postData, true).size();
        } catch (IOException e) {
            throw new SQLException(e);
        }
    }

    private void importInto(String url, Path dir, String options) throws SQLException {
        try (Connection ferry = DriverManager.getConnection(url, server.credentials());
             Statement s = ferry.createStatement()) {
            s.execute("IMPORT DATABASE '" + dir + "'" + options);
        }
    }

    /** A counter of the session's statements, such as Com_load (LOAD DATA, probes with no rows included). */
    private static long status(Connection connection, String counter) throws SQLException {
        return Long.parseLong(ServerQueries.rows(connection, "SHOW SESSION STATUS LIKE '" + counter + "'").get(0).get(1));
    }

    /** One table per type of {@link MariaDbValuesIT}'s cases, each case a row (its id the case's index). */
    private static Map<String, MariaDbValuesIT.Case> storeCases(Connection connection) throws SQLException {
        Map<String, MariaDbValuesIT.Case> tables = new LinkedHashMap<>();
        Map<String, String> tableOfType = new LinkedHashMap<>();
        List<MariaDbValuesIT.Case> cases = MariaDbValuesIT.cases();
        ServerQueries.execute(connection, "SET time_zone = '+00:00'");
        for (int id = 0; id < cases.size(); id++) {
            MariaDbValuesIT.Case c = cases.get(id);
            String table = tableOfType.computeIfAbsent(c.type(), type -> "v" + (tableOfType.size() + 1));
            if (tables.putIfAbsent(table, c) == null) {
                ServerQueries.execute(connection, "CREATE TABLE `" + table + "` (id INT PRIMARY KEY, v " + c.type() + ")");
            }
            ServerQueries.execute(connection, "SET SESSION sql_mode = "
                    + (c.relaxed() ? "'" + MariaDbValuesIT.RELAXED + "'" : "DEFAULT"));
            String value = c.value() instanceof MariaDbValuesIT.Sql literal ? literal.literal() : "?";
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO `" + table + "` VALUES (" + id + ", " + value + ")")) {
                if (!(c.value() instanceof MariaDbValuesIT.Sql)) {
                    insert.setObject(1, c.value());
                }
                insert.executeUpdate();
            }
        }
        ServerQueries.execute(connection, "SET SESSION sql_mode = DEFAULT");
        return tables;
    }

    /**
     * 70,000 rows of the benchmark's columns and awkward ones: NULL beside the empty string, tabs, newlines,
     * backslashes, {@code \N} as text, 4-byte characters, bytes 0x00 and 0x5C, zero dates, decimals and floats at
     * their extremes, bits, years, JSON, ENUM and SET, so that they cross several LOAD DATA statements.
     */
    private static void storeMixed(Connection connection) throws SQLException {
        ServerQueries.execute(connection, "SET SESSION sql_mode = '" + MariaDbValuesIT.RELAXED + "'",
                "CREATE TABLE mixed (id BIGINT PRIMARY KEY, amount DECIMAL(12,2), at DATETIME(6), uuid CHAR(36),"
                        + " note TEXT NULL, bytes BLOB, f FLOAT, d DOUBLE, b1 BIT(1), b5 BIT(5), y YEAR, j JSON,"
                        + " e ENUM('a','b,c','') NULL, s SET('x','y'), day DATE, u BIGINT UNSIGNED)",
                "INSERT INTO mixed SELECT seq,"
                        + " IF(seq % 11 = 0, NULL, (seq - 35000) * 100.0001 + IF(seq % 3 = 0, 9990000000.99, 0)),"
                        + " IF(seq % 13 = 0, '0000-00-00 00:00:00', '2024-02-29 23:59:59.999999' - INTERVAL seq SECOND),"
                        + " UUID(),"
                        + " ELT(seq % 9 + 1, NULL, '', 'NULL', '\\\\N', CONCAT('tab\\there\\nnew', seq),"
                        + "     CONCAT('back\\\\slash\\rcr', seq), '😀 𝄞 שלום', CONCAT('quote\"''', seq, ',comma'), REPEAT('x', seq % 500)),"
                        + " ELT(seq % 5 + 1, NULL, '', UNHEX('005C0A09'), UNHEX(SHA2(seq, 256)), UNHEX('FF5C4E')),"
                        + " IF(seq % 7 = 0, NULL, ELT(seq % 4 + 1, 0.1, 16777217, 3.4028234e38, 1.4e-45) * (seq % 2 * 2 - 1)),"
                        + " ELT(seq % 5 + 1, NULL, 4.9e-324, 1.7976931348623157e308, 0.1 * seq, -2.2250738585072014e-308),"
                        + " IF(seq % 3 = 0, NULL, seq % 2), b'10101' ^ (seq % 32), IF(seq % 4 = 0, 0, 1901 + seq % 255),"
                        + " IF(seq % 6 = 0, NULL, JSON_OBJECT('n', seq, 's', 'a\\tb\\\\c\"d', 'u', '😀')),"
                        + " ELT(seq % 4 + 1, NULL, 'a', 'b,c', ''), ELT(seq % 4 + 1, '', 'x', 'x,y', NULL),"
                        + " IF(seq % 17 = 0, '2024-02-30', '1000-01-01' + INTERVAL seq DAY),"
                        + " 18446744073709551615 - seq"
                        + " FROM (SELECT CAST(seq AS SIGNED) AS seq FROM seq_1_to_" + MIXED_ROWS + ") n",
                "SET SESSION sql_mode = DEFAULT");
    }

    /**
     * Every row of the table, ordered by id, each value as an expression that shows it exactly: text and binary as
     * their bytes, FLOAT and DOUBLE as the double they hold, BIT as a number, the rest as the server's text (in UTC).
     */
    private static List<List<String>> exactRows(Connection connection, String database, String table)
            throws SQLException {
        List<String> expressions = new ArrayList<>();
        List<Boolean> doubles = new ArrayList<>();
        try (PreparedStatement columns = connection.prepareStatement("SELECT COLUMN_NAME, DATA_TYPE FROM"
                + " information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION")) {
            columns.setString(1, database);
            columns.setString(2, table);
            try (ResultSet column = columns.executeQuery()) {
                while (column.next()) {
                    String name = "`" + column.getString(1) + "`";
                    String type = column.getString(2).toLowerCase(java.util.Locale.ROOT);
                    doubles.add(type.equals("float") || type.equals("double"));
                    expressions.add(switch (type) {
                        case "float", "double" -> "CAST(" + name + " AS DOUBLE)";
                        case "bit" -> "CAST(" + name + " + 0 AS CHAR)";
                        case "char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set",
                             "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob", "json" ->
                                "HEX(" + name + ")";
                        default -> "CAST(" + name + " AS CHAR)";
                    });
                }
            }
        }
        ServerQueries.execute(connection, "SET time_zone = '+00:00'");
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT " + String.join(", ", expressions) + " FROM `" + table
                     + "` ORDER BY 1")) {
            while (row.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= expressions.size(); i++) {
                    if (doubles.get(i - 1)) {
                        double value = row.getDouble(i);
                        values.add(row.wasNull() ? null : Double.toString(value));
                    } else {
                        values.add(row.getString(i));
                    }
                }
                rows.add(values);
            }
        }
        return rows;
    }
}
