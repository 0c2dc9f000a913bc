package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.loading.BulkLoader;
import dev.ferry.core.operation.loading.TableLoad;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One data file of an import, loaded into its table by whatever process holds the file and a connection to the target
 * (Spark's executors, for a {@link SplitImport}); it holds only values, and can be serialized.
 *
 * @param table        the table, as the target's SQL names it
 * @param columns      the columns loaded, in the file's order, as the target's SQL names them
 * @param file         the data file's name in the export directory
 * @param format       how the file is read
 * @param expectedRows the rows the manifest says the file holds
 * @param bytes        the file's size, as the manifest records it
 * @param sha256       the file's SHA-256, as the manifest records it
 */
public record ImportTask(String table, List<String> columns, String file, FormatOptions format, long expectedRows,
                         long bytes, String sha256) implements Serializable {
    private static final long serialVersionUID = 1L;

    public ImportTask {
        columns = List.copyOf(columns);
    }

    /**
     * Checks that {@code localFile} is the file the manifest lists (its size and SHA-256), then loads it into the
     * table in one transaction on {@code target}, committed once the rows loaded are as many as the manifest says;
     * rolled back otherwise.
     *
     * @param target a connection to the database being imported into, with autocommit on, as it is left
     * @throws SQLException (22000) where the file is not the one the manifest lists, or holds another number of rows
     */
    public Loaded load(Connection target, Path localFile) throws SQLException {
        ExportSource.checkDataFile(localFile, file, table, bytes, sha256);
        Dialect dialect = Dialects.forConnection(target);
        try (Dialect.SessionSettings session = dialect.prepareSession(target);
             Dialect.SessionSettings forImport = dialect.prepareImport(target)) {
            target.setAutoCommit(false);
            try {
                long rows = new BulkLoader(target, dialect).load(new TableLoad(table, columns,
                        new FormattedFile(localFile, format, sha256)), expectedRows, false, ProgressListener.NONE);
                DataLoader.checkRows(file, table, rows, expectedRows);
                target.commit();
                target.setAutoCommit(true);
                return new Loaded(table, file, rows, bytes);
            } catch (SQLException | RuntimeException e) {
                rollBack(target, e);
                throw e;
            }
        }
    }

    /** Rolls back the load and puts autocommit back on; what fails in doing so is added to {@code failure}. */
    private static void rollBack(Connection target, Exception failure) {
        try {
            target.rollback();
            target.setAutoCommit(true);
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * A file loaded.
     *
     * @param table the table, as the target's SQL names it
     * @param file  the data file's name in the export directory
     * @param rows  the rows loaded
     * @param bytes the file's size
     */
    public record Loaded(String table, String file, long rows, long bytes) implements Serializable {
        private static final long serialVersionUID = 1L;
    }
}
