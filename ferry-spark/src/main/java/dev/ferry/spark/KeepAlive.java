package dev.ferry.spark;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keeps the driver's connection in use while Spark's tasks load, which can take hours: a server's idle timeout
 * (MariaDB's {@code wait_timeout}, PostgreSQL's {@code idle_session_timeout}) would otherwise close it, and with it the
 * import lock and the session the post-data script runs on. Nothing else uses the connection meanwhile.
 */
final class KeepAlive implements AutoCloseable {
    private static final long PERIOD_SECONDS = 60;
    private static final int CHECK_SECONDS = 10;

    private final ScheduledExecutorService pinger;

    private KeepAlive(ScheduledExecutorService pinger) {
        this.pinger = pinger;
    }

    /** Checks {@code connection} (a round trip to the server) every minute until closed. */
    static KeepAlive of(Connection connection) {
        ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ferry-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        pinger.scheduleWithFixedDelay(() -> {
            try {
                connection.isValid(CHECK_SECONDS);
            } catch (SQLException ignored) {
                // A lost connection shows when the post-data script runs; the import is then undone on another.
            }
        }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        return new KeepAlive(pinger);
    }

    @Override
    public void close() {
        pinger.shutdownNow();
        try {
            pinger.awaitTermination(CHECK_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
