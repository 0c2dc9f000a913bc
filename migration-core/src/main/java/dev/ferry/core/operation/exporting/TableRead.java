package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.Table;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One read of an export, written to one data file: a whole table, or one chunk of a table split by its key, each read
 * as a job of its own ({@link dev.ferry.core.operation.jobs.ConnectionJobs}).
 *
 * @param table the table
 * @param by    what the table is split by; null for a table read whole
 * @param range the keys (or positions) read; {@link KeyRange#ALL} for the whole table
 * @param file  the data file's name in the export directory
 * @param part  the chunk's number, from 1
 * @param parts the table's chunks; 1 for a table read whole
 */
record TableRead(Table table, SplitBy by, KeyRange range, String file, int part, int parts) {

    /**
     * The reads of {@code tables}, in table order, each table's chunks in key order, with the names of their files.
     *
     * @param estimates each table's rows as {@link ChunkPlanner#estimate} gave them
     * @param planner   reads the key ranges, on the connection in the export's snapshot
     */
    static List<TableRead> plan(List<Table> tables, long[] estimates, ChunkPlanner planner, DataFileNames names)
            throws SQLException {
        List<TableRead> reads = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get(i);
            ChunkPlanner.Chunks chunks = planner.chunks(table, estimates[i]);
            List<KeyRange> ranges = chunks.ranges();
            List<String> files = names.next(table.name(), ranges.size());
            for (int part = 0; part < ranges.size(); part++) {
                reads.add(new TableRead(table, chunks.by(), ranges.get(part), files.get(part), part + 1,
                        ranges.size()));
            }
        }
        return reads;
    }

    /** The task that writes this read's file, as {@code format} says, for scripts in {@code scriptDialect}. */
    ExportTask task(Dialect dialect, FormatOptions format, Dialect scriptDialect) {
        return new ExportTask(table, where(), file, label(dialect.quote(table.name())), format, scriptDialect.name());
    }

    /** The SQL that limits the table's rows to the chunk's: empty for a table read whole. */
    String where() {
        return by == null ? "" : by.where(range);
    }

    /** How progress and errors name the read: the table, with the chunk where there are several. */
    String label(String tableName) {
        return parts == 1 ? tableName : tableName + " (part " + part + " of " + parts + ", " + file + ")";
    }
}
