package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PostgreSQL's {@code character(n)} values are carried without the spaces PostgreSQL pads them with (issue 12; found
 * by Sakila's {@code language.name}, a {@code character(20)}): into SQLite and DuckDB, whose types for it do not
 * pad, {@code 'ab'} is {@code 'ab'}, found by {@code = 'ab'}, not {@code 'ab   '}; a value's own leading spaces and
 * a value of spaces only stay what PostgreSQL's cast to text makes of them; into PostgreSQL the column is a
 * {@code character(n)} again and pads them as before. In CSV and Parquet.
 */
class PostgresCharAcrossEnginesIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(strings = {"csv", "parquet"})
    void charValuesLoseOnlyTheirPadding(String format) throws Exception {
        TestServer postgres = TestServer.postgres();
        String source = postgres.createDatabase();
        String target = postgres.createDatabase();
        Path export = temp.resolve("export");
        try {
            try (Connection plain = postgres.connect(source)) {
                ServerQueries.execute(plain, "CREATE TABLE codes (id integer PRIMARY KEY, code character(5))",
                        "INSERT INTO codes VALUES (1, 'ab'), (2, ' ab'), (3, ''), (4, 'abcde'), (5, NULL)");
            }
            try (Connection from = postgres.connectFerry(source); Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + ")");
            }
            List<List<String>> unpadded = List.of(List.of("1", "ab"), List.of("2", " ab"), List.of("3", ""),
                    List.of("4", "abcde"), Arrays.asList("5", null));
            for (String url : List.of("jdbc:sqlite:" + temp.resolve("codes.sqlite"),
                    "jdbc:duckdb:" + temp.resolve("codes.duckdb"))) {
                try (Connection ferry = DriverManager.getConnection(url.replace("jdbc:", "jdbc:ferry:"));
                     Statement s = ferry.createStatement()) {
                    s.executeUpdate("IMPORT DATABASE '" + export + "'");
                }
                try (Connection plain = DriverManager.getConnection(url)) {
                    assertEquals(unpadded, ServerQueries.rows(plain, "SELECT id, code FROM codes ORDER BY id"), url);
                    assertEquals(List.of(List.of("1")), ServerQueries.rows(plain,
                            "SELECT id FROM codes WHERE code = 'ab'"), url);
                }
            }
            try (Connection to = postgres.connectFerry(target); Statement s = to.createStatement()) {
                s.executeUpdate("IMPORT DATABASE '" + export + "'");
            }
            try (Connection from = postgres.connect(source); Connection to = postgres.connect(target)) {
                String padded = "SELECT id, code, octet_length(code::bytea) FROM codes ORDER BY id";
                assertEquals(ServerQueries.rows(from, padded), ServerQueries.rows(to, padded));
                assertEquals(List.of(List.of("character(5)")), ServerQueries.rows(to, "SELECT format_type(atttypid,"
                        + " atttypmod) FROM pg_attribute WHERE attrelid = 'codes'::regclass AND attname = 'code'"));
            }
        } finally {
            postgres.dropDatabase(source);
            postgres.dropDatabase(target);
        }
    }
}
