package dev.ferry.core.format;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Writes one table's rows to a data file, one row at a time. */
public interface TableWriter extends Closeable {

    /**
     * Writes a row: one value per column, as read by the column's {@link dev.ferry.core.value.ValueKind}.
     *
     * @throws IllegalArgumentException naming the column, for a value the format cannot hold
     */
    void write(Object[] row) throws IOException;

    /** What the file could not keep exactly, each naming the column; empty for most formats and values. */
    default List<String> warnings() {
        return List.of();
    }

    /** The size and checksum of the file written; valid once the writer is closed. */
    FileSummary summary();
}
