package dev.ferry.core.operation.copying;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.Provisional;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.loading.BulkLoader;
import dev.ferry.core.operation.loading.TableLoad;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * {@code COPY <table> [(<columns>)] FROM '<file>'}: loads a file on the client into an existing table, through the
 * loader IMPORT DATABASE uses (the engine's bulk path where it has one, else batched INSERTs). Values are read by the
 * kinds of the table's columns; a CSV header, when the options say there is one, must name those columns in order.
 *
 * <p>All or nothing: a value that cannot be read or that the database refuses stops the COPY and undoes every row
 * it loaded. In autocommit mode the COPY is one transaction of its own; in a transaction the caller opened it runs
 * under a savepoint, so the caller's earlier work survives a failed COPY.
 */
public final class CopyFromFile {
    private final Connection connection;

    /**
     * @param connection the database; its autocommit setting is left as it was
     */
    public CopyFromFile(Connection connection) {
        this.connection = connection;
    }

    /**
     * Loads {@code file} into the command's table.
     *
     * @param command the COPY, parameters bound; its file and options are not read again
     * @param file    the file to read
     * @param options the format and its options, e.g. from {@link CopyOptions#forFile}
     * @return one outcome: the table, the file, the rows loaded and the file's size
     * @throws SQLException 58030 for a file that is missing or cannot be read; class 22 naming the file, line and
     *                      column of a value that cannot be read; the database's error, naming the row, for a row it
     *                      refuses
     */
    public MigrationResult copy(CopyFromCommand command, Path file, FormatOptions options, ProgressListener progress)
            throws SQLException {
        Path absolute = file.toAbsolutePath().normalize();
        long bytes = size(absolute);
        Dialect dialect = Dialects.forConnection(connection);
        long rows;
        try (Dialect.SessionSettings ignored = dialect.prepareSession(connection)) {
            rows = Provisional.complete(StatementTransaction.begin(connection), () -> new BulkLoader(connection, dialect)
                    .load(tableLoad(command, absolute, options), -1, false, progress));
        }
        return new MigrationResult(absolute.getParent(),
                List.of(new TableOutcome(command.table(), absolute.toString(), rows, bytes)), List.of());
    }

    /** The command's table and columns, as written, loaded from {@code file} read as {@code options} say. */
    private static TableLoad tableLoad(CopyFromCommand command, Path file, FormatOptions options) {
        return new TableLoad(command.table(), command.columns(), new FormattedFile(file, options));
    }

    private static long size(Path file) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw FerryErrors.io("COPY cannot read " + file + ": " + (Files.exists(file) ? "it is not a file"
                    : "no such file"), null);
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw FerryErrors.io("COPY cannot read " + file + ": " + e, e);
        }
    }
}
