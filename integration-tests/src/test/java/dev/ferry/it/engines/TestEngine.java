package dev.ferry.it.engines;

import dev.ferry.it.servers.TestServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** An engine of the cross-engine tests: how to get a fresh database in it and how it declares the shared schema. */
public enum TestEngine {
    H2(SharedSchema.H2) {
        @Override
        TestDatabase create(Path temp) {
            String url = "jdbc:ferry:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
            return new TestDatabase(this, () -> DriverManager.getConnection(url), () -> shutDown(url));
        }
    },
    POSTGRESQL(SharedSchema.POSTGRESQL) {
        @Override
        TestDatabase create(Path temp) throws SQLException {
            return onServer(this, TestServer.postgres());
        }
    },
    MARIADB(SharedSchema.MARIADB) {
        @Override
        TestDatabase create(Path temp) throws SQLException {
            return onServer(this, TestServer.mariadb());
        }
    },
    DUCKDB(SharedSchema.DUCKDB) {
        @Override
        TestDatabase create(Path temp) {
            String url = "jdbc:ferry:duckdb:" + temp.resolve(UUID.randomUUID() + ".duckdb");
            return new TestDatabase(this, () -> DriverManager.getConnection(url), () -> { });
        }
    },
    HSQLDB(SharedSchema.HSQLDB) {
        @Override
        TestDatabase create(Path temp) {
            String url = "jdbc:ferry:hsqldb:mem:" + UUID.randomUUID();
            return new TestDatabase(this, () -> DriverManager.getConnection(url), () -> shutDown(url));
        }
    },
    /** A database file that enforces foreign keys, as a user turns them on (SQLite's default is off). */
    SQLITE(SharedSchema.SQLITE) {
        @Override
        TestDatabase create(Path temp) {
            String url = "jdbc:ferry:sqlite:" + temp.resolve(UUID.randomUUID() + ".db") + "?foreign_keys=true";
            return new TestDatabase(this, () -> DriverManager.getConnection(url), () -> { });
        }
    };

    private final List<String> sharedSchema;

    TestEngine(List<String> sharedSchema) {
        this.sharedSchema = sharedSchema;
    }

    /** Ferry's name of the engine's dialect, as {@code DIALECT} takes it. */
    String dialect() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A new, empty database; dropped when closed. */
    abstract TestDatabase create(Path temp) throws SQLException;

    /** The statements that create {@link SharedSchema}'s tables and views in this engine's own SQL. */
    List<String> sharedSchema() {
        return sharedSchema;
    }

    /** Frees an in-memory database, which lives until SHUTDOWN. */
    private static void shutDown(String url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url);
             java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        }
    }

    private static TestDatabase onServer(TestEngine engine, TestServer server) throws SQLException {
        String name = server.createDatabase();
        return new TestDatabase(engine, () -> server.connectFerry(name), () -> server.dropDatabase(name));
    }

    /** A database made for one test. */
    record TestDatabase(TestEngine engine, Opener opener, Dropper dropper) implements AutoCloseable {
        Connection connect() throws SQLException {
            return opener.open();
        }

        @Override
        public void close() throws SQLException {
            dropper.drop();
        }
    }

    interface Opener {
        Connection open() throws SQLException;
    }

    interface Dropper {
        void drop() throws SQLException;
    }
}
