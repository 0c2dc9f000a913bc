package dev.ferry.core.operation.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Tables exported on several connections: results in table order, one table per connection at a time, failures. */
class ConnectionJobsTest {

    private static Connection connection(String name) {
        return (Connection) Proxy.newProxyInstance(ConnectionJobsTest.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "toString" -> name;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A statement whose cancel() counts down {@code cancelled} and releases {@code blocked}. */
    private static Statement cancellable(CountDownLatch cancelled, CountDownLatch blocked) {
        return (Statement) Proxy.newProxyInstance(ConnectionJobsTest.class.getClassLoader(),
                new Class<?>[] {Statement.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "cancel" -> {
                        cancelled.countDown();
                        blocked.countDown();
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> null;
                });
    }

    @Test
    void largestFirst_takesTheLargestPiecesFirst_andGivesResultsInThePiecesOrder() throws Exception {
        long[] sizes = {10, 500, 30, 900, 0};
        List<Integer> taken = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch bothLargestStarted = new CountDownLatch(2);
        // The largest holds its connection until the rest are done, so that they run one after another on the other
        // and are taken (and recorded) in the order they are handed out.
        CountDownLatch restDone = new CountDownLatch(3);
        List<String> results = ConnectionJobs.runLargestFirst("EXPORT DATABASE",
                List.of(connection("a"), connection("b")), sizes.length, i -> sizes[i], (connection, index, queries) -> {
                    taken.add(index);
                    try {
                        if (index == 3 || index == 1) {
                            bothLargestStarted.countDown();
                            assertTrue(bothLargestStarted.await(10, TimeUnit.SECONDS), "the two largest run at once");
                        }
                        if (index == 3) {
                            assertTrue(restDone.await(10, TimeUnit.SECONDS), "the rest ran beside the largest");
                        }
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    if (index != 3 && index != 1) {
                        restDone.countDown();
                    }
                    return "piece " + index;
                });
        assertEquals(List.of("piece 0", "piece 1", "piece 2", "piece 3", "piece 4"), results);
        assertEquals(Set.of(3, 1), Set.copyOf(taken.subList(0, 2)));
        assertEquals(List.of(2, 0, 4), taken.subList(2, 5));
    }

    @Test
    void largestFirst_onOneConnection_keepsThePiecesOrder() throws Exception {
        List<Integer> taken = new ArrayList<>();
        ConnectionJobs.runLargestFirst("IMPORT DATABASE", List.of(connection("a")), 3, i -> i * 100L,
                (connection, index, queries) -> taken.add(index));
        assertEquals(List.of(0, 1, 2), taken);
    }

    @Test
    void resultsComeInTableOrder_evenWhenTablesFinishOutOfOrder() throws Exception {
        List<Connection> connections = List.of(connection("a"), connection("b"));
        CountDownLatch firstWaits = new CountDownLatch(1);
        Set<Connection> busy = ConcurrentHashMap.newKeySet();
        List<String> overlaps = Collections.synchronizedList(new ArrayList<>());
        List<Integer> finished = Collections.synchronizedList(new ArrayList<>());
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<String> results = ConnectionJobs.run("EXPORT DATABASE", connections, 6, (connection, index, queries) -> {
            if (!busy.add(connection)) {
                overlaps.add(connection + " read two tables at once");
            }
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            try {
                if (index == 0) {
                    // Table 0 finishes only after every other table has, on the other connection.
                    assertTrue(firstWaits.await(10, TimeUnit.SECONDS));
                    finished.add(index);
                } else {
                    // Recorded before the latch opens, so that table 0 cannot be recorded first.
                    finished.add(index);
                    if (index == 5) {
                        firstWaits.countDown();
                    }
                }
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            busy.remove(connection);
            return "table " + index;
        });
        assertEquals(List.of("table 0", "table 1", "table 2", "table 3", "table 4", "table 5"), results);
        assertEquals(List.of(), overlaps);
        assertEquals(0, finished.get(finished.size() - 1), "table 0 finished last: " + finished);
        assertEquals(2, threads.size(), threads.toString());
    }

    @Test
    void oneConnectionRunsOnTheCallersThread_inOrder() throws SQLException {
        Thread caller = Thread.currentThread();
        List<Integer> order = new ArrayList<>();
        List<Integer> results = ConnectionJobs.run("EXPORT DATABASE", List.of(connection("only")), 3,
                (connection, index, queries) -> {
                    assertSame(caller, Thread.currentThread());
                    order.add(index);
                    return index * 10;
                });
        assertEquals(List.of(0, 10, 20), results);
        assertEquals(List.of(0, 1, 2), order);
    }

    @Test
    void aFailingTable_cancelsTheOthersQuery_takesNoFurtherTable_andIsThrown() throws Exception {
        List<Connection> connections = List.of(connection("a"), connection("b"));
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        Set<Integer> started = ConcurrentHashMap.newKeySet();
        SQLException failure = new SQLException("table 1 failed", "22000");
        SQLException thrown = assertThrows(SQLException.class, () -> ConnectionJobs.run("EXPORT DATABASE", connections,
                10,
                (connection, index, queries) -> {
                    started.add(index);
                    if (index == 0) {
                        try (RunningQueries.Registration ignored = queries.track(cancellable(cancelled, blocked))) {
                            running.countDown();
                            // A long query: it ends only when cancelled.
                            assertTrue(blocked.await(10, TimeUnit.SECONDS));
                            throw new SQLException("canceling statement due to user request", "57014");
                        } catch (InterruptedException e) {
                            throw new AssertionError(e);
                        }
                    }
                    try {
                        assertTrue(running.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    throw failure;
                }));
        assertSame(failure, thrown);
        assertEquals(0, cancelled.getCount(), "the other table's query was cancelled");
        assertEquals(Set.of(0, 1), started);
        assertEquals(0, thrown.getSuppressed().length, "the cancelled query's error is not reported");
    }

    @Test
    void anInterruptedExport_cancelsItsQueries_waitsForItsThreads_andSaysSo() throws Exception {
        List<Connection> connections = List.of(connection("a"), connection("b"));
        CountDownLatch cancelled = new CountDownLatch(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        Set<Thread> jobThreads = ConcurrentHashMap.newKeySet();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                ConnectionJobs.run("EXPORT DATABASE", connections, 2, (connection, index, queries) -> {
                    jobThreads.add(Thread.currentThread());
                    CountDownLatch blocked = new CountDownLatch(1);
                    try (RunningQueries.Registration ignored = queries.track(cancellable(cancelled, blocked))) {
                        bothRunning.countDown();
                        assertTrue(blocked.await(10, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        throw new AssertionError(e);
                    }
                    throw new SQLException("cancelled", "57014");
                });
            } catch (Throwable e) {
                outcome.set(e);
            }
            stillInterrupted.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertTrue(bothRunning.await(10, TimeUnit.SECONDS));
        caller.interrupt();
        caller.join(10_000);
        assertFalse(caller.isAlive());
        assertEquals(0, cancelled.getCount(), "both queries were cancelled");
        SQLException error = (SQLException) outcome.get();
        assertEquals("HY008", error.getSQLState());
        assertEquals("EXPORT DATABASE was interrupted", error.getMessage());
        assertTrue(stillInterrupted.get(), "the interrupt is kept for the caller");
        for (Thread thread : jobThreads) {
            thread.join(10_000);
        }
        assertTrue(jobThreads.stream().noneMatch(Thread::isAlive), "every job's thread stopped");
    }
}
