package dev.ferry.spark;

import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.exporting.ExportTask;
import dev.ferry.core.operation.exporting.SplitExport;
import dev.ferry.core.operation.location.RemoteExportTarget;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * EXPORT DATABASE with Spark: the schema read and the data files planned on the driver (the same files, chunks and
 * names as an export on one machine), each data file read and written by a Spark task on an executor, on a connection
 * of its own, and uploaded to the export's directory on a Hadoop file system (under a name of the attempt's own,
 * renamed into place by the driver for the attempt it took: see {@link WriteDataFile}); then the scripts, the schema
 * file and the manifest written by the driver, the manifest last. A failed export cancels its tasks, waits for them to
 * end, and removes what it and they wrote.
 */
public final class SparkExport {

    private SparkExport() {
    }

    /**
     * Exports the database {@code source} connects to into {@code target}, which must not exist or be an empty
     * directory.
     *
     * @param target   the export's directory: any URI a Hadoop file system on the driver's and executors' class path
     *                 serves ({@code hdfs://}, {@code s3a://}, {@code file://} where every executor sees the same
     *                 disk)
     * @param options  as for EXPORT DATABASE (not RESUME); JOBS changes nothing: the tasks run as Spark schedules them
     * @param settings Hadoop settings for the target's file system, over Spark's {@code spark.hadoop.*}
     * @return one outcome per data file, with the export's warnings (among them that the files were not read in one
     *         snapshot); its directory is null, the export being at {@code target}
     */
    public static MigrationResult run(JavaSparkContext spark, JdbcSource source, URI target, ExportOptions options,
                                      Map<String, String> settings) throws SQLException {
        Map<String, String> hadoop = HadoopSettings.of(spark.getConf(), settings);
        try (Connection connection = source.open();
             Spool spool = Spool.under(Spool.defaultBase());
             RemoteFiles files = HadoopFileSystems.open(target, hadoop, "EXPORT DATABASE")) {
            SplitExport export = SplitExport.plan(connection, options);
            List<ExportTask> tasks = export.tasks();
            RemoteExportTarget directory = RemoteExportTarget.prepare(files, spool.directory());
            List<String> written = new ArrayList<>(tasks.stream().map(ExportTask::file).toList());
            written.add(WriteDataFile.ATTEMPTS);
            directory.writtenByOthers(written);
            try {
                List<WriteDataFile.Uploaded> uploaded = SparkJob.run(spark, "EXPORT DATABASE to " + target, tasks,
                        new WriteDataFile(source, target, hadoop));
                for (WriteDataFile.Uploaded file : uploaded) {
                    files.rename(file.attempt(), file.written().file());
                }
                if (files.exists(WriteDataFile.ATTEMPTS)) {
                    files.delete(WriteDataFile.ATTEMPTS);
                }
                MigrationResult result = export.finish(spool.directory(),
                        uploaded.stream().map(WriteDataFile.Uploaded::written).toList());
                directory.upload(spool.directory());
                return new MigrationResult(null, result.tables(), result.warnings());
            } catch (SQLException e) {
                throw directory.abandoned(e);
            } catch (RuntimeException e) {
                throw directory.abandoned(new SQLException("EXPORT DATABASE to " + target + " failed: " + e, "58000",
                        e));
            }
        }
    }
}
