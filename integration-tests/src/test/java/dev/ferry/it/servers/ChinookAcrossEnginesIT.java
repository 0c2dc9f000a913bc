package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferry.it.realworld.MariaDbChinook;
import dev.ferry.it.realworld.PostgresChinook;
import dev.ferry.it.realworld.RowComparison;
import dev.ferry.it.realworld.SampleKeys;
import dev.ferry.it.realworld.SampleRows;
import dev.ferry.it.realworld.SampleRows.Rows;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Chinook loaded by its upstream scripts into PostgreSQL and into MariaDB, exported by Ferry and imported into another
 * engine (issue 12's hops Chinook PG → SQLite, PG → MariaDB and MariaDB → PG): in CSV with the export written for the
 * target ({@code DIALECT}), and in Parquet written for the source and translated at import. The export warns of
 * nothing; the target has the same eleven tables, each with every one of its rows, value for value as each engine's
 * own driver reads it ({@link SampleRows}: Chinook's {@code numeric(10,2)} prices, its timestamps and its Unicode
 * names), and the same primary and foreign keys ({@link SampleKeys}).
 */
class ChinookAcrossEnginesIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @CsvSource({"csv, sqlite", "parquet, "})
    void postgresIntoSqlite(String format, String dialect) throws Exception {
        TestServer postgres = TestServer.postgres();
        String source = postgres.createDatabase();
        try {
            PostgresChinook.load(postgres, source);
            Path export = export(postgres.connectFerry(source), format, dialect);
            String url = "jdbc:sqlite:" + temp.resolve("chinook.sqlite");
            importInto(DriverManager.getConnection(url.replace("jdbc:", "jdbc:ferry:")), export);
            try (Connection from = postgres.connect(source); Connection to = DriverManager.getConnection(url)) {
                assertSameData(from, to);
            }
        } finally {
            postgres.dropDatabase(source);
        }
    }

    @ParameterizedTest
    @CsvSource({"csv, mariadb", "parquet, "})
    void postgresIntoMariaDb(String format, String dialect) throws Exception {
        TestServer postgres = TestServer.postgres();
        TestServer mariadb = TestServer.mariadb();
        String source = postgres.createDatabase();
        String target = mariadb.createDatabase();
        try {
            PostgresChinook.load(postgres, source);
            Path export = export(postgres.connectFerry(source), format, dialect);
            importInto(mariadb.connectFerry(target), export);
            try (Connection from = postgres.connect(source); Connection to = mariadb.connect(target)) {
                assertSameData(from, to);
            }
        } finally {
            postgres.dropDatabase(source);
            mariadb.dropDatabase(target);
        }
    }

    @ParameterizedTest
    @CsvSource({"csv, postgresql", "parquet, "})
    void mariaDbIntoPostgres(String format, String dialect) throws Exception {
        TestServer mariadb = TestServer.mariadb();
        TestServer postgres = TestServer.postgres();
        String source = mariadb.createDatabase();
        String target = postgres.createDatabase();
        try {
            MariaDbChinook.load(mariadb, source);
            Path export = export(mariadb.connectFerry(source), format, dialect);
            importInto(postgres.connectFerry(target), export);
            try (Connection from = mariadb.connect(source); Connection to = postgres.connect(target)) {
                assertSameData(from, to);
            }
        } finally {
            mariadb.dropDatabase(source);
            postgres.dropDatabase(target);
        }
    }

    /** Exports through {@code ferry} (closed after), written for {@code dialect} where one is named. */
    private Path export(Connection ferry, String format, String dialect) throws Exception {
        Path export = temp.resolve("export");
        try (ferry; Statement s = ferry.createStatement()) {
            s.execute("EXPORT DATABASE '" + export + "' (FORMAT " + format + (dialect == null ? "" : ", DIALECT "
                    + dialect) + ")");
            assertEquals(List.of(), PostgresDependencyOrderIT.warnings(s));
        }
        return export;
    }

    /** Imports, then verifies the target against the export: each of the eleven tables {@code ok}, nothing missing. */
    private static void importInto(Connection ferry, Path export) throws Exception {
        try (ferry; Statement s = ferry.createStatement()) {
            s.executeUpdate("IMPORT DATABASE '" + export + "'");
            List<List<String>> verified = Verification.assertOk(ferry, export, 11);
            assertEquals(8715, verified.stream().mapToLong(r -> Long.parseLong(r.get(3))).max().orElse(0),
                    verified.toString());
        }
    }

    private static void assertSameData(Connection from, Connection to) throws Exception {
        Map<String, Rows> expected = SampleRows.tables(from);
        assertEquals(11, expected.size(), expected.keySet().toString());
        assertEquals(8715, expected.values().stream().mapToInt(t -> t.rows().size()).max().orElse(0));
        RowComparison.assertSameTables(expected, SampleRows.tables(to));
        SampleKeys.assertSameKeys(from, to, "keys");
    }
}
