package dev.ferry.core.operation.copying;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.Provisional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;

/**
 * Makes one COPY all or nothing. In autocommit mode, autocommit is turned off for the statement, the statement's
 * work committed at its end or rolled back on failure, and autocommit turned on again. In a transaction the caller
 * opened, a savepoint is set: a failure rolls back to it, so the caller's earlier work survives and the transaction
 * stays usable; success leaves the work to the caller's commit.
 */
final class StatementTransaction implements Provisional {
    private final Connection connection;
    private final Savepoint savepoint;

    private StatementTransaction(Connection connection, Savepoint savepoint) {
        this.connection = connection;
        this.savepoint = savepoint;
    }

    /** Begins the statement's transaction, or sets a savepoint in the caller's. */
    static StatementTransaction begin(Connection connection) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
            return new StatementTransaction(connection, null);
        }
        try {
            return new StatementTransaction(connection, connection.setSavepoint());
        } catch (SQLFeatureNotSupportedException noSavepoints) {
            throw FerryErrors.notSupported("COPY inside a transaction needs a savepoint, which this database's driver"
                    + " does not offer (DuckDB's has none); run the COPY in autocommit mode");
        }
    }

    /**
     * Ends the statement successfully: commits its own transaction and turns autocommit on again, or releases the
     * savepoint. If this fails, the caller still calls {@link #abandon}.
     */
    @Override
    public void commit() throws SQLException {
        if (savepoint != null) {
            release();
            return;
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    /** Undoes the statement's work after {@code failure}; errors in doing so are added to it as suppressed. */
    @Override
    public void abandon(Throwable failure) {
        try {
            if (savepoint != null) {
                connection.rollback(savepoint);
                release();
            } else {
                connection.rollback();
            }
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
        if (savepoint == null) {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                failure.addSuppressed(e);
            }
        }
    }

    private void release() throws SQLException {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (SQLFeatureNotSupportedException e) {
            // The savepoint then ends with the caller's transaction.
        }
    }
}
