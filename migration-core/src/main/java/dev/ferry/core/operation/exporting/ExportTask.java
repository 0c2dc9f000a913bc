package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.jobs.RunningQueries;
import java.io.Serializable;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * One data file of an export: the rows of a table, or of one chunk of it, written to one file. An export runs its
 * tasks on its own connections ({@link DatabaseExporter}); a {@link SplitExport} hands them to other processes, which
 * is why a task holds only values and can be serialized.
 *
 * @param table         the table
 * @param where         the SQL that limits the rows to the chunk's ({@code " WHERE …"}); empty for a whole table
 * @param file          the data file's name in the export directory ({@code data/<schema>.<table>/part-0001.csv})
 * @param label         how progress and errors name the task: the table, and the chunk where there are several
 * @param format        how the file is written
 * @param scriptDialect the name of the dialect the export's scripts are written for, whose loads read the file
 */
public record ExportTask(Table table, String where, String file, String label, FormatOptions format,
                         String scriptDialect) implements Serializable {
    private static final long serialVersionUID = 1L;

    /**
     * Writes the task's rows, read on {@code reader} in a read-only transaction of its own, into its file under
     * {@code directory}: the same file an export on one machine writes.
     *
     * @param reader a connection to the exported database, with autocommit on; left with its settings as they were
     * @throws SQLException naming the table (and chunk) where the rows cannot be read or the file written
     */
    public Written write(Connection reader, Path directory) throws SQLException {
        Dialect dialect = Dialects.forConnection(reader);
        int isolation = dialect.snapshotIsolation(reader.getMetaData());
        try (Dialect.SessionSettings ignored = dialect.prepareSession(reader);
             SnapshotSession session = SnapshotSession.begin(reader, isolation)) {
            return new ReadWriter(dialect, format, Dialects.named(scriptDialect).capabilities().csvValueText(),
                    directory).write(reader, new RunningQueries(), this, -1, ProgressListener.NONE, null);
        }
    }

    /**
     * A task done: what the manifest records of its file.
     *
     * @param file     the data file's name in the export directory
     * @param rows     the rows written
     * @param bytes    the file's size
     * @param sha256   the file's SHA-256, in hexadecimal
     * @param warnings what could not be carried, each naming the table and column
     */
    public record Written(String file, long rows, long bytes, String sha256, List<String> warnings)
            implements Serializable {
        private static final long serialVersionUID = 1L;

        public Written {
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }
}
