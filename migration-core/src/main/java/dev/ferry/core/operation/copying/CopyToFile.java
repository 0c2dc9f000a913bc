package dev.ferry.core.operation.copying;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.ResultWriter;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.Provisional;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code COPY <table> [(<columns>)] TO '<file>'} and {@code COPY (<query>) TO '<file>'}: streams the rows into a file
 * on the client, in the format and with the value forms of EXPORT DATABASE.
 *
 * <p>The file is written beside the target under a hidden name and renamed only when complete: a failed COPY leaves
 * no file. An existing file is refused. The rows are read in one transaction (the statement's own in autocommit
 * mode, else under a savepoint in the caller's), which the engines need to stream.
 */
public final class CopyToFile {
    private final Connection connection;

    /**
     * @param connection the database; its autocommit setting is left as it was
     */
    public CopyToFile(Connection connection) {
        this.connection = connection;
    }

    /**
     * Writes the command's rows to {@code file}.
     *
     * @param command the COPY, parameters bound; its file and options are not read again
     * @param file    the file to create: it must not exist, its directory must
     * @param options the format and its options, e.g. from {@link CopyOptions#forFile}
     * @return one outcome: the table or query, the file, the rows written and the file's size
     * @throws SQLException 42000 for an existing file, 58030 for a file that cannot be written, class 22 for a value
     *                      that cannot be carried, or the database's error for the query
     */
    public MigrationResult copy(CopyToCommand command, Path file, FormatOptions options, ProgressListener progress)
            throws SQLException {
        PartialFile target = PartialFile.prepare(file);
        String subject = "COPY to " + target.target().getFileName();
        Written written = Provisional.complete(target, () -> copyRows(command, target, options, subject, progress));
        progress.tableFinished(written.source(), written.rows(), written.bytes());
        return new MigrationResult(target.target().getParent(), List.of(new TableOutcome(written.source(),
                target.target().toString(), written.rows(), written.bytes())), written.warnings());
    }

    /** Reads the rows in the statement's transaction and writes them to the partial file. */
    private Written copyRows(CopyToCommand command, PartialFile target, FormatOptions options, String subject,
                             ProgressListener progress) throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        try (Dialect.SessionSettings ignored = dialect.prepareSession(connection)) {
            StatementTransaction transaction = StatementTransaction.begin(connection);
            try {
                return Provisional.complete(transaction, () -> {
                    CopySource source = CopySource.of(connection, dialect, command);
                    progress.tableStarted("export", source.name(), -1);
                    return write(dialect, source, target, options, subject, progress);
                });
            } catch (SQLException e) {
                throw FerryErrors.withContext(subject + " failed", e);
            }
        }
    }

    /** What was written: from which table or query, rows, the file's size, what the format could not keep exactly. */
    private record Written(String source, long rows, long bytes, List<String> warnings) {
    }

    /** Runs the source's query and writes its rows to the partial file. */
    private Written write(Dialect dialect, CopySource source, PartialFile target, FormatOptions options,
                          String subject, ProgressListener progress) throws SQLException {
        try (PreparedStatement statement = dialect.streamingQuery(connection, source.sql());
             ResultSet resultSet = statement.executeQuery()) {
            List<ValueKind> kinds = dialect.valueKinds(resultSet.getMetaData());
            List<String> columnNames = source.columnNames(resultSet.getMetaData());
            TableWriter writer = DataFiles.writer(target.partial(), options,
                    DataColumn.of(columnNames, kinds, resultSet.getMetaData()));
            long rows;
            try (writer) {
                rows = ResultWriter.write(resultSet, kinds, columnNames, writer, subject, source.name(), progress);
            }
            return new Written(source.name(), rows, writer.summary().bytes(), writer.warnings());
        } catch (IOException e) {
            throw FerryErrors.io(subject + " failed: cannot write " + target.partial() + ": " + e, e);
        }
    }
}
