package dev.ferry.spark;

import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.importing.ImportTask;
import dev.ferry.core.operation.importing.SplitImport;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * IMPORT DATABASE with Spark: the export's manifest and scripts checked and the schema created by the driver, each data
 * file downloaded, checked against the manifest's checksum and loaded by a Spark task on an executor, in one
 * transaction on a connection of its own; then the post-data script (keys, indexes, views) run once by the driver. A
 * failed import drops what it created.
 */
public final class SparkImport {

    private SparkImport() {
    }

    /**
     * Imports the export in {@code source} into the empty database {@code target} connects to.
     *
     * @param source   the export's directory, on any Hadoop file system the driver and executors serve
     * @param options  as for IMPORT DATABASE (not RESUME); JOBS changes nothing
     * @param settings Hadoop settings for the source's file system, over Spark's {@code spark.hadoop.*}
     * @return one outcome per data file, with the export's warnings
     */
    public static MigrationResult run(JavaSparkContext spark, JdbcSource target, URI source, ImportOptions options,
                                      Map<String, String> settings) throws SQLException {
        Map<String, String> hadoop = HadoopSettings.of(spark.getConf(), settings);
        try (Connection connection = target.open();
             Spool spool = Spool.under(Spool.defaultBase());
             RemoteFiles files = HadoopFileSystems.open(source, hadoop, "IMPORT DATABASE")) {
            if (!files.exists(ManifestFile.NAME)) {
                throw new SQLException("IMPORT DATABASE: " + source + " has no " + ManifestFile.NAME
                        + "; it is not a complete Ferry export", "42000");
            }
            for (String name : List.of(ManifestFile.NAME, ExportLayout.SCHEMA, ExportLayout.LOAD,
                    ExportLayout.POST_DATA, SchemaFile.NAME)) {
                if (files.exists(name)) {
                    files.get(name, spool.directory().resolve(name));
                }
            }
            try (SplitImport imported = SplitImport.begin(connection, spool.directory(), options)) {
                List<ImportTask> tasks = imported.tasks();
                try {
                    List<ImportTask.Loaded> loaded = tasks.isEmpty() ? List.of()
                            : spark.parallelize(tasks, tasks.size()).map(new LoadDataFile(target, source, hadoop))
                            .collect();
                    return imported.finish(loaded);
                } catch (SQLException e) {
                    imported.abandon(e);
                    throw e;
                } catch (Exception e) { // SparkException, which Scala throws undeclared, among them
                    SQLException failure = new SQLException("IMPORT DATABASE with Spark from " + source
                            + " failed: " + SparkFailure.cause(e), "58000", e);
                    imported.abandon(failure);
                    throw failure;
                }
            }
        }
    }
}
