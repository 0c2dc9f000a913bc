package dev.ferry.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;

/**
 * The Hadoop settings the export's or import's file system is opened with, on the driver and on each executor: Spark's
 * own {@code spark.hadoop.<key>} settings, as Spark gives them to its Hadoop configuration, then the caller's. A
 * {@code file:} directory is written without Hadoop's {@code .crc} files beside each file (the manifest holds each
 * file's SHA-256), unless {@code fs.file.impl} is given.
 */
final class HadoopSettings {
    private static final String SPARK_PREFIX = "spark.hadoop.";
    private static final String LOCAL_FILE_SYSTEM = "fs.file.impl";

    private HadoopSettings() {
    }

    /** {@code spark.hadoop.<key>} of {@code conf} as {@code <key>}, overridden by {@code given}. */
    static Map<String, String> of(SparkConf conf, Map<String, String> given) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(LOCAL_FILE_SYSTEM, "org.apache.hadoop.fs.RawLocalFileSystem");
        for (scala.Tuple2<String, String> entry : conf.getAll()) {
            if (entry._1().startsWith(SPARK_PREFIX)) {
                settings.put(entry._1().substring(SPARK_PREFIX.length()), entry._2());
            }
        }
        settings.putAll(given);
        return settings;
    }
}
