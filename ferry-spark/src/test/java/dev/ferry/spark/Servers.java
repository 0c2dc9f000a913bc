package dev.ferry.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The PostgreSQL and MariaDB servers of the machine (127.0.0.1, as CI starts them): a test database made afresh on
 * each. Where a server is not there the test is skipped, except under CI ({@code CI=true}), where it fails.
 */
enum Servers {
    POSTGRES("jdbc:postgresql://127.0.0.1:5432/", "postgres", "postgres"),
    MARIADB("jdbc:mariadb://127.0.0.1:3306/", "root", "test");

    private final Set<String> created = new LinkedHashSet<>();
    private final String base;
    private final String user;
    private final String adminDatabase;

    Servers(String base, String user, String adminDatabase) {
        this.base = base;
        this.user = user;
        this.adminDatabase = adminDatabase;
    }

    /** A new, empty database {@code name} (dropped first where it exists), as a source of connections. */
    JdbcSource freshDatabase(String name) throws SQLException {
        try (Connection admin = connect(adminDatabase); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        }
        created.add(name);
        return source(name);
    }

    /** Drops the databases the tests made, on every server. */
    static void dropCreated() throws SQLException {
        for (Servers server : values()) {
            if (server.created.isEmpty()) {
                continue;
            }
            try (Connection admin = DriverManager.getConnection(server.base + server.adminDatabase, server.user, "");
                 Statement statement = admin.createStatement()) {
                for (String name : server.created) {
                    statement.execute("DROP DATABASE IF EXISTS " + name);
                }
            }
            server.created.clear();
        }
    }

    JdbcSource source(String database) {
        return new JdbcSource(base + database, Map.of("user", user, "password", ""));
    }

    private Connection connect(String database) throws SQLException {
        try {
            return DriverManager.getConnection(base + database, user, "");
        } catch (SQLException e) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("Under CI the tests need " + this + " at " + base, e);
            }
            assumeTrue(false, this + " is not reachable at " + base + ": " + e.getMessage());
            throw e;
        }
    }
}
