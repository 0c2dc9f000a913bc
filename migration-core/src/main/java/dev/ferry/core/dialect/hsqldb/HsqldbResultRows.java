package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.dialect.Dialect.SessionSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many rows of a result HSQLDB keeps in the heap. By default (0) it holds every row of a result there until the
 * result is closed, also for an in-process connection to a file database: an export of a table of a million rows
 * then fills a 160 MB heap (measured: OutOfMemoryError). With a limit, a larger result of a file database is kept
 * on disk (an in-memory database keeps it in the heap, as before).
 */
final class HsqldbResultRows {
    /** Rows a result keeps in the heap before the rest goes to disk. */
    static final int IN_MEMORY = 10_000;

    private HsqldbResultRows() {
    }

    /** Limits the session's results to {@link #IN_MEMORY} rows in the heap where they have no smaller limit yet. */
    static SessionSettings limit(Connection connection) throws SQLException {
        int current = current(connection);
        if (current > 0 && current <= IN_MEMORY) {
            return SessionSettings.NONE;
        }
        set(connection, IN_MEMORY);
        return () -> set(connection, current);
    }

    private static int current(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT \"VALUE\" FROM INFORMATION_SCHEMA.SYSTEM_SESSIONINFO"
                     + " WHERE \"KEY\" = 'RESULT MEMORY ROWS'")) {
            return row.next() ? Integer.parseInt(row.getString(1)) : 0;
        }
    }

    private static void set(Connection connection, int rows) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET SESSION RESULT MEMORY ROWS " + rows);
        }
    }
}
