package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Generated (computed) columns come back as generated columns with their expressions; their values are not in the
 * data files, the target computes them. MariaDB's VIRTUAL and STORED columns are covered by MariaDbSchemaIT.
 */
class GeneratedColumnsIT {
    private static final String GENERATED = "SELECT column_name, is_generated, generation_expression"
            + " FROM information_schema.columns WHERE table_name IN ('measures', 'MEASURES') ORDER BY ordinal_position";

    @TempDir
    Path temp;

    @Test
    void postgres() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            roundTrip(from, to, "CREATE TABLE measures (id int PRIMARY KEY, w numeric(6,2), h numeric(6,2),"
                    + " area numeric GENERATED ALWAYS AS (w * h) STORED, label text GENERATED ALWAYS AS"
                    + " ('#' || id::text) STORED)");
            assertEquals(ServerQueries.rows(from, GENERATED), ServerQueries.rows(to, GENERATED));
            assertEquals(List.of("ALWAYS", "(w * h)"), ServerQueries.rows(to, GENERATED).get(3).subList(1, 3));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @Test
    void h2() throws Exception {
        String url = "jdbc:ferry:h2:mem:";
        try (Connection from = DriverManager.getConnection(url + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
             Connection to = DriverManager.getConnection(url + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")) {
            roundTrip(from, to, "CREATE TABLE measures (id INT PRIMARY KEY, w NUMERIC(6,2), h NUMERIC(6,2),"
                    + " area NUMERIC(12,4) GENERATED ALWAYS AS (w * h), label VARCHAR(20) GENERATED ALWAYS AS"
                    + " ('#' || id))");
            assertEquals(ServerQueries.rows(from, GENERATED), ServerQueries.rows(to, GENERATED));
            assertEquals(List.of("NEVER", "NEVER", "NEVER", "ALWAYS", "ALWAYS"),
                    ServerQueries.rows(to, GENERATED).stream().map(row -> row.get(1)).toList());
        }
    }

    private void roundTrip(Connection from, Connection to, String create) throws SQLException {
        String select = "SELECT id, w, h, area, label FROM measures ORDER BY id";
        try (Statement s = from.createStatement()) {
            s.execute(create);
            s.execute("INSERT INTO measures (id, w, h) VALUES (1, 2.5, 4), (2, NULL, 3), (3, 1.25, 1.25)");
        }
        for (String format : List.of("csv", "parquet")) {
            Path dir = temp.resolve(format);
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + dir + "' (FORMAT " + format + ")");
            }
            try (Statement s = to.createStatement()) {
                if (format.equals("parquet")) {
                    s.execute("DROP TABLE measures");
                }
                s.execute("IMPORT DATABASE '" + dir + "'");
            }
            assertEquals(ServerQueries.rows(from, select), ServerQueries.rows(to, select), format);
        }
        try (Statement s = to.createStatement()) {
            s.execute("INSERT INTO measures (id, w, h) VALUES (4, 3, 3)");
        }
        assertEquals(List.of(List.of("9", "#4")), ServerQueries.rows(to, "SELECT area, label FROM measures WHERE id = 4")
                .stream().map(row -> List.of(row.get(0).replaceAll("\\.0+$", ""), row.get(1))).toList());
    }
}
