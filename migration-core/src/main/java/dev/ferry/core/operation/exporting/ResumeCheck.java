package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.FileChecksum;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Decides what a resumed export (RESUME) keeps of the unfinished export in its staging directory: nothing at all where
 * the export would write other files (other options, another schema: refused, the directory left as it is); else each
 * data file the record says was finished whose size and SHA-256 still match, read again from the disk. A table split
 * by where its rows are stored is kept only whole, since a row updated between two snapshots may move from a chunk
 * read in one to a chunk read in the other. Every other file in the staging directory is deleted.
 */
final class ResumeCheck {
    /**
     * A data file's name as Ferry writes it, relative to the export directory: in folders ({@code data/<table>/}, or
     * none where an earlier version planned the export), no part hidden, none {@code ..}.
     */
    private static final Pattern FILE_NAME =
            Pattern.compile("([A-Za-z0-9_][A-Za-z0-9_.-]*/)*[A-Za-z0-9_][A-Za-z0-9_.-]*");

    private ResumeCheck() {
    }

    /**
     * What is kept.
     *
     * @param recorded the record as the resumed export carries on with it: the plan, and the runs with only the files
     *                 kept (a run none of whose files is kept is left out)
     * @param notes    each file the record says was finished that is read again, and why
     */
    record Kept(ExportProgress.Recorded recorded, List<String> notes) {
        Kept {
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks {@code recorded} against what the export would write now and the files in {@code staging}, and deletes
     * the files not kept.
     *
     * @param target the export's directory, for messages
     * @param now    the fingerprint of the export as it would run now
     * @throws SQLException (42000) where the options or the schema differ, naming each difference; nothing is deleted
     */
    static Kept check(Path target, Path staging, ExportProgress.Recorded recorded, ExportFingerprint now)
            throws SQLException {
        List<String> differences = recorded.plan().fingerprint().differences(now);
        if (!differences.isEmpty()) {
            throw FerryErrors.refused("EXPORT DATABASE '" + target + "' (RESUME) cannot resume the unfinished export"
                    + " in " + staging + ": " + String.join("; ", differences) + ". It is left as it is: resume it"
                    + " with the options and schema it began with, or export afresh without RESUME (which removes it)");
        }
        Map<String, ExportProgress.PlannedRead> planned = new LinkedHashMap<>();
        for (ExportProgress.PlannedRead read : recorded.plan().reads()) {
            if (!FILE_NAME.matcher(read.file()).matches() || planned.put(read.file(), read) != null) {
                throw FerryErrors.refused("EXPORT DATABASE '" + target + "' (RESUME) cannot resume the unfinished"
                        + " export in " + staging + ": its progress record names the data file '" + read.file()
                        + "', which Ferry does not write. Export afresh without RESUME (which removes it)");
            }
        }
        List<String> notes = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        try {
            for (ExportTask.Written finished : recorded.finished().values()) {
                if (!planned.containsKey(finished.file())) {
                    continue;
                }
                String why = mismatch(staging.resolve(finished.file()), finished);
                if (why == null) {
                    kept.add(finished.file());
                } else {
                    notes.add(finished.file() + " " + why + ": read again");
                }
            }
            keepPositionSplitTablesWhole(recorded.plan().reads(), kept, notes);
            deleteOthers(staging, kept);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot check the files of the unfinished export in " + staging + ": " + e, e);
        }
        List<ExportProgress.Run> runs = new ArrayList<>();
        for (ExportProgress.Run run : recorded.runs()) {
            List<ExportTask.Written> files = run.files().stream().filter(f -> kept.contains(f.file())).toList();
            if (!files.isEmpty()) {
                runs.add(new ExportProgress.Run(run.startedAt(), files));
            }
        }
        return new Kept(new ExportProgress.Recorded(recorded.plan(), runs), notes);
    }

    /** Why {@code file} is not the one the record vouches for; null where it is. */
    private static String mismatch(Path file, ExportTask.Written finished) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return "is missing";
        }
        if (Files.size(file) != finished.bytes()) {
            return "has " + Files.size(file) + " bytes, not the " + finished.bytes() + " recorded";
        }
        return FileChecksum.sha256(file).equals(finished.sha256()) ? null
                : "no longer matches the SHA-256 recorded";
    }

    /** Drops the chunks kept of a table split by position where one of its chunks is not kept. */
    private static void keepPositionSplitTablesWhole(List<ExportProgress.PlannedRead> reads, Set<String> kept,
                                                     List<String> notes) {
        Map<String, List<String>> byTable = new LinkedHashMap<>();
        for (ExportProgress.PlannedRead read : reads) {
            if (ExportProgress.PlannedRead.POSITIONS.equals(read.split())) {
                byTable.computeIfAbsent(read.schema() + "\u0000" + read.table(), t -> new ArrayList<>())
                        .add(read.file());
            }
        }
        for (List<String> files : byTable.values()) {
            List<String> keptHere = files.stream().filter(kept::contains).toList();
            if (!keptHere.isEmpty() && keptHere.size() < files.size()) {
                kept.removeAll(keptHere);
                notes.add(keptHere.size() + " finished chunk(s) of the table of " + files.get(0) + ", split by where"
                        + " its rows are stored, are read again with the others, so that no row moved by an update"
                        + " between the runs is in two chunks or none");
            }
        }
    }

    /**
     * Deletes every file in {@code staging} but the kept ones, the progress record and the lock, and every folder left
     * empty (a table's folder none of whose files is kept).
     */
    private static void deleteOthers(Path staging, Set<String> kept) throws IOException {
        List<Path> entries;
        try (Stream<Path> walk = Files.walk(staging)) {
            entries = walk.filter(entry -> !entry.equals(staging)).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path entry : entries) {
            String name = staging.relativize(entry).toString().replace(entry.getFileSystem().getSeparator(), "/");
            if (kept.contains(name) || name.equals(ExportProgress.NAME) || name.equals(StagingLock.NAME)) {
                continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
                try (Stream<Path> inside = Files.list(entry)) {
                    if (inside.findAny().isPresent()) {
                        continue;
                    }
                }
            }
            Files.delete(entry);
        }
    }
}
