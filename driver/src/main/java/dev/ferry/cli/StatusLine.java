package dev.ferry.cli;

import java.util.Locale;

/**
 * A progress status in words: {@code export: 1,200,000 of about 2,000,000 rows (60 %), 48.1 MB written, 150,000 rows/s,
 * 5 s left}; an import's with the bytes of the files loaded of all of them ({@code 12.0 MB of 30.1 MB loaded}).
 */
final class StatusLine {
    private StatusLine() {
    }

    static String of(ProgressTally tally, long nanos) {
        StringBuilder line = new StringBuilder(tally.action()).append(": ")
                .append(String.format(Locale.ROOT, "%,d", tally.rowsDone()));
        long expected = tally.expectedRows();
        if (expected > 0) {
            line.append(String.format(Locale.ROOT, " of %s%,d rows (%d %%)", tally.estimated() ? "about " : "",
                    expected, Math.min(100, Math.round(100.0 * tally.rowsDone() / expected))));
        } else {
            line.append(" rows");
        }
        if (tally.bytesDone() > 0 || tally.expectedBytes() > 0) {
            line.append(", ").append(Bytes.of(tally.bytesDone()));
            if (tally.expectedBytes() > 0) {
                line.append(" of ").append(Bytes.of(tally.expectedBytes()));
            }
            line.append(tally.estimated() ? " written" : " loaded");
        }
        line.append(String.format(Locale.ROOT, ", %,.0f rows/s", tally.rate(nanos)));
        long left = tally.secondsLeft(nanos);
        if (left >= 0) {
            line.append(", ").append(tally.estimated() ? "about " : "").append(duration(left)).append(" left");
        }
        return line.toString();
    }

    /** {@code 42 s}, {@code 3 min 05 s}, {@code 1 h 02 min}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
