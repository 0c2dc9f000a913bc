package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.TableDumper;
import dev.ferry.core.format.csv.CsvRecordsFile;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.jobs.RunningQueries;
import dev.ferry.core.value.ValueText;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A read written through the engine's own bulk path ({@link TableDumper}) where it has one and it writes exactly the
 * file the row-by-row path would: CSV in Ferry's own text forms only (not DuckDB's, not Parquet), and only where the
 * dumper takes every column.
 */
final class DumpedRead {
    /**
     * The system property that, set to {@code true}, sends every read row by row: for tests that compare the two
     * paths' files. Not an option for users: both paths write the same bytes.
     */
    static final String ROW_BY_ROW = "ferry.test.exportRowByRow";

    private DumpedRead() {
    }

    /**
     * Writes the rows of {@code select} to {@code path} through the dialect's dumper, or writes nothing and returns
     * empty where the read is to go row by row.
     *
     * @param label the read as progress names it
     */
    static Optional<TableExport> write(Connection reader, RunningQueries queries, Dialect dialect, String select,
                                       List<String> columnNames, Path path, FormatOptions options, ValueText text,
                                       String label, ProgressListener progress) throws SQLException, IOException {
        if (options.format() != DataFormat.CSV || text != ValueText.FERRY || Boolean.getBoolean(ROW_BY_ROW)) {
            return Optional.empty();
        }
        Optional<TableDumper> dumper = dialect.tableDumper(reader);
        if (dumper.isEmpty()) {
            return Optional.empty();
        }
        try (RunningQueries.Registration ignored = queries.track(dumper.get()::cancel)) {
            Optional<TableDumper.Dump> dump = dumper.get().prepare(select, columnNames, options);
            if (dump.isEmpty()) {
                return Optional.empty();
            }
            CsvRecordsFile file = CsvRecordsFile.create(path, options, columnNames);
            long rows;
            try (file) {
                rows = dump.get().writeTo(file.records(), progress, label);
            }
            return Optional.of(new TableExport(rows, file.summary(), List.of()));
        }
    }
}
