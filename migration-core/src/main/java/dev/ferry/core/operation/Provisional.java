package dev.ferry.core.operation;

import java.sql.SQLException;

/**
 * Work that takes effect only when committed and is undone otherwise: a file or an export directory written under a
 * hidden name, the transaction of a statement.
 */
public interface Provisional {

    /** Makes the work take effect. */
    void commit() throws SQLException;

    /** Undoes the work after {@code failure}; what goes wrong in undoing it is added to {@code failure} or ignored. */
    void abandon(Throwable failure);

    /** Work whose result is committed or abandoned. */
    @FunctionalInterface
    interface Work<T> {
        T run() throws SQLException;
    }

    /**
     * Runs {@code work}, then commits {@code provisional}; abandons it where either fails.
     *
     * @return what {@code work} returned
     */
    static <T> T complete(Provisional provisional, Work<T> work) throws SQLException {
        try {
            T result = work.run();
            provisional.commit();
            return result;
        } catch (SQLException | RuntimeException | Error e) {
            provisional.abandon(e);
            throw e;
        }
    }
}
