package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.SharedSnapshot;
import dev.ferry.core.dialect.SnapshotShareRefused;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.jobs.FollowerConnection;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The connections an export reads its tables on, all in one snapshot: the user's (the leader), whose read transaction
 * is open, and up to JOBS - 1 more opened from a {@link ConnectionSource} and joined to the leader's snapshot. Where
 * the snapshot cannot be shared, the leader alone, with a note saying why. Closing closes every connection it opened;
 * the leader is the caller's.
 */
final class ReadingConnections implements AutoCloseable {
    private final Connection leader;
    private final List<Follower> followers = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private record Follower(Connection connection, SnapshotSession session) {
    }

    private ReadingConnections(Connection leader) {
        this.leader = leader;
    }

    /**
     * Opens the connections for {@code wanted} jobs.
     *
     * @param leader    the user's connection, in the export's read transaction, no table's rows read yet
     * @param session   that transaction
     * @param isolation the transaction's isolation level, which the followers take too
     * @param asked     whether the user asked for {@code wanted} (JOBS, ferry.jobs), rather than it being the default;
     *                  only then does an engine that cannot share a snapshot get a note
     * @param tables    reads to make (tables, or chunks of tables) at most; no more connections are opened than that
     * @throws SQLException where sharing the snapshot fails for another reason than a refused privilege; nothing is
     *                      left open then
     */
    static ReadingConnections open(Connection leader, SnapshotSession session, int isolation, Dialect dialect,
                                   ConnectionSource source, int wanted, boolean asked, int tables)
            throws SQLException {
        ReadingConnections connections = new ReadingConnections(leader);
        int jobs = Math.min(wanted, Math.max(tables, 1));
        if (jobs <= 1) {
            return connections;
        }
        String oneConnection = "JOBS " + wanted + ": the export read its tables on one connection: ";
        if (!session.ownTransaction()) {
            connections.noteIf(asked, oneConnection + "it read inside the connection's open transaction (autocommit"
                    + " off), which no other connection can share");
            return connections;
        }
        if (source == ConnectionSource.NONE) {
            connections.noteIf(asked, oneConnection + "Ferry cannot open more connections like this one (it was"
                    + " wrapped without a way to open others; connect through jdbc:ferry: instead)");
            return connections;
        }
        Optional<SharedSnapshot> shared;
        try {
            shared = dialect.shareSnapshot(leader);
        } catch (SnapshotShareRefused refused) {
            connections.notes.add(oneConnection + refused.getMessage());
            return connections;
        }
        if (shared.isEmpty()) {
            connections.noteIf(asked, oneConnection + dialect.name() + " cannot share a snapshot between"
                    + " connections");
            return connections;
        }
        try (SharedSnapshot snapshot = shared.get()) {
            connections.join(snapshot, source, isolation, dialect, jobs - 1, oneConnection);
        } catch (SQLException | RuntimeException | Error e) {
            connections.closeAfter(e);
            throw e;
        }
        return connections;
    }

    /**
     * Opens {@code count} followers and joins each to {@code snapshot}; where one cannot be opened, the export goes on
     * with those opened so far, and a note says so.
     */
    private void join(SharedSnapshot snapshot, ConnectionSource source, int isolation, Dialect dialect, int count,
                      String oneConnection) throws SQLException {
        for (int i = 0; i < count; i++) {
            Connection connection;
            try {
                connection = source.open();
            } catch (SQLException e) {
                notes.add(followers.isEmpty() ? oneConnection + "opening a second connection failed: " + e.getMessage()
                        : "JOBS " + (count + 1) + ": the export read its tables on " + (followers.size() + 1)
                        + " connections: opening another failed: " + e.getMessage());
                return;
            }
            SnapshotSession session = FollowerConnection.prepare(connection, leader, dialect,
                    follower -> SnapshotSession.begin(follower, isolation));
            followers.add(new Follower(connection, session));
            snapshot.join(connection);
        }
    }

    /** Every connection to read on, the leader first. */
    List<Connection> connections() {
        List<Connection> all = new ArrayList<>(followers.size() + 1);
        all.add(leader);
        followers.forEach(follower -> all.add(follower.connection()));
        return all;
    }

    /** Why fewer connections read than JOBS asked for, in words; empty when none is worth saying. */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private void noteIf(boolean asked, String note) {
        if (asked) {
            notes.add(note);
        }
    }

    /** Ends each follower's transaction and closes it, all of them even where one fails. */
    @Override
    public void close() throws SQLException {
        SQLException failure = null;
        for (Follower follower : followers) {
            try (Connection connection = follower.connection()) {
                follower.session().close();
            } catch (SQLException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        followers.clear();
        if (failure != null) {
            throw failure;
        }
    }

    private void closeAfter(Throwable failure) {
        try {
            close();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
