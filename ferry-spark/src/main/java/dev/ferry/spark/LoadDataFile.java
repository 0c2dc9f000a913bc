package dev.ferry.spark;

import dev.ferry.core.operation.importing.ImportTask;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import org.apache.spark.SparkFiles;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.Function;

/**
 * On an executor: downloads one data file of the export to a local spool under Spark's working directory and loads it
 * into its table, in one transaction on a connection of its own. A task is not retried: where an attempt failed after
 * its commit (its executor lost before it reported), a second would load the rows twice, so a second attempt fails at
 * once and the import is undone.
 *
 * @param target   the database imported into
 * @param source   the export's directory
 * @param settings the Hadoop settings its file system is opened with
 */
record LoadDataFile(JdbcSource target, URI source, Map<String, String> settings)
        implements Function<ImportTask, ImportTask.Loaded> {
    private static final long serialVersionUID = 1L;

    @Override
    public ImportTask.Loaded call(ImportTask task) throws Exception {
        TaskContext context = TaskContext.get();
        if (context != null && context.attemptNumber() > 0) {
            throw new SQLException("The load of " + task.file() + " into " + task.table() + " failed in an earlier"
                    + " attempt, which may have committed its rows: it is not tried again, and the import is undone",
                    "58000");
        }
        try (Spool spool = Spool.under(Path.of(SparkFiles.getRootDirectory()));
             RemoteFiles files = HadoopFileSystems.open(source, settings, "IMPORT DATABASE");
             Connection connection = target.open()) {
            // Named as in the export, so that an error in the file names it so.
            Path local = spool.directory().resolve(Path.of(task.file()));
            Files.createDirectories(local.getParent());
            files.get(task.file(), local);
            return task.load(connection, local);
        }
    }
}
