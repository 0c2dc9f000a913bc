package dev.ferry.core.dialect;

import java.sql.SQLException;

/**
 * The engine can share a snapshot between connections, but the server refused what that takes, typically for want
 * of a privilege. The message says what was refused and which privilege is missing; nothing is left held.
 */
public final class SnapshotShareRefused extends SQLException {

    /**
     * @param message what was refused and why, naming the missing privilege
     * @param cause   the server's error
     */
    public SnapshotShareRefused(String message, SQLException cause) {
        super(message, cause.getSQLState(), cause.getErrorCode(), cause);
    }
}
