package dev.ferry.core.operation.exporting;

import dev.ferry.core.format.FileSummary;
import java.util.List;

/**
 * One read written: its rows, its file, and what could not be carried.
 *
 * @param warnings each naming the table and column
 */
record TableExport(long rows, FileSummary file, List<String> warnings) {
}
