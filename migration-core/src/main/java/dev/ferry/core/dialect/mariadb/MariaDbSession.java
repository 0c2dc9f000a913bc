package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The session an export or import runs in: UTC, so that TIMESTAMP values are written and read back as the same
 * instants whatever the client's zone (and no daylight-saving hour is ambiguous); a fixed SQL mode so that the
 * scripts mean the same on every server: backslash escapes as MariaDB writes its defaults, zero and invalid dates
 * as the source may hold them, explicit 0 in an AUTO_INCREMENT column kept, and errors rather than silent
 * truncation. For an import, foreign keys not checked besides ({@link #foreignKeyChecksOff}).
 */
final class MariaDbSession {
    private static final String SESSION_TIME_ZONE = "+00:00";
    private static final String SESSION_SQL_MODE = "STRICT_ALL_TABLES,NO_AUTO_VALUE_ON_ZERO,ALLOW_INVALID_DATES";

    private MariaDbSession() {
    }

    /**
     * Sets the session's time zone and SQL mode; closing the result puts the session's own back.
     *
     * @throws SQLException where the connection has no current database
     */
    static Dialect.SessionSettings prepare(Connection connection) throws SQLException {
        String timeZone;
        String sqlMode;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.time_zone, @@session.sql_mode, DATABASE()")) {
            row.next();
            timeZone = row.getString(1);
            sqlMode = row.getString(2);
            if (row.getString(3) == null) {
                throw new SQLException("Ferry exports and imports MariaDB from a connection with a current database (the"
                        + " one exported and imported into unless SCHEMAS names databases), and this connection has none:"
                        + " name a database in the URL or run USE <database> first", "42000");
            }
        }
        set(connection, SESSION_TIME_ZONE, SESSION_SQL_MODE);
        return () -> set(connection, timeZone, sqlMode);
    }

    /**
     * Foreign keys not checked, so that an import adds each after the data in place, where InnoDB would copy the whole
     * table to check its rows (the import checks them itself: {@link MariaDbForeignKeyCheck}); closing the result
     * puts the session's own setting back.
     */
    static Dialect.SessionSettings foreignKeyChecksOff(Connection connection) throws SQLException {
        int checks;
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.foreign_key_checks")) {
            row.next();
            checks = row.getInt(1);
        }
        setForeignKeyChecks(connection, 0);
        return () -> setForeignKeyChecks(connection, checks);
    }

    private static void setForeignKeyChecks(Connection connection, int checks) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET foreign_key_checks = " + checks);
        }
    }

    private static void set(Connection connection, String timeZone, String sqlMode) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SET time_zone = ?, sql_mode = ?")) {
            statement.setString(1, timeZone);
            statement.setString(2, sqlMode);
            statement.execute();
        }
    }
}
