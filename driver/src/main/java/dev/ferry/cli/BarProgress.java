package dev.ferry.cli;

import dev.ferry.core.model.progress.Phase;
import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on a terminal: a bar for the data phase with the rows done of the total (an export's estimate grows where
 * the tables hold more), percentage, rate, time left, an import's bytes of files loaded of all of them and the table
 * under way ("3/12 public.orders"); each phase and each finished table as a line above it.
 */
final class BarProgress implements ProgressDisplay {
    /** At most this much of the table's name beside the bar, so that the bar keeps its room. */
    private static final int MESSAGE_WIDTH = 32;

    private final PrintStream err;
    private final int width;
    private final ProgressTally tally = new ProgressTally(System.nanoTime());
    private ProgressBar bar;
    /** The table under way, with its number: "3/12 public.orders". */
    private String current = "";

    /** @param width the terminal's columns */
    BarProgress(PrintStream err, int width) {
        this.err = err;
        this.width = width;
    }

    @Override
    public void phaseStarted(String action, Phase phase) {
        if (phase != Phase.DATA) {
            statementDone();
        }
        line(action + ": " + phase.label());
    }

    @Override
    public void dataStarted(String action, int files, long expectedRows, long expectedBytes) {
        statementDone();
        tally.dataStarted(action, files, expectedRows, expectedBytes, System.nanoTime());
        bar = new ProgressBarBuilder()
                .setTaskName(action)
                .setInitialMax(expectedRows > 0 ? expectedRows : -1)
                .setUnit(" rows", 1)
                .showSpeed(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)))
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250)
                .setConsumer(new ConsoleProgressBarConsumer(err, width))
                .build();
    }

    @Override
    public void tableStarted(String action, String table, long expectedRows) {
        tally.tableStarted(action, table, System.nanoTime());
        if (bar != null) {
            String number = tally.number(table);
            current = (number.isEmpty() ? "" : number.replace(" of ", "/") + " ") + table;
            showMessage();
        }
    }

    /**
     * Beside the bar: the bytes of the files done of all of them, where known (an import's), and the table under way,
     * cut to {@value #MESSAGE_WIDTH} characters.
     */
    private void showMessage() {
        String bytes = tally.expectedBytes() > 0
                ? " " + Bytes.of(tally.bytesDone()) + "/" + Bytes.of(tally.expectedBytes()) : "";
        bar.setExtraMessage(bytes + " " + (current.length() > MESSAGE_WIDTH
                ? current.substring(0, MESSAGE_WIDTH - 1) + "…" : current));
    }

    @Override
    public void rowsDone(String table, long rows) {
        tally.rowsDone(table, rows);
        if (bar != null && tally.expectedBytes() > 0) {
            showMessage();
        }
        step();
    }

    @Override
    public void tableFinished(String table, long rows, long bytes) {
        line(tally.tableFinished(table, rows, bytes, System.nanoTime()));
        if (bar != null) {
            showMessage();
        }
        step();
    }

    @Override
    public void statementDone() {
        if (bar != null) {
            step();
            bar.close();
            bar = null;
        }
    }

    private void step() {
        if (bar == null) {
            return;
        }
        long done = tally.rowsDone();
        if (bar.getMax() >= 0 && done > bar.getMax()) {
            bar.maxHint(done);
        }
        bar.stepTo(done);
    }

    /** A line above the bar, which the bar draws again below it at its next update. */
    private void line(String text) {
        err.print("\r" + " ".repeat(Math.max(0, width - 1)) + "\r" + text + System.lineSeparator());
        err.flush();
    }
}
