package dev.ferry.core.operation.loading;

import dev.ferry.core.format.DataFile;
import java.util.List;

/**
 * A table loaded from a data file, as {@link BulkLoader} loads it: for each table of IMPORT DATABASE (a Ferry
 * export's or DuckDB's own) and for a user's {@code COPY ... FROM}.
 *
 * @param table   the table as the target's SQL names it (quoted where it needs to be)
 * @param columns the columns loaded, in the file's order, as the target's SQL names them; empty for all the
 *                table's columns, in its order
 * @param data    the data file and its reader
 */
public record TableLoad(String table, List<String> columns, DataFile data) {

    public TableLoad {
        columns = List.copyOf(columns);
    }
}
