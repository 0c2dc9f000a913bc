package dev.ferry.core.operation;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of an export or an import.
 *
 * @param directory the export directory
 * @param tables    one entry per table, in the order handled
 * @param warnings  what could not be carried, in words; empty when everything was
 */
public record MigrationResult(Path directory, List<TableOutcome> tables, List<String> warnings) {

    public MigrationResult {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /** Rows over all tables. */
    public long totalRows() {
        return tables.stream().mapToLong(TableOutcome::rows).sum();
    }

    /** Bytes of data files over all tables. */
    public long totalBytes() {
        return tables.stream().mapToLong(TableOutcome::bytes).sum();
    }
}
