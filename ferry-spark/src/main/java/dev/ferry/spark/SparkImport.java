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
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * IMPORT DATABASE with Spark: the export's manifest and scripts checked and the schema created by the driver, each data
 * file downloaded, checked against the manifest's checksum and loaded by a Spark task on an executor, in one
 * transaction on a connection of its own; then the post-data script (keys, indexes, views) run once by the driver. A
 * failed import drops what it created.
 */
public final class SparkImport {
    private static final String SPECULATION = "spark.speculation";

    private SparkImport() {
    }

    /** Refuses (0A000) a Spark that runs second copies of slow tasks, which would load a file's rows twice. */
    static void refuseSpeculation(SparkConf conf) throws SQLException {
        if (conf.getBoolean(SPECULATION, false)) {
            throw new SQLException("IMPORT DATABASE with Spark loads each data file once, and refuses to run with "
                    + SPECULATION + "=true, whose second copies of a task would load rows twice: set it to false for"
                    + " the import", "0A000");
        }
    }

    /**
     * Imports the export in {@code source} into the empty database {@code target} connects to.
     *
     * @param source   the export's directory, on any Hadoop file system the driver and executors serve
     * @param options  as for IMPORT DATABASE (not RESUME); JOBS changes nothing
     * @param settings Hadoop settings for the source's file system, over Spark's {@code spark.hadoop.*}
     * @return one outcome per data file, with the export's warnings; its directory is null, the export being at
     *         {@code source}
     * @throws SQLException (0A000) where Spark runs speculative copies of tasks ({@code spark.speculation}); a task's
     *                      own failure, with its SQLState; as IMPORT DATABASE refuses
     */
    public static MigrationResult run(JavaSparkContext spark, JdbcSource target, URI source, ImportOptions options,
                                      Map<String, String> settings) throws SQLException {
        refuseSpeculation(spark.getConf());
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
            try (SplitImport imported = SplitImport.begin(connection, target::open, spool.directory(), options)) {
                try {
                    List<ImportTask.Loaded> loaded;
                    try (KeepAlive ignored = KeepAlive.of(connection)) {
                        loaded = SparkJob.run(spark, "IMPORT DATABASE from " + source, imported.tasks(),
                                new LoadDataFile(target, source, hadoop));
                    }
                    MigrationResult result = imported.finish(loaded);
                    return new MigrationResult(null, result.tables(), result.warnings());
                } catch (SQLException | RuntimeException e) {
                    imported.abandon(e);
                    throw e;
                }
            }
        }
    }
}
