package dev.ferry.spark;

import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkJobInfo;
import org.apache.spark.SparkStageInfo;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;

/**
 * Runs a task per element on Spark's executors, in a job group of its own; where the job fails, cancels what still runs
 * of it (interrupting the tasks) and waits for them to end, so that none goes on writing once the caller cleans up.
 */
final class SparkJob {
    /** The longest wait for a cancelled job's tasks to end. */
    private static final long CANCEL_WAIT_SECONDS = 120;
    private static final long POLL_MILLIS = 200;

    private SparkJob() {
    }

    /**
     * The results of {@code task} on each of {@code inputs}, in their order.
     *
     * @param description what the job does, as Spark's UI and the error name it
     * @throws SQLException the task's own where one failed with one (see {@link SparkFailure})
     */
    static <T, R> List<R> run(JavaSparkContext spark, String description, List<T> inputs, Function<T, R> task)
            throws SQLException {
        if (inputs.isEmpty()) {
            return List.of();
        }
        String group = "ferry-" + UUID.randomUUID();
        spark.setJobGroup(group, description, true);
        try {
            return spark.parallelize(inputs, inputs.size()).map(task).collect();
        } catch (Exception e) { // SparkException, which Scala throws undeclared, among them
            spark.cancelJobGroup(group);
            awaitEnd(spark, group);
            throw SparkFailure.of(description + " failed", e);
        } finally {
            spark.clearJobGroup();
        }
    }

    private static void awaitEnd(JavaSparkContext spark, String group) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CANCEL_WAIT_SECONDS);
        while (running(spark, group) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static boolean running(JavaSparkContext spark, String group) {
        for (int jobId : spark.statusTracker().getJobIdsForGroup(group)) {
            SparkJobInfo job = spark.statusTracker().getJobInfo(jobId);
            if (job == null) {
                continue;
            }
            for (int stageId : job.stageIds()) {
                SparkStageInfo stage = spark.statusTracker().getStageInfo(stageId);
                if (stage != null && stage.numActiveTasks() > 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
