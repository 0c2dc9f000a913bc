package dev.ferry.core.operation;

/**
 * What happened to one table in an export or import.
 *
 * @param table the table's qualified name, as SQL
 * @param file  its data file, relative to the export directory
 * @param rows  rows written or loaded
 * @param bytes size of the data file
 */
public record TableOutcome(String table, String file, long rows, long bytes) {
}
