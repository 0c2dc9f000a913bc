package dev.ferry.driver;

import dev.ferry.core.model.progress.ProgressListener;
import java.sql.Connection;

/**
 * A connection opened through Ferry. Every connection Ferry hands out implements this interface; reach it through
 * a pool's wrapper with {@code connection.unwrap(FerryConnection.class)}.
 */
public interface FerryConnection extends Connection {

    /**
     * The SQLState of the warning with which {@code VERIFY DATABASE} says the database does not match the export (its
     * result rows say where): a program checks for it, as the command line does to exit with status 3.
     */
    String VERIFY_MISMATCH_STATE = "01V01";

    /**
     * Sets who hears the progress of {@code EXPORT DATABASE} and {@code IMPORT DATABASE} statements run on this
     * connection from now on.
     *
     * @param listener the listener, or null for none
     */
    void setProgressListener(ProgressListener listener);

    /** The progress listener; {@link ProgressListener#NONE} unless one was set. */
    ProgressListener getProgressListener();
}
