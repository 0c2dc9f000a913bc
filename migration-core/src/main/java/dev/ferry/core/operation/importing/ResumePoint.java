package dev.ferry.core.operation.importing;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a stopped import had done, by the marks of its {@link ImportJournal}, which an import with RESUME skips.
 *
 * @param schemaDone    whether its schema script had run
 * @param loaded        the data files it had loaded, each with its rows, committed with the file's last rows
 * @param postDataBegun the post-data script's statements (by their place in it, from 0) it had begun; on an engine
 *                      whose DDL is not transactional, one begun and not done may have taken effect or not
 * @param postDataDone  the post-data script's statements it had run
 */
record ResumePoint(boolean schemaDone, Map<String, Long> loaded, Set<Integer> postDataBegun,
                   Set<Integer> postDataDone) {
    /** Nothing done: an import from the beginning. */
    static final ResumePoint NONE = new ResumePoint(false, Map.of(), Set.of(), Set.of());

    ResumePoint {
        loaded = Map.copyOf(loaded);
        postDataBegun = Set.copyOf(postDataBegun);
        postDataDone = Set.copyOf(postDataDone);
    }

    /** Whether the stopped import had come to its post-data script (so all its data was loaded). */
    boolean postDataReached() {
        return !postDataBegun.isEmpty() || !postDataDone.isEmpty();
    }

    /** This point with {@code files} not loaded. */
    ResumePoint withoutLoaded(Collection<String> files) {
        Map<String, Long> kept = new HashMap<>(loaded);
        kept.keySet().removeAll(files);
        return new ResumePoint(schemaDone, kept, postDataBegun, postDataDone);
    }

    /** What was done, for the user. */
    String summary() {
        return "schema " + (schemaDone ? "created" : "not created") + ", " + loaded.size() + " data file(s) loaded, "
                + postDataDone.size() + " post-data statement(s) run";
    }
}
