package dev.ferry.it.servers;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.JdbcDatabaseContainer;
import org.testcontainers.containers.MariaDBContainer;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A database server for the tests: the one named by an environment variable (by default the machine's own), else a
 * Testcontainers container where Docker runs, else the test is skipped — except under CI ({@code CI=true}), where a
 * missing server fails the test.
 *
 * <p>Each test gets databases of its own from {@link #createDatabase()}, dropped by {@link #dropDatabase}.
 */
public final class TestServer {
    private static TestServer postgres;
    private static TestServer mariadb;

    private final Engine engine;
    private final String adminUrl;
    private final String user;
    private final String password;

    private TestServer(Engine engine, String adminUrl, String user, String password) {
        this.engine = engine;
        this.adminUrl = adminUrl;
        this.user = user;
        this.password = password;
    }

    /** The engines the tests run against. */
    public enum Engine {
        /** URL from FERRY_TEST_POSTGRES_URL, default {@code jdbc:postgresql://127.0.0.1:5432/test}, user postgres. */
        POSTGRESQL("FERRY_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test", "postgres"),
        /** URL from FERRY_TEST_MARIADB_URL, default {@code jdbc:mariadb://127.0.0.1:3306/test}, user root. */
        MARIADB("FERRY_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test", "root");

        final String variable;
        final String defaultUrl;
        final String defaultUser;

        Engine(String variable, String defaultUrl, String defaultUser) {
            this.variable = variable;
            this.defaultUrl = defaultUrl;
            this.defaultUser = defaultUser;
        }
    }

    /** The PostgreSQL server, found once. */
    public static synchronized TestServer postgres() {
        if (postgres == null) {
            postgres = find(Engine.POSTGRESQL, () -> new PostgreSQLContainer<>("postgres:15"));
        }
        return postgres;
    }

    /** The MariaDB server, found once. */
    public static synchronized TestServer mariadb() {
        if (mariadb == null) {
            mariadb = find(Engine.MARIADB, () -> new MariaDBContainer<>("mariadb:10.11"));
        }
        return mariadb;
    }

    private static TestServer find(Engine engine, Supplier<JdbcDatabaseContainer<?>> container) {
        String url = System.getenv().getOrDefault(engine.variable, engine.defaultUrl);
        String user = System.getenv().getOrDefault(engine.variable + "_USER", engine.defaultUser);
        String password = System.getenv().getOrDefault(engine.variable + "_PASSWORD", "");
        SQLException failure;
        try (Connection ignored = DriverManager.getConnection(url, user, password)) {
            return new TestServer(engine, url, user, password);
        } catch (SQLException e) {
            failure = e;
        }
        if (dockerAvailable()) {
            JdbcDatabaseContainer<?> started = container.get();
            started.start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
            return new TestServer(engine, started.getJdbcUrl(), started.getUsername(), started.getPassword());
        }
        String message = engine + " is not reachable at " + url + " (" + failure.getMessage()
                + ") and Docker is not available for a container; set " + engine.variable;
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("Under CI the tests need " + message, failure);
        }
        Assumptions.abort(message);
        throw new AssertionError("unreachable");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Which engine this is. */
    public Engine engine() {
        return engine;
    }

    /** Creates a new, empty database and returns its name. */
    public String createDatabase() throws SQLException {
        return createDatabase("ferry_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)
                .toLowerCase(Locale.ROOT));
    }

    /** Creates a new, empty database named {@code name} (a plain identifier) and returns its name. */
    public String createDatabase(String name) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return name;
    }

    /** Drops a database made by {@link #createDatabase()}. */
    public void dropDatabase(String name) throws SQLException {
        try (Connection admin = admin(); Statement statement = admin.createStatement()) {
            statement.execute(engine == Engine.POSTGRESQL
                    ? "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)" : "DROP DATABASE IF EXISTS " + name);
        }
    }

    /** The JDBC URL of database {@code name} on this server, without {@code ferry:}. */
    public String url(String database) {
        int slash = adminUrl.indexOf('/', adminUrl.indexOf("//") + 2);
        int query = adminUrl.indexOf('?', slash);
        return adminUrl.substring(0, slash + 1) + database + (query < 0 ? "" : adminUrl.substring(query));
    }

    /** A plain connection (no Ferry) to database {@code name}. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(url(database), user, password);
    }

    /** A Ferry connection to database {@code name}. */
    public Connection connectFerry(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:ferry:" + url(database).substring("jdbc:".length()), user, password);
    }

    /** The Ferry URL of database {@code name} on this server. */
    public String ferryUrl(String database) {
        return "jdbc:ferry:" + url(database).substring("jdbc:".length());
    }

    /** The user and password to connect with, as connection properties. */
    public java.util.Properties credentials() {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }

    private Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl, user, password);
    }
}
