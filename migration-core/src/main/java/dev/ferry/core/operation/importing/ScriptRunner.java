package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Runs an export's scripts, statement by statement, naming the script and line of a statement that fails. */
final class ScriptRunner {
    private final Connection connection;

    ScriptRunner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs a script written in the engine's SQL (schema or post-data), split by the engine's lexical rules.
     *
     * @param mysqlSyntax whether MariaDB's lexical rules apply rather than standard SQL's
     */
    void run(String scriptName, String script, boolean mysqlSyntax) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (SqlScript.Statement sql : SqlScript.split(script, mysqlSyntax)) {
                execute(statement, scriptName, sql);
            }
        }
    }

    /**
     * Runs the post-data script on this runner's connection (autocommit off), each statement through
     * {@code checkpoints}, which skip those a stopped import had run and mark the others; each committed with its mark
     * where the import keeps a journal.
     */
    void runPostData(String script, boolean mysqlSyntax, ImportCheckpoints checkpoints, ProgressListener progress)
            throws SQLException {
        List<SqlScript.Statement> statements = SqlScript.split(script, mysqlSyntax);
        PostDataPhases phases = new PostDataPhases(progress);
        try (Statement statement = connection.createStatement()) {
            for (int index = 0; index < statements.size(); index++) {
                phases.before(statements.get(index));
                checkpoints.runPostData(connection, statement, index, statements.get(index));
                if (checkpoints.commitsEachStep()) {
                    connection.commit();
                }
            }
        }
    }

    /** Runs one statement of the script called {@code scriptName}. */
    static void execute(Statement statement, String scriptName, SqlScript.Statement sql) throws SQLException {
        try {
            statement.execute(sql.sql());
        } catch (SQLException e) {
            throw FerryErrors.withContext(scriptName + " line " + sql.line(), e);
        }
    }
}
