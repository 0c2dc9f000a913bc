package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.sql.SqlScript;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The marks an import leaves in its {@link ImportJournal} as it goes (schema created, each data file loaded, each
 * post-data statement run), and what a resumed import skips because the stopped one had done it. Without a journal
 * (an import in one transaction) nothing is marked and nothing skipped.
 */
final class ImportCheckpoints {
    private final ImportJournal journal;
    private final ResumePoint done;
    private final Dialect dialect;
    private final List<String> notes = new ArrayList<>();

    private ImportCheckpoints(ImportJournal journal, ResumePoint done, Dialect dialect) {
        this.journal = journal;
        this.done = done;
        this.dialect = dialect;
    }

    /** An import's marks: into {@code journal} (null: none kept), after what a stopped import had {@code done}. */
    static ImportCheckpoints of(ImportJournal journal, ResumePoint done, Dialect dialect) {
        return new ImportCheckpoints(journal, done, dialect);
    }

    /** Whether the import commits each step with its mark: it keeps a journal. */
    boolean commitsEachStep() {
        return journal != null;
    }

    /** Whether the schema script had run. */
    boolean schemaDone() {
        return done.schemaDone();
    }

    /** Marks the schema created, in {@code on}'s open transaction. */
    void schemaCreated(Connection on) throws SQLException {
        if (journal != null) {
            journal.schemaDone(on);
        }
    }

    /** The rows of {@code table}'s file, where the stopped import had loaded it; else empty. */
    OptionalLong loadedBefore(LoadStep.LoadTable table) {
        Long rows = done.loaded().get(table.file());
        return rows == null ? OptionalLong.empty() : OptionalLong.of(rows);
    }

    /** Marks {@code table}'s file loaded, in {@code on}'s open transaction, which holds the file's last rows. */
    void loaded(Connection on, LoadStep.LoadTable table, long rows) throws SQLException {
        if (journal != null) {
            journal.loaded(on, table.file(), rows);
        }
    }

    /**
     * Runs the post-data script's statement {@code index} on {@code on} (autocommit off), unless the stopped import had
     * run it, and marks it run in the transaction the caller commits. Where DDL is not transactional, the statement's
     * beginning is marked and committed first: a statement a stopped import had begun and not marked run may have
     * taken effect, and is taken as run where running it again fails as the engine fails an object that exists.
     */
    void runPostData(Connection on, Statement statement, int index, SqlScript.Statement sql) throws SQLException {
        if (done.postDataDone().contains(index)) {
            return;
        }
        boolean exact = dialect.capabilities().transactionalDdl();
        if (journal != null && !exact) {
            journal.postData(on, index, true);
            on.commit();
        }
        try {
            ScriptRunner.execute(statement, ExportLayout.POST_DATA, sql);
        } catch (SQLException e) {
            if (exact || !done.postDataBegun().contains(index) || !dialect.alreadyExists(e)) {
                throw e;
            }
            note(ExportLayout.POST_DATA + " line " + sql.line() + ", begun by the stopped import, had taken effect"
                    + " (running it again: " + e.getMessage() + "); taken as run");
        }
        if (journal != null) {
            journal.postData(on, index, false);
        }
    }

    private synchronized void note(String note) {
        notes.add(note);
    }

    /** What resuming found, for the statement's warnings. */
    synchronized List<String> notes() {
        return List.copyOf(notes);
    }
}
