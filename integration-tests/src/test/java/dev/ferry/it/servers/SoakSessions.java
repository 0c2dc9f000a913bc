package dev.ferry.it.servers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak test's sessions as the server lists them, seen from an observer's plain connection. On PostgreSQL, those
 * with the test's {@code application_name} or on one of its databases (so that a further connection of JOBS counts
 * whether or not it carries the name); on MariaDB, whose session list names no application, those of the user the
 * test created for itself.
 */
final class SoakSessions {
    private final TestServer.Engine engine;
    private final String applicationName;
    private final String databasePrefix;
    private final String user;

    /**
     * @param applicationName the pool's {@code ApplicationName} (PostgreSQL)
     * @param databasePrefix  what the names of the test's databases start with (PostgreSQL)
     * @param user            the user the test connects as (MariaDB)
     */
    SoakSessions(TestServer.Engine engine, String applicationName, String databasePrefix, String user) {
        this.engine = engine;
        this.applicationName = applicationName;
        this.databasePrefix = databasePrefix;
        this.user = user;
    }

    /** Each of the test's sessions: its id, database, state and statement. */
    List<String> list(Connection observer) throws SQLException {
        return engine == TestServer.Engine.POSTGRESQL
                ? rows(observer, "SELECT pid, datname, application_name, state, query FROM pg_stat_activity"
                        + " WHERE pid <> pg_backend_pid() AND (application_name = ? OR datname LIKE ?)",
                        applicationName, databasePrefix + "%")
                : rows(observer, "SELECT ID, DB, COMMAND, STATE, INFO FROM information_schema.PROCESSLIST"
                        + " WHERE USER = ?", user);
    }

    /** The test's sessions in a transaction they are not running a statement of: work a pool would hand on. */
    List<String> idleInTransaction(Connection observer) throws SQLException {
        return engine == TestServer.Engine.POSTGRESQL
                ? rows(observer, "SELECT pid, datname, state, query FROM pg_stat_activity"
                        + " WHERE pid <> pg_backend_pid() AND state LIKE 'idle in transaction%'"
                        + " AND (application_name = ? OR datname LIKE ?)", applicationName, databasePrefix + "%")
                : rows(observer, "SELECT p.ID, p.DB, t.trx_state, t.trx_query FROM information_schema.INNODB_TRX t"
                        + " JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id"
                        + " WHERE p.USER = ? AND p.COMMAND = 'Sleep'", user);
    }

    /**
     * The test's sessions once there are {@code expected} (or fewer), or after five seconds: a server ends a session
     * a moment after its client closed it (MariaDB in the background).
     */
    List<String> settled(Connection observer, int expected) throws SQLException, InterruptedException {
        List<String> sessions = list(observer);
        for (int i = 0; i < 100 && sessions.size() > expected; i++) {
            Thread.sleep(50);
            sessions = list(observer);
        }
        return sessions;
    }

    private static List<String> rows(Connection observer, String sql, String... parameters) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (PreparedStatement query = observer.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setString(i + 1, parameters[i]);
            }
            try (ResultSet row = query.executeQuery()) {
                int columns = row.getMetaData().getColumnCount();
                while (row.next()) {
                    List<String> values = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        values.add(row.getString(c));
                    }
                    rows.add(values.toString());
                }
            }
        }
        return rows;
    }
}
