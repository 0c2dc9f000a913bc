package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.SharedSnapshot;
import dev.ferry.core.dialect.SnapshotShareRefused;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One InnoDB snapshot on several connections, as mydumper takes it: the leader holds {@code FLUSH TABLES WITH READ
 * LOCK} while it and every follower run {@code START TRANSACTION WITH CONSISTENT SNAPSHOT}, so no commit falls between
 * their snapshots; then the lock is released, before any table's rows are read. Writers wait only for that moment.
 * The lock waits for statements that are writing when it is asked for (a long UPDATE, an ALTER TABLE), and every
 * writer waits behind it meanwhile: it waits at most {@value #FLUSH_WAIT_SECONDS} s ({@code lock_wait_timeout}), then
 * the export reads on one connection.
 */
final class MariaDbSnapshot implements SharedSnapshot {
    /** ER_SPECIFIC_ACCESS_DENIED_ERROR: "you need (at least one of) the RELOAD privilege(s)". */
    private static final int ACCESS_DENIED = 1227;
    /** ER_DBACCESS_DENIED_ERROR and ER_ACCESS_DENIED_ERROR, which some servers give instead. */
    private static final int DB_ACCESS_DENIED = 1044;
    private static final int ACCESS_DENIED_USER = 1045;
    /** ER_LOCK_WAIT_TIMEOUT. */
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    /** How long the global read lock may wait for running writes, stalling the server's writers meanwhile. */
    static final int FLUSH_WAIT_SECONDS = 10;
    private static final String CONSISTENT_SNAPSHOT = "START TRANSACTION WITH CONSISTENT SNAPSHOT";

    private final Connection leader;
    private boolean locked = true;

    private MariaDbSnapshot(Connection leader) {
        this.leader = leader;
    }

    /**
     * Takes the global read lock on {@code leader} and starts its snapshot transaction there.
     *
     * @throws SnapshotShareRefused where the server refuses the lock for want of the RELOAD privilege, or the lock
     *                               waited {@value #FLUSH_WAIT_SECONDS} s for running writes
     */
    static MariaDbSnapshot begin(Connection leader) throws SQLException {
        try {
            lockWithin(leader);
        } catch (SQLException e) {
            if (e.getErrorCode() == ACCESS_DENIED || e.getErrorCode() == DB_ACCESS_DENIED
                    || e.getErrorCode() == ACCESS_DENIED_USER) {
                throw new SnapshotShareRefused("MariaDB refused FLUSH TABLES WITH READ LOCK, which starts several"
                        + " connections in one snapshot; it needs the RELOAD privilege (" + e.getMessage() + ")", e);
            }
            if (e.getErrorCode() == LOCK_WAIT_TIMEOUT) {
                throw new SnapshotShareRefused("FLUSH TABLES WITH READ LOCK, which starts several connections in one"
                        + " snapshot, waited " + FLUSH_WAIT_SECONDS + " s for statements still writing (a long UPDATE"
                        + " or ALTER TABLE) while every writer waited behind it, and was given up", e);
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

    /** FLUSH TABLES WITH READ LOCK, waiting at most {@value #FLUSH_WAIT_SECONDS} s; the session's timeout put back. */
    private static void lockWithin(Connection leader) throws SQLException {
        long timeout;
        try (Statement statement = leader.createStatement();
             ResultSet row = statement.executeQuery("SELECT @@session.lock_wait_timeout")) {
            row.next();
            timeout = row.getLong(1);
        }
        run(leader, "SET SESSION lock_wait_timeout = " + FLUSH_WAIT_SECONDS);
        try {
            run(leader, "FLUSH TABLES WITH READ LOCK");
        } finally {
            run(leader, "SET SESSION lock_wait_timeout = " + timeout);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
