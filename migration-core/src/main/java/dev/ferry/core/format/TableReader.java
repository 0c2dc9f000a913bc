package dev.ferry.core.format;

import java.io.Closeable;
import java.io.IOException;
import java.sql.SQLException;

/** Reads one table's rows back from a data file, one row at a time. */
public interface TableReader extends Closeable {

    /**
     * The next row, one value per column as {@link dev.ferry.core.value.ValueKind#parse} gives it, or null at the end;
     * a new array each time, which the caller may keep (loaders hold a batch of rows).
     *
     * @throws SQLException (class 22) naming the file, line and column of a value that cannot be read
     */
    Object[] next() throws IOException, SQLException;

    /** Where the last row returned was found, for error messages: e.g. {@code line 12 of orders.csv}. */
    String position();
}
