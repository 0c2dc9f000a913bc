package dev.ferry.core.dialect;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The snapshot of an export's read transaction on one connection (the leader), made available to other connections
 * of the same database so that all of them read the same committed state. Made by {@link Dialect#shareSnapshot}.
 *
 * <p>{@link #close} must be called on every path once the followers have joined, or have failed to: it releases what
 * sharing holds (MariaDB's global read lock), and may be called more than once.
 */
public interface SharedSnapshot extends AutoCloseable {

    /**
     * Makes {@code follower}'s transaction read the leader's snapshot.
     *
     * @param follower a connection to the same database with autocommit off, the export's isolation level set and
     *                 nothing run in its transaction yet
     */
    void join(Connection follower) throws SQLException;

    /** Every follower has joined, or failed to: releases what sharing holds, while the leader keeps reading. */
    @Override
    void close() throws SQLException;
}
