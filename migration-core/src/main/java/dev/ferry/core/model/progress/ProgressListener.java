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
     * A phase starts; an import's post-data script may pass between indexes and keys and views and routines more than
     * once.
     *
     * @param action "export" or "import"
     */
    default void phaseStarted(String action, Phase phase) {
    }

    /**
     * The data phase starts: the files to write or load, and the rows in them, exact (an import's, from the manifest)
     * or estimated (an export's, from the engine's statistics).
     *
     * @param action        "export" or "import"
     * @param files         the data files: a table's, or each chunk of a table in several
     * @param expectedRows  rows in all of them, or -1 when unknown
     * @param expectedBytes the files' bytes in all (an import's, from the manifest), or -1 when unknown (an export's)
     */
    default void dataStarted(String action, int files, long expectedRows, long expectedBytes) {
    }

    /**
     * A table, or a chunk of one, starts.
     *
     * @param action       "export" or "import"
     * @param table        the table's qualified name, with the chunk where there are several
     * @param expectedRows rows expected (an import's exact count, an export's estimate), or -1 when unknown
     */
    default void tableStarted(String action, String table, long expectedRows) {
    }

    /** Rows written or loaded so far for {@code table}; called every few thousand rows. */
    default void rowsDone(String table, long rows) {
    }

    /**
     * A table, or a chunk of one, is done.
     *
     * @param rows  the rows written or loaded
     * @param bytes the size of its data file, or -1 where there is none to tell (a COPY between engines' own paths)
     */
    default void tableFinished(String table, long rows, long bytes) {
    }
}
