package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.jobs.FollowerConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The connections an import loads its data files on: the user's (the leader), and up to JOBS - 1 more opened from a
 * {@link ConnectionSource}, each on the leader's database, with the dialect's session settings and autocommit off.
 * Where no more can be opened, the leader alone, with a note saying why. Closing rolls back and closes every
 * connection it opened; the leader is the caller's.
 */
final class LoadingConnections implements AutoCloseable {
    private final Connection leader;
    private final List<Connection> followers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private LoadingConnections(Connection leader) {
        this.leader = leader;
    }

    /**
     * Opens the connections for {@code jobs} jobs.
     *
     * @param leader the user's connection, with autocommit off
     * @param jobs   JOBS, as the statement gives it (1 where it gives none)
     * @throws SQLException where preparing an opened connection fails; nothing is left open then
     */
    static LoadingConnections open(Connection leader, Dialect dialect, ConnectionSource source, int jobs)
            throws SQLException {
        LoadingConnections connections = new LoadingConnections(leader);
        if (jobs <= 1) {
            return connections;
        }
        String oneConnection = "JOBS " + jobs + ": the import loaded its data on one connection: ";
        if (!dialect.capabilities().concurrentLoads()) {
            connections.notes.add(oneConnection + dialect.name() + " loads no faster on several connections");
        } else if (source == ConnectionSource.NONE) {
            connections.notes.add(oneConnection + "Ferry cannot open more connections like this one (it was"
                    + " wrapped without a way to open others; connect through jdbc:ferry: instead)");
        } else {
            connections.openFollowers(source, dialect, jobs - 1, jobs, oneConnection);
        }
        return connections;
    }

    private void openFollowers(ConnectionSource source, Dialect dialect, int count, int jobs, String oneConnection)
            throws SQLException {
        for (int i = 0; i < count; i++) {
            Connection connection;
            try {
                connection = source.open();
            } catch (SQLException e) {
                notes.add(followers.isEmpty() ? oneConnection + "opening a second connection failed: " + e.getMessage()
                        : "JOBS " + jobs + ": the import loaded its data on " + (followers.size() + 1)
                        + " connections: opening another failed: " + e.getMessage());
                return;
            }
            try {
                FollowerConnection.prepare(connection, leader, dialect, follower -> {
                    dialect.prepareImport(follower);
                    follower.setAutoCommit(false);
                    return null;
                });
            } catch (SQLException | RuntimeException | Error e) {
                close();
                throw e;
            }
            followers.add(connection);
        }
    }

    /** Whether data files load on more than one connection, and the import must commit its schema first. */
    boolean several() {
        return !followers.isEmpty();
    }

    /** Every connection to load on, the leader first. */
    List<Connection> connections() {
        List<Connection> all = new ArrayList<>(followers.size() + 1);
        all.add(leader);
        all.addAll(followers);
        return all;
    }

    /** Why fewer connections load than JOBS asked for, in words; empty when none is worth saying. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Rolls back and closes every connection opened; the leader stays open. */
    @Override
    public void close() {
        for (Connection follower : followers) {
            try (follower) {
                follower.rollback();
            } catch (SQLException ignored) {
                // The connection is closed all the same; what it had not committed is gone with it.
            }
        }
        followers.clear();
    }
}
