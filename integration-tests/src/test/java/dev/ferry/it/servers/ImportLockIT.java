package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One IMPORT DATABASE at a time into a database: while another session holds Ferry's import lock (a PostgreSQL
 * advisory lock, a MariaDB user-level lock), an import waits and touches nothing; when that session ends (as a killed
 * import's does once its server notices), the import runs; an import that ended leaves the lock free.
 */
class ImportLockIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void aSecondImportIntoTheSameDatabase_waitsUntilTheFirstSessionEnds(TestServer.Engine engine) throws Exception {
        TestServer server = engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
        String source = server.createDatabase();
        String target = server.createDatabase();
        ExecutorService second = Executors.newSingleThreadExecutor();
        try {
            Path export = temp.resolve("export");
            try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
                ServerQueries.execute(ferry, "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
                statement.execute("EXPORT DATABASE '" + export + "'");
            }
            Future<?> imported;
            try (Connection first = server.connect(target); Connection watching = server.connect(target)) {
                assertTrue(Dialects.forConnection(first).lockImports(first).isPresent(), "the first takes the lock");
                imported = second.submit(() -> {
                    try (Connection ferry = server.connectFerry(target);
                         Statement statement = ferry.createStatement()) {
                        statement.execute("IMPORT DATABASE '" + export + "' (RESUME)");
                    }
                    return null;
                });
                Thread.sleep(1_500);
                assertFalse(imported.isDone(), "the second import waits for the lock");
                assertEquals(List.of(), ServerQueries.rows(watching, tablesOf(engine)), "and touches nothing");
            }
            imported.get(60, TimeUnit.SECONDS);
            try (Connection to = server.connect(target)) {
                assertEquals(List.of(List.of("1"), List.of("2")),
                        ServerQueries.rows(to, "SELECT id FROM t ORDER BY id"));
                assertTrue(Dialects.forConnection(to).lockImports(to).isPresent(), "the import released the lock");
            }
        } finally {
            second.shutdownNow();
            server.dropDatabase(source);
            server.dropDatabase(target);
        }
    }

    private static String tablesOf(TestServer.Engine engine) {
        return engine == TestServer.Engine.POSTGRESQL
                ? "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"
                : "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()";
    }
}
