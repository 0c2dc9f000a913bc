package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values of 10 MB, text and binary, come back byte for byte. */
class PostgresLargeValuesIT {
    @TempDir
    Path temp;

    @Test
    void tenMegabyteTextAndBinaryValues() throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try (Connection from = server.connectFerry(source); Connection to = server.connectFerry(target)) {
            ServerQueries.execute(from,
                    "CREATE TABLE big (id int PRIMARY KEY, t text, b bytea)",
                    // 10 MB of text with quotes, delimiters, line breaks and 4-byte characters; 10 MB of every byte.
                    "INSERT INTO big SELECT 1, string_agg(chr(32 + (i % 95)) || CASE WHEN i % 1000 = 0"
                            + " THEN E'\\r\\n\"😀,' ELSE '' END, '') , NULL FROM generate_series(1, 10000000) i",
                    "INSERT INTO big SELECT 2, NULL, string_agg(set_byte('\\x00'::bytea, 0, i % 256), ''::bytea)"
                            + " FROM generate_series(1, 10485760) i");
            String digest = "SELECT id, length(t), md5(t), length(b), md5(b) FROM big ORDER BY id";
            List<List<String>> expected = ServerQueries.rows(from, digest);
            try (Statement s = from.createStatement()) {
                s.execute("EXPORT DATABASE '" + temp.resolve("export") + "'");
            }
            try (Statement s = to.createStatement()) {
                assertEquals(2, s.executeUpdate("IMPORT DATABASE '" + temp.resolve("export") + "'"));
            }
            assertEquals(expected, ServerQueries.rows(to, digest));
            assertEquals("10485760", expected.get(1).get(3));
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }
}
