package dev.ferry.core.operation.jobs;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The queries an operation's jobs are running, so that they can be cancelled from another thread when one job fails or
 * the operation is interrupted, instead of running to their end.
 */
public final class RunningQueries {
    private final Set<Runnable> running = ConcurrentHashMap.newKeySet();
    private volatile boolean cancelled;

    /** Registers {@code statement} until the returned handle is closed; cancels it at once if all were cancelled. */
    public Registration track(Statement statement) {
        return track(() -> cancel(statement));
    }

    /**
     * Registers a running query by what cancels it (and ignores errors in cancelling), until the returned handle is
     * closed; cancels it at once if all were cancelled.
     */
    public Registration track(Runnable cancel) {
        running.add(cancel);
        if (cancelled) {
            cancel.run();
        }
        return () -> running.remove(cancel);
    }

    /** Whether {@link #cancelAll} was called: a job takes no further piece of work. */
    public boolean cancelled() {
        return cancelled;
    }

    /** Cancels every query running now and any registered later; errors in cancelling are ignored. */
    public void cancelAll() {
        cancelled = true;
        running.forEach(Runnable::run);
    }

    private static void cancel(Statement statement) {
        try {
            statement.cancel();
        } catch (SQLException | RuntimeException cannotCancel) {
            // The query then runs to its end; the job stops after it.
        }
    }

    /** A registered statement; closing unregisters it. */
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
