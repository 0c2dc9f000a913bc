package dev.ferry.core.model.progress;

/**
 * Hears how an export or import advances, table by table. Called on the thread doing the work; keep it quick. Calls
 * never overlap, but an export reading on several connections (JOBS) has several tables under way at once and calls
 * from several threads, one at a time: each call names its table, and tables finish in any order.
 */
public interface ProgressListener {
    /** A listener that ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /**
     * A table starts.
     *
     * @param action       "export" or "import"
     * @param table        the table's qualified name
     * @param expectedRows rows expected, or -1 when unknown
     */
    default void tableStarted(String action, String table, long expectedRows) {
    }

    /** Rows written or loaded so far for {@code table}; called every few thousand rows. */
    default void rowsDone(String table, long rows) {
    }

    /** A table is done. */
    default void tableFinished(String table, long rows) {
    }
}
