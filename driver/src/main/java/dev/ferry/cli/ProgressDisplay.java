package dev.ferry.cli;

import dev.ferry.core.model.progress.ProgressListener;
import java.io.PrintStream;

/**
 * How the command line shows an export's or import's progress on standard error: a bar with the rows done of the
 * total, rate and time left where standard error is a terminal, whatever standard output is; plain lines, a status
 * every ten seconds, where it is not (a CI log, a pipe); nothing with {@code --quiet}; plain lines every second with
 * {@code --verbose}.
 */
interface ProgressDisplay extends ProgressListener {
    /** The statement is done: a bar still shown is ended. */
    default void statementDone() {
    }

    /** How much the command line says. */
    enum Verbosity { QUIET, NORMAL, VERBOSE }

    /** The display for {@code err}, as {@code verbosity} asks and the terminal allows. */
    static ProgressDisplay on(PrintStream err, Verbosity verbosity) {
        return switch (verbosity) {
            case QUIET -> new ProgressDisplay() {
            };
            case VERBOSE -> new LogProgress(err, System::nanoTime, 1_000_000_000L);
            case NORMAL -> StderrTerminal.isTerminal() ? new BarProgress(err, StderrTerminal.width())
                    : new LogProgress(err, System::nanoTime, 10_000_000_000L);
        };
    }
}
