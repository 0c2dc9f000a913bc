package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.SharedSnapshot;
import dev.ferry.core.dialect.SnapshotShareRefused;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One InnoDB snapshot on several connections, as mydumper takes it: the leader holds {@code FLUSH TABLES WITH READ
 * LOCK} while it and every follower run {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, so no commit falls between
 * their snapshots; then the lock is released, before any table's rows are read. Writers wait only for that moment.
 */
final class MariaDbSnapshot implements SharedSnapshot {
    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: "you need (at least one of) the RELOAD privilege(s)". */
    private static final int ACCESS_DENIED = 1227;
    /** ER_DBACCESS_DENIED_ERROR and ER_ACCESS_DENIED_ERROR, which some servers give instead. */
    private static final int DB_ACCESS_DENIED = 1044;
    private static final int ACCESS_DENIED_USER = 1045;
    private static final String CONSISTENT_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT";

    private final Connection leader;
    private boolean locked = true;

    private MariaDbSnapshot(Connection leader) {
        this.leader = leader;
    }

    /**
     * Takes the global read lock on {@code leader} and starts its snapshot transaction there.
     *
     * @throws SnapshotShareRefused where the server refuses the lock for want of the RELOAD privilege
     */
    static MariaDbSnapshot begin(Connection leader) throws SQLException {
        try {
            run(leader, "FLUSH TABLES WITH READ LOCK");
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED || e.getErrorCode() == DB_ACCESS_DENIED
                    || e.getErrorCode() == ACCESS_DENIED_USER) {
                throw new SnapshotShareRefused("MariaDB refused FLUSH TABLES WITH READ LOCK, which starts several"
                        + " connections in one snapshot; it needs the RELOAD privilege (" + e.getMessage() + ")", e);
            }
            throw e;
        }
        MariaDbSnapshot snapshot = new MariaDbSnapshot(leader);
        try {
            snapshot.join(leader);
        } catch (SQLException e) {
            snapshot.closeAfter(e);
            throw e;
        }
        return snapshot;
    }

    @Override
    public void join(Connection follower) throws SQLException {
        run(follower, CONSISTENT_SNAPSHOT);
    }

    /** Releases the global read lock; the transactions keep their snapshots. */
    @Override
    public void close() throws SQLException {
        if (locked) {
            locked = false;
            run(leader, "UNLOCK TABLES");
        }
    }

    private void closeAfter(SQLException failure) {
        try {
            close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
