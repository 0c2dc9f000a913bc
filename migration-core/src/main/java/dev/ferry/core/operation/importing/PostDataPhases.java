package dev.ferry.core.operation.importing;

import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.sql.SqlScript;
import java.util.regex.Pattern;

/**
 * Names the post-data script's phases to a progress listener as its statements pass from indexes and keys to views
 * and routines (and back, where the script mixes them).
 */
final class PostDataPhases {
    private static final Pattern VIEW_OR_ROUTINE = Pattern.compile("^(?:\\s*--[^\\n]*\\n)*\\s*(?:CREATE\\s+"
            + "(?:OR\\s+REPLACE\\s+)?(?:(?:MATERIALIZED|RECURSIVE|ALGORITHM\\s*=\\s*\\w+|DEFINER\\s*=\\s*\\S+"
            + "|SQL\\s+SECURITY\\s+\\w+|TEMP|TEMPORARY)\\s+)*(?:VIEW|FUNCTION|PROCEDURE|TRIGGER|RULE|AGGREGATE)"
            + "|COMMENT\\s+ON\\s+(?:MATERIALIZED\\s+)?(?:VIEW|FUNCTION|PROCEDURE|TRIGGER))\\b",
            Pattern.CASE_INSENSITIVE);

    private final ProgressListener progress;
    private Phase current;

    PostDataPhases(ProgressListener progress) {
        this.progress = progress;
    }

    /** Called before each statement runs (or is skipped as run): says the phase where it changes. */
    void before(SqlScript.Statement statement) {
        Phase phase = of(statement);
        if (phase != current) {
            current = phase;
            progress.phaseStarted("import", phase);
        }
    }

    /** The phase a post-data statement belongs to. */
    static Phase of(SqlScript.Statement statement) {
        return VIEW_OR_ROUTINE.matcher(statement.sql()).find() ? Phase.VIEWS_AND_ROUTINES : Phase.INDEXES_AND_KEYS;
    }
}
