package dev.ferry.core.operation.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

/**
 * Runs one job per piece of work (an export's read of a table or chunk, an import's load of a data file) on an
 * operation's connections: a thread per connection, each taking the next piece not yet taken, so that no connection
 * runs two at once. Results come back in the pieces' order, whatever order they finish in. On one connection, the
 * jobs run on the caller's thread, one after another.
 *
 * <p>When a job fails, or the caller's thread is interrupted, no further piece is taken, the running queries are
 * cancelled, and {@link #run} returns only once every thread has stopped: the connections are then free to close.
 */
public final class ConnectionJobs {

    /** The work for one piece. */
    @FunctionalInterface
    public interface Job<T> {
        /**
         * @param connection the connection to work on, used by no other job meanwhile
         * @param index      the piece's position
         * @param queries    where the job registers its query, so that it can be cancelled
         */
        T run(Connection connection, int index, RunningQueries queries) throws SQLException;
    }

    private ConnectionJobs() {
    }

    /**
     * Runs {@code job} for the pieces {@code 0 .. count - 1}.
     *
     * @param operation the statement running, for the message when interrupted ({@code EXPORT DATABASE})
     * @return each piece's result, in their order
     * @throws SQLException the first job's failure (the others' suppressed in it), or SQLState HY008 where the
     *                      caller's thread was interrupted
     */
    public static <T> List<T> run(String operation, List<Connection> connections, int count, Job<T> job)
            throws SQLException {
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
        ExecutorService threads = Executors.newFixedThreadPool(connections.size(), ConnectionJobs::thread);
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
            awaitAll(operation, running, queries);
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
     * Runs {@code job} for the pieces {@code 0 .. count - 1} as {@link #run} does, on several connections the largest
     * first (by {@code size}), so that a large piece does not start last while the other connections wait; on one
     * connection in their order.
     *
     * @return each piece's result, in the pieces' order
     */
    public static <T> List<T> runLargestFirst(String operation, List<Connection> connections, int count,
                                              IntToLongFunction size, Job<T> job) throws SQLException {
        if (connections.size() == 1) {
            return run(operation, connections, count, job);
        }
        int[] largestFirst = IntStream.range(0, count).boxed()
                .sorted(Comparator.comparingLong((Integer i) -> size.applyAsLong(i)).reversed())
                .mapToInt(Integer::intValue).toArray();
        List<T> taken = run(operation, connections, count,
                (connection, i, queries) -> job.run(connection, largestFirst[i], queries));
        Object[] results = new Object[count];
        for (int i = 0; i < count; i++) {
            results[largestFirst[i]] = taken.get(i);
        }
        @SuppressWarnings("unchecked")
        List<T> inOrder = (List<T>) Arrays.asList(results);
        return inOrder;
    }

    /**
     * Waits for every thread; where the caller is interrupted, cancels the queries, still waits for the threads to
     * stop (so no connection is closed under a reading thread), and reports the interruption.
     */
    private static void awaitAll(String operation, List<Future<?>> running, RunningQueries queries)
            throws SQLException {
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
                    throw new IllegalStateException("A job let " + e.getCause() + " escape", e.getCause());
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
            throw new SQLException(operation + " was interrupted", "HY008");
        }
    }

    private static Thread thread(Runnable work) {
        Thread thread = new Thread(work, "ferry-job");
        thread.setDaemon(true);
        return thread;
    }
}
