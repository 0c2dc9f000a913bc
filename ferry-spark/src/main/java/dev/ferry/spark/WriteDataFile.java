package dev.ferry.spark;

import dev.ferry.core.operation.exporting.ExportTask;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import org.apache.spark.api.java.function.Function;

/**
 * On an executor: writes one data file of the export, read on a connection of its own, to a local spool, then uploads
 * it to its place under the export's directory. A retried task writes the same file again over it.
 *
 * @param source   the exported database
 * @param target   the export's directory
 * @param settings the Hadoop settings its file system is opened with
 */
record WriteDataFile(JdbcSource source, URI target, Map<String, String> settings)
        implements Function<ExportTask, ExportTask.Written> {
    private static final long serialVersionUID = 1L;

    @Override
    public ExportTask.Written call(ExportTask task) throws Exception {
        try (Spool spool = Spool.under(Spool.defaultBase());
             Connection connection = source.open();
             RemoteFiles files = HadoopFileSystems.open(target, settings, "EXPORT DATABASE")) {
            ExportTask.Written written = task.write(connection, spool.directory());
            files.put(spool.directory().resolve(Path.of(task.file())), task.file());
            return written;
        }
    }
}
