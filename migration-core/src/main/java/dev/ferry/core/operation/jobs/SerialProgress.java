package dev.ferry.core.operation.jobs;

import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;

/**
 * Hands a listener the events of tables exported or imported on several threads one at a time, never two calls at
 * once, so a listener written for one table at a time stays correct; each event names its table.
 */
public final class SerialProgress implements ProgressListener {
    private final ProgressListener listener;

    private SerialProgress(ProgressListener listener) {
        this.listener = listener;
    }

    /** {@code listener} made safe for calls from several threads; {@link ProgressListener#NONE} as it is. */
    public static ProgressListener of(ProgressListener listener) {
        return listener == ProgressListener.NONE || listener instanceof SerialProgress ? listener
                : new SerialProgress(listener);
    }

    @Override
    public synchronized void phaseStarted(String action, Phase phase) {
        listener.phaseStarted(action, phase);
    }

    @Override
    public synchronized void dataStarted(String action, int files, long expectedRows, long expectedBytes) {
        listener.dataStarted(action, files, expectedRows, expectedBytes);
    }

    @Override
    public synchronized void tableStarted(String action, String table, long expectedRows) {
        listener.tableStarted(action, table, expectedRows);
    }

    @Override
    public synchronized void rowsDone(String table, long rows) {
        listener.rowsDone(table, rows);
    }

    @Override
    public synchronized void tableFinished(String table, long rows, long bytes) {
        listener.tableFinished(table, rows, bytes);
    }
}
