package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.ResultWriter;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.jobs.RunningQueries;
import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ValueText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the rows of an {@link ExportTask} to its data file: through the engine's bulk path where it writes the same
 * file ({@link DumpedRead}), else row by row through JDBC.
 */
final class ReadWriter {
    private final Dialect dialect;
    private final FormatOptions options;
    private final ValueText text;
    private final Path directory;

    /**
     * @param dialect   the exported database's dialect
     * @param text      how the values of the scripts' engine are written as text
     * @param directory the export directory the tasks' files are written under
     */
    ReadWriter(Dialect dialect, FormatOptions options, ValueText text, Path directory) {
        this.dialect = dialect;
        this.options = options;
        this.text = text;
        this.directory = directory;
    }

    /**
     * Writes {@code task}'s rows, read on {@code reader}, to its file, forced to disk, and records it in {@code record}
     * where there is one; returns what the manifest records of the file.
     *
     * @param expectedRows about how many rows the task holds, for progress; -1 where not known
     * @param record       the export's progress record, or null where it keeps none
     */
    ExportTask.Written write(Connection reader, RunningQueries queries, ExportTask task, long expectedRows,
                             ProgressListener progress, ExportProgress record) throws SQLException {
        Table table = task.table();
        Path path = directory.resolve(task.file());
        String tableName = dialect.quote(table.name());
        String label = task.label();
        List<String> columnNames = table.dataColumns().stream().map(Column::name).toList();
        String sql = "SELECT " + table.dataColumns().stream()
                .map(c -> dialect.selectColumn(c.name(), c.jdbcType(), c.typeName()))
                .collect(Collectors.joining(", ")) + " FROM " + dialect.rowsOf(table.name()) + task.where();
        progress.tableStarted("export", label, expectedRows);
        ExportTask.Written written;
        try {
            Files.createDirectories(path.getParent());
            Optional<TableExport> dumped = DumpedRead.write(reader, queries, dialect, sql, columnNames, path, options,
                    text, label, progress);
            TableExport export = dumped.isPresent() ? dumped.get()
                    : readRowByRow(reader, queries, table, sql, columnNames, path, label, progress);
            // On disk before the progress record says the file is finished.
            ExportDirectory.forceFile(path);
            written = new ExportTask.Written(task.file(), export.rows(), export.file().bytes(),
                    export.file().sha256(), export.warnings());
            if (record != null) {
                record.finished(written);
            }
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write " + task.file() + " for table " + tableName + ": " + e, e);
        } catch (SQLException e) {
            throw FerryErrors.withContext("Export of table " + label + " failed", e);
        }
        progress.tableFinished(label, written.rows(), written.bytes());
        return written;
    }

    /** Reads the rows of {@code sql} through JDBC, each value by its kind, and writes them with the format's writer. */
    private TableExport readRowByRow(Connection reader, RunningQueries queries, Table table, String sql,
                                     List<String> columnNames, Path path, String label, ProgressListener progress)
            throws SQLException, IOException {
        String tableName = dialect.quote(table.name());
        List<String> warnings = new ArrayList<>();
        try (PreparedStatement statement = dialect.streamingQuery(reader, sql);
             RunningQueries.Registration ignored = queries.track(statement);
             ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<ValueKind> kinds = dialect.valueKinds(metaData);
            boolean elements = text.arraysAsElements();
            List<Column> columns = table.dataColumns();
            TableWriter file = DataFiles.writer(path, options, DataColumn.of(columnNames,
                    elements ? ArrayElementsWriter.writtenKinds(dialect, columns, kinds) : kinds, metaData), text);
            TableWriter writer = elements ? ArrayElementsWriter.of(file, dialect, columns, kinds) : file;
            long rows;
            try (writer) {
                rows = ResultWriter.write(resultSet, kinds, columnNames, writer, "Export of table " + label,
                        label, progress);
            }
            writer.warnings().forEach(warning -> warnings.add("Table " + tableName + ", " + warning));
            return new TableExport(rows, writer.summary(), warnings);
        }
    }
}
