package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.driver.FerryConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * IMPORT DATABASE's JOBS on PostgreSQL and MariaDB (issue 13): the chunks of a big table load on both connections,
 * the keys, indexes and foreign keys are built after the data, and the database ends with exactly the source's rows
 * and catalog; a failure after the data (the schema and data committed) leaves the database as it was, with nothing
 * of the import's left, so that the next import runs.
 */
class ParallelImportIT {

    @TempDir
    Path temp;

    private static TestServer server(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
    }

    /** ChunkedExportIT's tables, with a table referring to two of them, an index, a view, and a routine. */
    static void fill(Connection connection, TestServer.Engine engine) throws SQLException {
        ChunkedExportIT.fill(connection, engine);
        boolean postgres = engine == TestServer.Engine.POSTGRESQL;
        ServerQueries.execute(connection,
                "CREATE TABLE child (id int PRIMARY KEY, big_id bigint NOT NULL REFERENCES big (id),"
                        + " small_id int REFERENCES small (id), code varchar(20) UNIQUE)",
                "INSERT INTO child VALUES (1, 1, 1, 'a'), (2, 9, NULL, 'b'), (3, 5100, 2, NULL)",
                "CREATE INDEX big_label ON big (label)",
                "CREATE VIEW child_labels AS SELECT c.id, b.label FROM child c JOIN big b ON b.id = c.big_id",
                postgres ? "CREATE FUNCTION twice(x int) RETURNS int LANGUAGE sql AS 'SELECT x * 2'"
                        : "CREATE FUNCTION twice(x int) RETURNS int RETURN x * 2");
        if (postgres) {
            ServerQueries.execute(connection,
                    "CREATE TYPE mood AS ENUM ('sad', 'ok')",
                    "CREATE DOMAIN positive AS int CHECK (VALUE > 0)",
                    "CREATE TABLE moods (id positive PRIMARY KEY, m mood)",
                    "INSERT INTO moods VALUES (1, 'sad'), (2, 'ok'), (3, NULL)");
        }
    }

    static List<String> compared(TestServer.Engine engine) {
        List<String> compared = new ArrayList<>(ChunkedExportIT.COMPARED);
        compared.add("SELECT * FROM child ORDER BY id");
        compared.add("SELECT * FROM child_labels ORDER BY id");
        if (engine == TestServer.Engine.POSTGRESQL) {
            compared.add("SELECT * FROM moods ORDER BY id");
            compared.add("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE connamespace = 'public'::regnamespace ORDER BY 1, 2");
            compared.add("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1");
        } else {
            compared.add("SELECT TABLE_NAME, INDEX_NAME, NON_UNIQUE, SEQ_IN_INDEX, COLUMN_NAME"
                    + " FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY 1, 2, 4");
            compared.add("SELECT TABLE_NAME, CONSTRAINT_NAME, REFERENCED_TABLE_NAME FROM"
                    + " information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() ORDER BY 1, 2");
        }
        return compared;
    }

    /** The user's objects in the database: relations, routines, and on PostgreSQL types and extensions. */
    static List<List<String>> objects(Connection connection, TestServer.Engine engine) throws SQLException {
        if (engine == TestServer.Engine.POSTGRESQL) {
            return ServerQueries.rows(connection, "SELECT 'relation', relname FROM pg_class"
                    + " WHERE relnamespace = 'public'::regnamespace"
                    + " UNION ALL SELECT 'routine', proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace"
                    + " UNION ALL SELECT 'type', typname FROM pg_type WHERE typnamespace = 'public'::regnamespace"
                    + " UNION ALL SELECT 'extension', extname FROM pg_extension WHERE extname <> 'plpgsql'"
                    + " ORDER BY 1, 2");
        }
        return ServerQueries.rows(connection, "SELECT 'relation', TABLE_NAME FROM information_schema.TABLES"
                + " WHERE TABLE_SCHEMA = DATABASE() UNION ALL SELECT 'routine', ROUTINE_NAME"
                + " FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() ORDER BY 1, 2");
    }

    private Path export(TestServer server, TestServer.Engine engine, String source) throws SQLException {
        Path export = temp.resolve("export");
        try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
            fill(ferry, engine);
            statement.execute("EXPORT DATABASE '" + export + "' (JOBS 2, CHUNK_ROWS 1000)");
        }
        return export;
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void theChunksLoadOnBothConnections_andTheDatabaseEndsAsTheSource(TestServer.Engine engine) throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            Path export = export(server, engine, source);
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                Set<Long> threads = ConcurrentHashMap.newKeySet();
                ferry.unwrap(FerryConnection.class).setProgressListener(new ProgressListener() {
                    @Override
                    public void tableStarted(String action, String table, long expectedRows) {
                        if (table.contains("big")) {
                            threads.add(Thread.currentThread().getId());
                        }
                    }
                });
                statement.execute("IMPORT DATABASE '" + export + "' (JOBS 2)");
                assertEquals(List.of(), ParallelExportIT.warnings(statement));
                assertEquals(2, threads.size(), "the chunks of big were loaded on " + threads.size() + " thread(s)");
            }
            try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                ServerQueries.assertSameRows(from, to, compared(engine));
                assertEquals(objects(from, engine), objects(to, engine));
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void aFailureAfterTheDataLeavesNothingOfTheImport_andTheNextImportRuns(TestServer.Engine engine)
            throws Exception {
        TestServer server = server(engine);
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            Path export = export(server, engine, source);
            Path postData = export.resolve("post-data.sql");
            String script = Files.readString(postData, StandardCharsets.UTF_8);
            int lines = (int) script.lines().count();
            Files.writeString(postData, script + "CREATE INDEX broken ON no_such_table (x);\n",
                    StandardCharsets.UTF_8);
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                List<List<String>> before = objects(ferry, engine);
                SQLException failure = assertThrows(SQLException.class, () -> statement.execute(
                        "IMPORT DATABASE '" + export + "' (JOBS 2, ALLOW_EDITED_SCRIPTS)"));
                assertTrue(failure.getMessage().contains("post-data.sql line " + (lines + 1)), failure.getMessage());
                assertEquals(before, objects(ferry, engine), "what the failed import left");

                Files.writeString(postData, script, StandardCharsets.UTF_8);
                statement.execute("IMPORT DATABASE '" + export + "' (JOBS 2)");
            }
            try (Connection from = server.connect(source); Connection to = server.connect(target)) {
                ServerQueries.assertSameRows(from, to, compared(engine));
            }
        } finally {
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }
}
