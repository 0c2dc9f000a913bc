package dev.ferry.core.operation.importing;

import dev.ferry.core.operation.jobs.ConnectionJobs;
import dev.ferry.core.operation.jobs.RunningQueries;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a post-data script on several connections, as {@code pg_restore -j} does: each run of consecutive statements
 * that build indexes and keys, or foreign keys ({@link KeyStatement}), runs at once, no two on one table at the same
 * time; every other statement runs on the leader alone, in its place. Each statement is committed on its connection,
 * so that what comes after it sees it.
 */
final class ParallelPostData {

    private ParallelPostData() {
    }

    /**
     * Runs {@code script}, each statement through {@code checkpoints} (which skip those a stopped import had run and
     * mark the others).
     *
     * @param connections the import's connections, the leader first, autocommit off
     * @param mysql       whether MariaDB's lexical rules apply rather than standard SQL's
     */
    static void run(String script, boolean mysql, List<Connection> connections, ImportCheckpoints checkpoints,
                    ProgressListener progress) throws SQLException {
        Connection leader = connections.get(0);
        List<Numbered> run = new ArrayList<>();
        List<SqlScript.Statement> statements = SqlScript.split(script, mysql);
        PostDataPhases phases = new PostDataPhases(progress);
        try (Statement statement = leader.createStatement()) {
            for (int index = 0; index < statements.size(); index++) {
                SqlScript.Statement sql = statements.get(index);
                phases.before(sql);
                Optional<KeyStatement> key = KeyStatement.of(sql, mysql);
                if (key.isPresent() && !run.isEmpty() && run.get(0).key().kind() == key.get().kind()) {
                    run.add(new Numbered(index, key.get()));
                    continue;
                }
                runAtOnce(run, connections, checkpoints);
                run.clear();
                if (key.isPresent()) {
                    run.add(new Numbered(index, key.get()));
                } else {
                    checkpoints.runPostData(leader, statement, index, sql);
                    leader.commit();
                }
            }
        }
        runAtOnce(run, connections, checkpoints);
    }

    /** A statement that builds an index or key, and its place in the script (from 0). */
    private record Numbered(int index, KeyStatement key) {
    }

    private static void runAtOnce(List<Numbered> run, List<Connection> connections, ImportCheckpoints checkpoints)
            throws SQLException {
        if (run.isEmpty()) {
            return;
        }
        TableLocks locks = new TableLocks();
        ConnectionJobs.run("IMPORT DATABASE", connections, run.size(), (on, i, queries) -> {
            KeyStatement key = run.get(i).key();
            locks.acquire(key.tables());
            try (Statement statement = on.createStatement();
                 RunningQueries.Registration ignored = queries.track(statement)) {
                checkpoints.runPostData(on, statement, run.get(i).index(), key.statement());
                on.commit();
            } finally {
                locks.release(key.tables());
            }
            return null;
        });
    }

    /** The tables statements are working on now: a statement waits until none of its tables is taken. */
    private static final class TableLocks {
        private final Set<String> taken = new HashSet<>();

        synchronized void acquire(Set<String> tables) throws SQLException {
            while (tables.stream().anyMatch(taken::contains)) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new SQLException("IMPORT DATABASE was interrupted", "HY008", e);
                }
            }
            taken.addAll(tables);
        }

        synchronized void release(Set<String> tables) {
            taken.removeAll(tables);
            notifyAll();
        }
    }
}
