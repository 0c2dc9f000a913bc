package dev.ferry.it;

import static dev.ferry.it.TestDatabases.execute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * IMPORT and COPY FROM into DuckDB 1.4 through its Appender: every value of every type it carries arrives as the
 * insert path stores it (both paths are run, the insert path with {@code -Ddev.ferry.duckdb.appender=false}) and as
 * the source holds it, rows in the file's order, over several of the Appender's chunks; tables of types it does not
 * carry, and a table that refers to itself, still load; and a refused row is named by the lines of its chunk, in the
 * Appender's words (which the insert path never uses: the proof that the Appender loaded it).
 */
class DuckDbAppenderLoadIT {
    private static final String APPENDER_PROPERTY = "dev.ferry.duckdb.appender";
    private static final int ROWS = 5_000;

    @TempDir
    Path temp;

    private Connection open(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:ferry:duckdb:" + temp.resolve(name + ".duckdb"));
    }

    /** Tables of every type the Appender carries, edge values among them, and tables it leaves to INSERTs. */
    private static void createSample(Connection connection) throws SQLException {
        execute(connection,
                "CREATE TABLE everything (id INTEGER PRIMARY KEY, b BOOLEAN, ti TINYINT, ut UTINYINT, si SMALLINT,"
                        + " us USMALLINT, ui UINTEGER, bi BIGINT, ub UBIGINT, hi HUGEINT, uh UHUGEINT,"
                        + " d DECIMAL(12,2), d38 DECIMAL(38,10), f FLOAT, dd DOUBLE, v VARCHAR, bl BLOB, u UUID,"
                        + " dt DATE, tm TIME, ts TIMESTAMP, tz TIMESTAMPTZ)",
                "INSERT INTO everything SELECT x, CASE WHEN x % 7 = 0 THEN NULL ELSE x % 2 = 0 END,"
                        + " (x % 256 - 128)::TINYINT, (x % 256)::UTINYINT, (x * 13 % 65536 - 32768)::SMALLINT,"
                        + " (x * 13 % 65536)::USMALLINT, (x::UBIGINT * 858993 % 4294967296)::UINTEGER,"
                        + " CASE x % 5 WHEN 0 THEN -9223372036854775808 WHEN 1 THEN 9223372036854775807"
                        + " ELSE x * -1000003 END, (x::HUGEINT * 3689348814741910323 % 18446744073709551616)::UBIGINT,"
                        + " CASE x % 3 WHEN 0 THEN '-170141183460469231731687303715884105728'::HUGEINT"
                        + " WHEN 1 THEN '170141183460469231731687303715884105727'::HUGEINT ELSE x * -7 END,"
                        + " CASE x % 2 WHEN 0 THEN '340282366920938463463374607431768211455'::UHUGEINT ELSE x::UHUGEINT END,"
                        + " CASE WHEN x % 11 = 0 THEN NULL ELSE (x * 1.01 - 2500)::DECIMAL(12,2) END,"
                        + " ('-1234567890123456789012345678.0123456789'::DECIMAL(38,10) + x),"
                        + " CASE x % 6 WHEN 0 THEN 'NaN'::FLOAT WHEN 1 THEN '-inf'::FLOAT WHEN 2 THEN '-0.0'::FLOAT"
                        + " ELSE x / 3.0 END,"
                        + " CASE x % 6 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN 'inf'::DOUBLE WHEN 2 THEN '-0.0'::DOUBLE"
                        + " WHEN 3 THEN 4.9e-324 ELSE x / 7.0 END,"
                        + " CASE x % 5 WHEN 0 THEN NULL WHEN 1 THEN '' WHEN 2 THEN 'NULL' WHEN 3 THEN"
                        + " 'a,b\"c''d' || chr(13) || chr(10) || '\\N 😀 ünï' ELSE repeat('x', x % 40) END,"
                        + " CASE x % 3 WHEN 0 THEN NULL WHEN 1 THEN ''::BLOB ELSE '\\x00\\xFF\\x7F\\x80'::BLOB END,"
                        + " CASE x % 3 WHEN 0 THEN 'ffffffff-ffff-ffff-ffff-ffffffffffff'::UUID"
                        + " WHEN 1 THEN '00000000-0000-0000-0000-000000000000'::UUID ELSE md5(x::VARCHAR)::UUID END,"
                        + " CASE x % 6 WHEN 0 THEN 'infinity'::DATE WHEN 1 THEN '-infinity'::DATE"
                        + " WHEN 2 THEN '-0043-03-15'::DATE WHEN 3 THEN '9999-12-31'::DATE"
                        + " ELSE DATE '1970-01-01' + (x - 2500)::INTEGER END,"
                        + " CASE x % 4 WHEN 0 THEN '24:00:00'::TIME WHEN 1 THEN '23:59:59.999999'::TIME"
                        + " ELSE TIME '00:00:00' + to_microseconds(x * 1000001) END,"
                        + " CASE x % 5 WHEN 0 THEN 'infinity'::TIMESTAMP WHEN 1 THEN '-infinity'::TIMESTAMP"
                        + " WHEN 2 THEN '-0043-03-15 12:00:00'::TIMESTAMP"
                        + " ELSE TIMESTAMP '1969-12-31 23:59:59.999999' + to_microseconds(x * 1000000007) END,"
                        + " CASE x % 5 WHEN 0 THEN 'infinity'::TIMESTAMPTZ WHEN 1 THEN '-infinity'::TIMESTAMPTZ"
                        + " WHEN 2 THEN NULL"
                        + " ELSE TIMESTAMPTZ '2024-01-01 10:00:00.5+05:30' - to_microseconds(x * 999) END"
                        + " FROM range(1, " + (ROWS + 1) + ") t(x) ORDER BY x % 97, x",
                "CREATE TABLE parent (id INTEGER PRIMARY KEY)",
                "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id), note VARCHAR)",
                "CREATE TABLE employees (id INTEGER PRIMARY KEY, boss INTEGER REFERENCES employees (id))",
                "CREATE TABLE others (id INTEGER, during INTERVAL, tags VARCHAR[], at_ns TIMESTAMP_NS)",
                "INSERT INTO parent SELECT x FROM range(1, 101) t(x)",
                "INSERT INTO child SELECT x, CASE WHEN x % 9 = 0 THEN NULL ELSE x % 100 + 1 END, 'c' || x"
                        + " FROM range(1, " + (ROWS + 1) + ") t(x)",
                "INSERT INTO employees VALUES (1, NULL)",
                "INSERT INTO employees VALUES (2, 1)",
                "INSERT INTO employees VALUES (3, 2), (4, 2)",
                "INSERT INTO others VALUES (1, INTERVAL '1 year 2 days 03:04:05.6', ['a,b', NULL, ''],"
                        + " '2024-02-29 23:59:59.123456789'), (2, NULL, NULL, NULL)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void everyValueArrivesAsTheInsertsStoreIt(String format) throws Exception {
        Path export = temp.resolve("export");
        try (Connection source = open("source"); Connection appended = open("appended");
             Connection inserted = open("inserted")) {
            createSample(source);
            execute(source, "EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
            execute(appended, "IMPORT DATABASE '" + export + "'");
            System.setProperty(APPENDER_PROPERTY, "false");
            try {
                execute(inserted, "IMPORT DATABASE '" + export + "'");
            } finally {
                System.clearProperty(APPENDER_PROPERTY);
            }
            for (String table : List.of("everything", "parent", "child", "employees", "others")) {
                assertEquals(text(source, table, "ALL"), text(appended, table, "ALL"), table);
                assertEquals(text(inserted, table, "rowid"), text(appended, table, "rowid"),
                        "in the file's order, " + table);
            }
            assertEquals(ROWS, text(appended, "everything", "rowid").size());
        }
    }

    @Test
    void aRefusedRowIsNamedByTheLinesOfItsChunk() throws Exception {
        Path file = temp.resolve("d.csv");
        Files.writeString(file, "id,name\n" + IntStream.rangeClosed(1, ROWS)
                .mapToObj(id -> (id == 3_000 ? 10 : id) + ",\"n" + id + "\"\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);
        try (Connection target = open("target")) {
            execute(target, "CREATE TABLE d (id INTEGER PRIMARY KEY, name VARCHAR NOT NULL)");
            SQLException refused = assertThrows(SQLException.class,
                    () -> execute(target, "COPY d FROM '" + file + "' (HEADER true)"));
            String message = refused.getMessage();
            assertTrue(message.contains("The database refused a row between line 2050 of d.csv and line 4097 of d.csv")
                    && message.contains("Appender") && message.contains("duplicate key \"10\""), message);
            assertEquals(List.of(List.of(0L)), TestDatabases.rows(target, "SELECT count(*) FROM d"));
        }
    }

    @Test
    void aRowThatRefersToNoParentIsRefusedNamingItsChunk() throws Exception {
        Path file = temp.resolve("child.csv");
        Files.writeString(file, "id,parent\n" + IntStream.rangeClosed(1, 300)
                .mapToObj(id -> id + "," + (id == 250 ? 7 : 1) + "\n").collect(Collectors.joining()),
                StandardCharsets.UTF_8);
        try (Connection target = open("target")) {
            execute(target, "CREATE TABLE parent (id INTEGER PRIMARY KEY)", "INSERT INTO parent VALUES (1)",
                    "CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER REFERENCES parent (id))");
            SQLException refused = assertThrows(SQLException.class,
                    () -> execute(target, "COPY child FROM '" + file + "' (HEADER true)"));
            String message = refused.getMessage();
            assertTrue(message.contains("The database refused a row between line 2 of child.csv and line 301 of"
                    + " child.csv") && message.contains("Appender") && message.contains("foreign key"), message);
            assertEquals(List.of(List.of(0L)), TestDatabases.rows(target, "SELECT count(*) FROM child"));
        }
    }

    /** Every row of the table, each value as DuckDB's text of it, ordered by {@code order} (rowid: as stored). */
    private static List<List<Object>> text(Connection connection, String table, String order) throws SQLException {
        execute(connection, "SET TimeZone = 'UTC'");
        return TestDatabases.rows(connection, "SELECT CAST(COLUMNS(*) AS VARCHAR) FROM " + table
                + " ORDER BY " + order);
    }
}
