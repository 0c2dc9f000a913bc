package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One IMPORT DATABASE at a time into a database: while another session holds Ferry's import lock (a PostgreSQL
 * advisory lock, a MariaDB user-level lock), an import is refused and touches nothing; the lock goes with the session
 * that held it, and an import that ended leaves it free.
 */
class ImportLockIT {
    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(TestServer.Engine.class)
    void aSecondImportIntoTheSameDatabase_isRefused_untilTheFirstSessionEnds(TestServer.Engine engine)
            throws Exception {
        TestServer server = engine == TestServer.Engine.POSTGRESQL ? TestServer.postgres() : TestServer.mariadb();
        String source = server.createDatabase();
        String target = server.createDatabase();
        try {
            Path export = temp.resolve("export");
            try (Connection ferry = server.connectFerry(source); Statement statement = ferry.createStatement()) {
                ServerQueries.execute(ferry, "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1), (2)");
                statement.execute("EXPORT DATABASE '" + export + "'");
            }
            String sql = "IMPORT DATABASE '" + export + "' (RESUME)";
            try (Connection first = server.connect(target)) {
                Dialect dialect = Dialects.forConnection(first);
                assertTrue(dialect.lockImports(first).isPresent(), "the first session takes the lock");
                try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                    SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql));
                    assertEquals("42000", refused.getSQLState());
                    assertTrue(refused.getMessage().startsWith("IMPORT DATABASE: another IMPORT DATABASE into this"
                            + " database is running (it holds Ferry's import lock); run one at a time"),
                            refused.getMessage());
                    assertEquals(List.of(), ServerQueries.rows(ferry, tablesOf(engine)), "nothing was touched");
                }
            }
            try (Connection ferry = server.connectFerry(target); Statement statement = ferry.createStatement()) {
                statement.execute(sql);
                assertEquals(List.of(List.of("1"), List.of("2")),
                        ServerQueries.rows(ferry, "SELECT id FROM t ORDER BY id"));
                try (Connection other = server.connect(target)) {
                    assertTrue(Dialects.forConnection(other).lockImports(other).isPresent(),
                            "the import that ended released the lock");
                }
            }
        } finally {
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
