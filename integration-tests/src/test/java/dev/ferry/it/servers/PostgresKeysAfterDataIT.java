package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's primary and unique keys are added after the data (as pg_dump does), unless a routine whose body
 * PostgreSQL parses as it is created ({@code BEGIN ATOMIC}) may need them then: such a schema keeps its keys in CREATE
 * TABLE, and both import to the source's keys and rows.
 */
class PostgresKeysAfterDataIT {
    private static final String KEYS = "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)"
            + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2";

    @TempDir
    Path temp;

    private void roundTrip(List<String> fill, boolean keysAfterData, String check) throws Exception {
        TestServer server = TestServer.postgres();
        String source = server.createDatabase();
        String target = server.createDatabase();
        Path export = temp.resolve("export");
        try {
            try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
                ServerQueries.execute(ferry, fill.toArray(String[]::new));
                statement.execute("EXPORT DATABASE '" + export + "'");
            }
            String postData = Files.readString(export.resolve("post-data.sql"));
            assertEquals(keysAfterData, postData.contains("ADD CONSTRAINT \"p_pkey\" PRIMARY KEY"), postData);
            assertEquals(!keysAfterData, Files.readString(export.resolve("schema.sql")).contains("PRIMARY KEY"));
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                statement.execute("IMPORT DATABASE '" + export + "'");
            }
            try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                ServerQueries.assertSameRows(from, to, List.of(KEYS, "SELECT * FROM p ORDER BY id", check));
                assertFalse(ServerQueries.rows(to, KEYS).isEmpty());
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @Test
    void keysAreAddedAfterTheData() throws Exception {
        roundTrip(List.of("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, v int)",
                "CREATE TABLE c (id int PRIMARY KEY, code text REFERENCES p (code))",
                "INSERT INTO p VALUES (1, 'a', 10), (2, 'b', 20)", "INSERT INTO c VALUES (1, 'b')"),
                true, "SELECT * FROM c ORDER BY id");
    }

    @Test
    void aBeginAtomicBodyThatNeedsTheKeyKeepsTheKeysInCreateTable() throws Exception {
        roundTrip(List.of("CREATE TABLE p (id int PRIMARY KEY, code text UNIQUE, v int)",
                "INSERT INTO p VALUES (1, 'a', 10), (2, 'b', 20)",
                // Valid only while id is the primary key: v is functionally dependent on it.
                "CREATE FUNCTION totals() RETURNS TABLE (id int, v int) LANGUAGE sql"
                        + " BEGIN ATOMIC SELECT id, v FROM p GROUP BY id; END"),
                false, "SELECT * FROM totals() ORDER BY id");
    }
}
