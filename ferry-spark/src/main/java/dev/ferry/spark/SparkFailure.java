package dev.ferry.spark;

/** What a failed Spark job says of its cause: the message of the task's own exception, not Spark's wrapping of it. */
final class SparkFailure {
    private static final String TASK_FAILURE = "java.sql.SQLException: ";

    private SparkFailure() {
    }

    /**
     * The task's own message where a task failed with an SQLException (Spark writes "Job aborted due to stage failure:
     * Task … failed … times, most recent failure: …: java.sql.SQLException: <the task's message>" and the stack),
     * else the first line of the failure.
     */
    static String cause(Exception failure) {
        String message = String.valueOf(failure.getMessage());
        int task = message.lastIndexOf(TASK_FAILURE);
        String cause = task < 0 ? message : "a Spark task failed: " + message.substring(task + TASK_FAILURE.length());
        int newline = cause.indexOf('\n');
        return newline < 0 ? cause : cause.substring(0, newline);
    }
}
