package dev.ferry.core.operation.exporting;

import dev.ferry.core.model.manifest.Manifest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The snapshots a resumed export's data files were read in: one per run that read a file the export holds, for the
 * manifest ({@link Manifest#runs}) and for the warning that the export is not one snapshot.
 */
final class ResumedRuns {
    private static final int TABLES_NAMED = 5;

    private ResumedRuns() {
    }

    /**
     * The runs whose files the export holds, oldest first: those of {@code kept}, then this run's, where it read any.
     *
     * @param startedAt when this run's snapshot began
     * @param readNow   the files this run read
     */
    static List<Manifest.Run> of(List<ExportProgress.Run> kept, String startedAt, List<String> readNow) {
        List<Manifest.Run> runs = new ArrayList<>();
        for (ExportProgress.Run run : kept) {
            runs.add(new Manifest.Run(run.startedAt(), run.files().stream().map(ExportTask.Written::file)
                    .toList()));
        }
        if (!readNow.isEmpty()) {
            runs.add(new Manifest.Run(startedAt, readNow));
        }
        return runs;
    }

    /**
     * The warning for an export read in {@code runs} (more than one): which tables' files each read, and when; that
     * it is not one snapshot, and what that means.
     *
     * @param tableOf each data file's table, as a message names it
     */
    static String warning(List<Manifest.Run> runs, Map<String, String> tableOf) {
        List<String> parts = new ArrayList<>();
        for (Manifest.Run run : runs) {
            parts.add(run.files().size() + " data file(s) of " + tables(run.files(), tableOf::get) + " at "
                    + run.readAt());
        }
        return "Resumed export, read in " + runs.size() + " runs: " + String.join("; ", parts) + ". Not one"
                + " snapshot: changes made between the runs may be seen in some tables and not others (foreign keys"
                + " may not hold); manifest.json lists each run's files (\"runs\")";
    }

    private static String tables(List<String> files, Function<String, String> tableOf) {
        Set<String> tables = new LinkedHashSet<>();
        files.forEach(file -> tables.add(tableOf.apply(file)));
        List<String> named = tables.stream().limit(TABLES_NAMED).toList();
        String list = String.join(", ", named);
        return (tables.size() == 1 ? "table " : "tables ") + list
                + (tables.size() > TABLES_NAMED ? " and " + (tables.size() - TABLES_NAMED) + " more" : "");
    }
}
