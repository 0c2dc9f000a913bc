package dev.ferry.core.operation.verify;

import java.io.IOException;
import java.sql.SQLException;

/**
 * One side of a table's comparison, read a row at a time: each value in its kind's text form (null for NULL), the
 * kinds being those the import loads the table's columns with.
 */
interface CanonicalRows extends AutoCloseable {

    /** The next row, or null at the end. */
    String[] next() throws IOException, SQLException;

    /** Where the last row was found, for messages. */
    String position();

    @Override
    void close() throws IOException, SQLException;
}
