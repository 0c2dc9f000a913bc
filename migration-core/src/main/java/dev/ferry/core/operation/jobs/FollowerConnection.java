package dev.ferry.core.operation.jobs;

import dev.ferry.core.dialect.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Prepares a further connection an operation's jobs work on beside the user's (the leader), as both a parallel export
 * and a parallel import need it: on the leader's current catalog (MariaDB's {@code USE}: the URL it was opened with
 * may name another database than the one the user went on to), with the dialect's session settings, which stay until
 * it is closed, then as the operation needs it.
 */
public final class FollowerConnection {

    /** What the operation does to a follower after the dialect's session settings, and what it keeps of that. */
    @FunctionalInterface
    public interface Preparation<T> {
        T prepare(Connection follower) throws SQLException;
    }

    private FollowerConnection() {
    }

    /**
     * Prepares {@code follower}, just opened; where that fails, closes it and throws.
     *
     * @return what {@code then} gives
     */
    public static <T> T prepare(Connection follower, Connection leader, Dialect dialect, Preparation<T> then)
            throws SQLException {
        try {
            String catalog = leader.getCatalog();
            if (catalog != null && !catalog.equals(follower.getCatalog())) {
                follower.setCatalog(catalog);
            }
            dialect.prepareSession(follower);
            return then.prepare(follower);
        } catch (SQLException | RuntimeException | Error e) {
            try {
                follower.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }
}
