package dev.ferry.spark;

import java.sql.SQLException;

/** A failed Spark job as the SQLException its task failed with, not Spark's wrapping of it. */
final class SparkFailure {
    private static final String TASK_FAILURE = "java.sql.SQLException: ";

    private SparkFailure() {
    }

    /**
     * The failure of a job, said after {@code context}: the task's own SQLException (its message and SQLState) where
     * Spark kept it as a cause; else the task's message as Spark wrote it ("Job aborted due to stage failure: Task …
     * failed … times, most recent failure: …: java.sql.SQLException: <the task's message>"), SQLState 58000.
     */
    static SQLException of(String context, Exception failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException task) {
                return new SQLException(context + ": " + task.getMessage(), task.getSQLState(), task.getErrorCode(),
                        failure);
            }
        }
        String message = String.valueOf(failure.getMessage());
        int task = message.indexOf(TASK_FAILURE);
        String cause = task < 0 ? message : "a Spark task failed: " + message.substring(task + TASK_FAILURE.length());
        int newline = cause.indexOf('\n');
        return new SQLException(context + ": " + (newline < 0 ? cause : cause.substring(0, newline)), "58000",
                failure);
    }
}
