package dev.ferry.core.operation.exporting;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One read-only transaction at the strongest snapshot isolation the engine offers, on a connection whose
 * autocommit, isolation and read-only settings are put back as they were when it ends.
 *
 * <p>If the caller already has a transaction open (autocommit off), the export reads inside it and leaves it
 * open and untouched.
 */
final class SnapshotSession implements AutoCloseable {
    private final Connection connection;
    private final boolean ownTransaction;
    private final boolean autoCommit;
    private final boolean readOnly;
    private final int isolation;
    private boolean readOnlySet;

    private SnapshotSession(Connection connection) throws SQLException {
        this.connection = connection;
        this.autoCommit = connection.getAutoCommit();
        this.readOnly = connection.isReadOnly();
        this.isolation = connection.getTransactionIsolation();
        this.ownTransaction = autoCommit;
    }

    /** Begins the transaction at {@code level}, or without setting one where it is {@code TRANSACTION_NONE}. */
    static SnapshotSession begin(Connection connection, int level) throws SQLException {
        SnapshotSession session = new SnapshotSession(connection);
        if (session.ownTransaction) {
            try {
                connection.setAutoCommit(false);
                session.readOnlySet = readOnlyHint(connection);
                if (level != Connection.TRANSACTION_NONE) {
                    connection.setTransactionIsolation(level);
                }
            } catch (SQLException e) {
                session.close();
                throw e;
            }
        }
        return session;
    }

    /**
     * Marks the connection read-only, a hint the export never needs (it only reads): SQLite's driver refuses it on an
     * open connection, and the export then reads without it. Whether the hint was taken.
     */
    private static boolean readOnlyHint(Connection connection) {
        try {
            connection.setReadOnly(true);
            return true;
        } catch (SQLException refused) {
            return false;
        }
    }

    /**
     * Whether the session began the transaction it reads in; false where it reads inside the caller's open
     * transaction, which no other connection can share.
     */
    boolean ownTransaction() {
        return ownTransaction;
    }

    /** Ends the read transaction and restores the settings. */
    @Override
    public void close() throws SQLException {
        if (!ownTransaction) {
            return;
        }
        SQLException failure = attempt(null, connection::rollback);
        failure = attempt(failure, () -> connection.setAutoCommit(autoCommit));
        failure = attempt(failure, () -> connection.setTransactionIsolation(isolation));
        if (readOnlySet) {
            failure = attempt(failure, () -> connection.setReadOnly(readOnly));
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs {@code step} even after an earlier failure; returns the first failure, later ones suppressed in it. */
    private static SQLException attempt(SQLException earlier, SqlStep step) {
        try {
            step.run();
            return earlier;
        } catch (SQLException e) {
            if (earlier == null) {
                return e;
            }
            earlier.addSuppressed(e);
            return earlier;
        }
    }

    private interface SqlStep {
        void run() throws SQLException;
    }
}
