package dev.ferry.cli;

import dev.ferry.core.model.progress.ProgressListener;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints how an export or import advances to standard error: a line per table, and a running count on a terminal.
 * Several tables may be under way at once (an export's JOBS); each line names its table and its own time.
 */
final class ProgressPrinter implements ProgressListener {
    private final PrintStream err;
    private final boolean terminal;
    private String action = "";
    private final Map<String, Long> tableStarts = new HashMap<>();

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void tableStarted(String action, String table, long expectedRows) {
        this.action = action;
        tableStarts.put(table, System.nanoTime());
        if (terminal) {
            err.print("\r" + action + " " + table + " ...");
            err.flush();
        }
    }

    @Override
    public void rowsDone(String table, long rows) {
        if (terminal) {
            err.printf("\r%s %s: %,d rows", action, table, rows);
            err.flush();
        }
    }

    @Override
    public void tableFinished(String table, long rows) {
        Long start = tableStarts.remove(table);
        double seconds = start == null ? 0 : (System.nanoTime() - start) / 1e9;
        err.printf("%s%s %s: %,d rows in %.1f s%n", terminal ? "\r\033[K" : "", action, table, rows, seconds);
        err.flush();
    }
}
