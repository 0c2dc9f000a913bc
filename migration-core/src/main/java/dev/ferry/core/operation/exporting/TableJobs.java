package dev.ferry.core.operation.exporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one job per read (a table, or a chunk of one) on an export's connections: a thread per connection, each
 * taking the next read not yet taken, so that no connection reads two at once. Results come back in the reads' order,
 * whatever order they finish in. On one connection, the jobs run on the caller's thread, one after another.
 *
 * <p>When a job fails, or the caller's thread is interrupted, no further table is taken, the running queries are
 * cancelled, and {@link #run} returns only once every thread has stopped: the connections are then free to close.
 */
final class TableJobs {

    /** The work for one table. */
    @FunctionalInterface
    interface Job<T> {
        /**
         * @param connection the connection to read on, used by no other job meanwhile
         * @param index      the table's position
         * @param queries    where the job registers its query, so that it can be cancelled
         */
        T run(Connection connection, int index, RunningQueries queries) throws SQLException;
    }

    private TableJobs() {
    }

    /**
     * Runs {@code job} for the tables {@code 0 .. count - 1}.
     *
     * @return each table's result, in table order
     * @throws SQLException the first job's failure (the others' suppressed in it), or SQLState HY008 where the
     *                      caller's thread was interrupted
     */
    static <T> List<T> run(List<Connection> connections, int count, Job<T> job) throws SQLException {
        RunningQueries queries = new RunningQueries();
        if (connections.size() == 1) {
            List<T> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(job.run(connections.get(0), i, queries));
            }
            return results;
        }
        Object[] results = new Object[count];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService threads = Executors.newFixedThreadPool(connections.size(), TableJobs::thread);
        List<Future<?>> running = new ArrayList<>();
        try {
            for (Connection connection : connections) {
                running.add(threads.submit(() -> {
                    try {
                        for (int i = next.getAndIncrement(); i < count && !queries.cancelled();
                             i = next.getAndIncrement()) {
                            results[i] = job.run(connection, i, queries);
                        }
                    } catch (SQLException | RuntimeException | Error e) {
                        if (!failure.compareAndSet(null, e) && !queries.cancelled()) {
                            failure.get().addSuppressed(e);
                        }
                        queries.cancelAll();
                    }
                    return null;
                }));
            }
            awaitAll(running, queries);
        } finally {
            threads.shutdown();
        }
        Throwable first = failure.get();
        if (first instanceof SQLException e) {
            throw e;
        }
        if (first instanceof RuntimeException e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
        @SuppressWarnings("unchecked")
        List<T> inOrder = (List<T>) Arrays.asList(results);
        return inOrder;
    }

    /**
     * Waits for every thread; where the caller is interrupted, cancels the queries, still waits for the threads to
     * stop (so no connection is closed under a reading thread), and reports the interruption.
     */
    private static void awaitAll(List<Future<?>> running, RunningQueries queries) throws SQLException {
        boolean interrupted = false;
        for (Future<?> thread : running) {
            while (true) {
                try {
                    thread.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                    queries.cancelAll();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("A table job let " + e.getCause() + " escape", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException("EXPORT DATABASE was interrupted", "HY008");
        }
    }

    private static Thread thread(Runnable work) {
        Thread thread = new Thread(work, "ferry-export-job");
        thread.setDaemon(true);
        return thread;
    }
}
