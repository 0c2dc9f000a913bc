package dev.ferry.cli;

import dev.ferry.core.model.progress.Phase;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress as plain lines, for a log or a pipe: each phase as it starts, each table as it finishes (with its number
 * of the total), and a status line at most every interval: rows done of the total, percentage, rate and time left.
 */
final class LogProgress implements ProgressDisplay {
    private final PrintStream err;
    private final LongSupplier clock;
    private final long intervalNanos;
    private final ProgressTally tally;
    private long lastStatus;

    /**
     * @param clock         nanoseconds, as {@link System#nanoTime}
     * @param intervalNanos the least time between two status lines
     */
    LogProgress(PrintStream err, LongSupplier clock, long intervalNanos) {
        this.err = err;
        this.clock = clock;
        this.intervalNanos = intervalNanos;
        this.tally = new ProgressTally(clock.getAsLong());
        this.lastStatus = clock.getAsLong();
    }

    /** Each phase but the data's, which {@link #dataStarted} says with its totals. */
    @Override
    public void phaseStarted(String action, Phase phase) {
        if (phase != Phase.DATA) {
            err.println(action + ": " + phase.label());
        }
    }

    @Override
    public void dataStarted(String action, int files, long expectedRows, long expectedBytes) {
        long now = clock.getAsLong();
        tally.dataStarted(action, files, expectedRows, expectedBytes, now);
        lastStatus = now;
        err.printf(Locale.ROOT, "%s: %s%s%s%s%n", action, Phase.DATA.label(),
                files < 0 ? "" : String.format(Locale.ROOT, ", %,d file(s)", files), expectedRows < 0 ? ""
                        : String.format(Locale.ROOT, ", %s%,d rows", tally.estimated() ? "about " : "", expectedRows),
                expectedBytes < 0 ? "" : ", " + Bytes.of(expectedBytes));
    }

    @Override
    public void tableStarted(String action, String table, long expectedRows) {
        tally.tableStarted(action, table, clock.getAsLong());
    }

    @Override
    public void rowsDone(String table, long rows) {
        tally.rowsDone(table, rows);
        long now = clock.getAsLong();
        if (now - lastStatus >= intervalNanos) {
            lastStatus = now;
            err.println(StatusLine.of(tally, now));
        }
    }

    @Override
    public void tableFinished(String table, long rows, long bytes) {
        err.println(tally.tableFinished(table, rows, bytes, clock.getAsLong()));
    }
}
