package dev.ferry.spark;

import dev.ferry.core.operation.exporting.ExportTask;
import dev.ferry.core.operation.location.RemoteExportTarget;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import java.io.Serializable;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * On an executor: writes one data file of the export, read on a connection of its own, to a local spool under Spark's
 * working directory, then uploads it under a name of this attempt's own in {@value #ATTEMPTS}, which the driver
 * renames into place for the attempt whose report it takes. So an attempt Spark gave up on, or a speculative copy,
 * never writes over the file the manifest describes. An attempt that finds the export ended (its marker gone: the
 * export failed, or finished with another attempt's file) removes what it uploaded.
 *
 * @param source   the exported database
 * @param target   the export's directory
 * @param settings the Hadoop settings its file system is opened with
 */
record WriteDataFile(JdbcSource source, URI target, Map<String, String> settings)
        implements Function<ExportTask, WriteDataFile.Uploaded> {
    private static final long serialVersionUID = 1L;

    /** The folder of the export's directory the tasks upload to; Spark's and Hive's readers skip a name with "_". */
    static final String ATTEMPTS = "_ferry_attempts";

    /**
     * A data file written and uploaded.
     *
     * @param written what the manifest records of it
     * @param attempt where this attempt uploaded it, below the export's directory
     */
    record Uploaded(ExportTask.Written written, String attempt) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Uploaded call(ExportTask task) throws Exception {
        TaskContext context = TaskContext.get();
        String attempt = ATTEMPTS + "/" + task.file() + "." + (context == null ? 0 : context.taskAttemptId());
        try (Spool spool = Spool.under(Path.of(SparkFiles.getRootDirectory()));
             Connection connection = source.open();
             RemoteFiles files = HadoopFileSystems.open(target, settings, "EXPORT DATABASE")) {
            ExportTask.Written written = task.write(connection, spool.directory());
            files.put(spool.directory().resolve(Path.of(task.file())), attempt);
            if (!files.exists(RemoteExportTarget.WRITING)) {
                files.delete(attempt);
                throw new SQLException("The export to " + target + " ended while " + task.file() + " was written:"
                        + " this attempt's file is removed", "58000");
            }
            return new Uploaded(written, attempt);
        }
    }
}
