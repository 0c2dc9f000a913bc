package dev.ferry.cli;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps count of an export's or import's data phase, for the progress shown: files started of the total, rows done
 * of the expected total (an import's exact, an export's estimated), and the rate. Several tables may be under way at
 * once (JOBS); each is counted apart until it finishes.
 */
final class ProgressTally {
    private long startNanos;
    private String action = "";
    private int files = -1;
    private long expectedRows = -1;
    private long expectedBytes = -1;
    private int started;
    private long finishedRows;
    private long finishedBytes;
    private final Map<String, Long> running = new HashMap<>();
    private final Map<String, Long> tableStarts = new HashMap<>();
    private final Map<String, Integer> numbers = new HashMap<>();

    ProgressTally(long startNanos) {
        this.startNanos = startNanos;
    }

    /** The data phase starts at {@code nanos}: counts begin afresh, and the rate counts from then. */
    void dataStarted(String action, int files, long expectedRows, long expectedBytes, long nanos) {
        this.startNanos = nanos;
        started = 0;
        finishedRows = 0;
        finishedBytes = 0;
        this.expectedBytes = expectedBytes;
        running.clear();
        tableStarts.clear();
        numbers.clear();
        this.action = action;
        this.files = files;
        this.expectedRows = expectedRows;
    }

    /** Counts a table in; returns its number, from 1. */
    int tableStarted(String action, String table, long nanos) {
        this.action = action;
        started++;
        running.put(table, 0L);
        tableStarts.put(table, nanos);
        numbers.put(table, started);
        return started;
    }

    void rowsDone(String table, long rows) {
        running.put(table, rows);
    }

    /**
     * Counts a table out; returns its line: {@code export "public"."t": 2,000 rows, 41.3 kB in 0.1 s (file 3 of 12)},
     * the size left out where there is none, the file's number where the total is unknown.
     *
     * @param bytes the size of its data file, or -1
     */
    String tableFinished(String table, long rows, long bytes, long nanos) {
        String number = number(table);
        running.remove(table);
        finishedRows += rows;
        finishedBytes += Math.max(0, bytes);
        Long start = tableStarts.remove(table);
        double seconds = start == null ? 0 : (nanos - start) / 1e9;
        return String.format(Locale.ROOT, "%s %s: %,d rows%s in %.1f s%s", action, table, rows,
                bytes < 0 ? "" : ", " + Bytes.of(bytes), seconds, number.isEmpty() ? "" : " (file " + number + ")");
    }

    /**
     * The bytes of the files done so far: those finished, and of those under way a share by their rows, at the
     * average bytes a row of all the files (an import's, whose totals the manifest gives); an export's are its
     * finished files' alone.
     */
    long bytesDone() {
        if (expectedBytes <= 0 || expectedRows <= 0) {
            return finishedBytes;
        }
        long runningRows = running.values().stream().mapToLong(Long::longValue).sum();
        return Math.min(expectedBytes, finishedBytes + Math.round(runningRows * (double) expectedBytes / expectedRows));
    }

    /** The bytes of all the files, or -1 where unknown (an export's). */
    long expectedBytes() {
        return expectedBytes;
    }

    String action() {
        return action;
    }

    /** "3 of 12" for the third of twelve files; empty where the total is unknown (a COPY). */
    String number(String table) {
        Integer number = numbers.get(table);
        return number == null || files <= 0 ? "" : number + " of " + files;
    }

    long rowsDone() {
        return finishedRows + running.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The rows expected in all, or -1 where unknown; an export's is the engine's estimate. */
    long expectedRows() {
        return expectedRows;
    }

    /** Whether the expected rows are an estimate (an export's) rather than a count (an import's manifest). */
    boolean estimated() {
        return action.equals("export");
    }

    /** Rows a second since the tally began. */
    double rate(long nanos) {
        double seconds = (nanos - startNanos) / 1e9;
        return seconds <= 0 ? 0 : rowsDone() / seconds;
    }

    /** Seconds left at the rate so far, or -1 where it cannot be told. */
    long secondsLeft(long nanos) {
        double rate = rate(nanos);
        long left = expectedRows - rowsDone();
        return expectedRows < 0 || rate <= 0 ? -1 : Math.max(0, Math.round(left / rate));
    }
}
