package dev.ferry.core.dialect;

import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * An engine's own bulk path for writing a table's rows as a CSV data file (PostgreSQL's COPY TO STDOUT), in place of
 * reading each value through JDBC and writing its text in Java. It is taken only where the engine gives, byte for
 * byte, the records Ferry's own CSV writer would write for the same rows; anything else is read row by row.
 */
public interface TableDumper {

    /**
     * The dump of the rows of {@code select}, or empty where some column's records would differ from Ferry's CSV
     * (nothing is read or written then, and the caller reads the rows itself).
     *
     * @param select      the query the rows are otherwise read with, its columns in the file's order and named as
     *                    {@code columnNames}
     * @param columnNames the names of the query's columns
     * @param options     the data file's CSV options (delimiter, quote)
     */
    Optional<Dump> prepare(String select, List<String> columnNames, FormatOptions options) throws SQLException;

    /**
     * Stops what {@link #prepare} or {@link Dump#writeTo} runs on the connection now, from another thread; the call
     * running then fails. Errors in cancelling are ignored.
     */
    void cancel();

    /** One prepared dump: the records of every row, without a header. */
    interface Dump {

        /**
         * Writes every row's record to {@code out}, as Ferry's CSV writer writes them (every non-null value quoted,
         * records ended by {@code \n}).
         *
         * @param progressName the name progress is reported under
         * @return the number of rows written
         */
        long writeTo(OutputStream out, ProgressListener progress, String progressName)
                throws SQLException, IOException;
    }
}
