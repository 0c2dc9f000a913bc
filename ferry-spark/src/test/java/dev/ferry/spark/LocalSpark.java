package dev.ferry.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** One Spark in local mode, two executor threads, for all the tests of the JVM; stopped when the JVM ends. */
final class LocalSpark {
    private static JavaSparkContext context;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext get() {
        if (context == null) {
            SparkSession session = SparkSession.builder().master("local[2]").appName("ferry-spark-test")
                    .config("spark.ui.enabled", "false").getOrCreate();
            context = JavaSparkContext.fromSparkContext(session.sparkContext());
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return context;
    }
}
