package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.Provisional;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an export is written: a hidden staging directory beside the target, renamed to the target only when
 * everything (manifest last) is in it. A crash leaves at most the staging directory, never a target that looks
 * complete; the next export to the same target removes it, and says so, or (RESUME) carries on in it where it holds
 * an {@link ExportProgress} record.
 */
final class ExportDirectory implements Provisional {
    private static final String PARTIAL = ".ferry-partial-";

    private final Path target;
    private final Path staging;
    private final List<String> notes;
    private final Optional<ExportProgress.Recorded> recorded;
    private final boolean resume;
    private final StagingLock lock;

    private ExportDirectory(Path target, Path staging, List<String> notes, Optional<ExportProgress.Recorded> recorded,
                            boolean resume) throws IOException {
        this.target = target;
        this.staging = staging;
        this.notes = notes;
        this.recorded = recorded;
        this.resume = resume;
        this.lock = StagingLock.hold(staging);
    }

    /** {@link #prepare(Path, boolean)} for an export that does not resume. */
    static ExportDirectory prepare(Path target) throws SQLException {
        return prepare(target, false);
    }

    /**
     * Refuses a target that exists and is not an empty directory, then creates the staging directory. A target that is
     * a symbolic link to an empty directory is that directory: the export goes where the link points, and the link
     * stays (it was replaced by a directory of its own).
     *
     * @param resume whether to carry on in the newest staging directory an unfinished export to the same target left
     *               with a progress record, rather than remove it; the others are removed either way, each with a note
     */
    static ExportDirectory prepare(Path target, boolean resume) throws SQLException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isSymbolicLink(absolute) && Files.isDirectory(absolute)) {
            try {
                absolute = absolute.toRealPath();
            } catch (IOException e) {
                throw FerryErrors.io("Cannot follow the link " + absolute + ": " + e, e);
            }
        }
        if (Files.exists(absolute) && !isEmptyDirectory(absolute)) {
            throw FerryErrors.refused("EXPORT DATABASE refuses to write into " + absolute
                    + ": it exists and is not an empty directory");
        }
        Path parent = absolute.getParent();
        String prefix = "." + absolute.getFileName() + PARTIAL;
        List<String> notes = new ArrayList<>();
        try {
            Files.createDirectories(parent);
            Optional<Resumable> resumable = resume ? newestResumable(parent, prefix) : Optional.empty();
            ExportDirectory resumed = null;
            if (resumable.isPresent()) {
                try {
                    resumed = new ExportDirectory(absolute, resumable.get().directory(), notes,
                            Optional.of(resumable.get().recorded()), true);
                } catch (StagingLock.Taken running) {
                    throw FerryErrors.refused("EXPORT DATABASE '" + absolute + "' (RESUME): another export to the"
                            + " same directory is running, in " + resumable.get().directory() + "; resume once it has"
                            + " ended");
                }
            }
            notes.addAll(removeLeftovers(parent, prefix, resumable.map(Resumable::directory).orElse(null)));
            if (resumed != null) {
                return resumed;
            }
            if (resume) {
                notes.add("RESUME: no export to " + absolute + " was left unfinished with a record of its progress;"
                        + " nothing to resume, so the export ran afresh");
            }
            Path staging = parent.resolve(prefix + UUID.randomUUID());
            Files.createDirectory(staging);
            return new ExportDirectory(absolute, staging, notes, Optional.empty(), resume);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot create export directory beside " + absolute + ": " + e, e);
        }
    }

    /** A staging directory an unfinished export left, and the record of its progress. */
    private record Resumable(Path directory, ExportProgress.Recorded recorded, FileTime recordedAt) {
    }

    /**
     * The staging directory for the same target whose progress record was written last, among those holding one a
     * resumed export can use; empty where none does.
     */
    private static Optional<Resumable> newestResumable(Path parent, String prefix) throws IOException {
        Resumable newest = null;
        for (Path leftover : leftovers(parent, prefix)) {
            Optional<ExportProgress.Recorded> recorded;
            try {
                recorded = ExportProgress.read(leftover);
            } catch (IOException unreadable) {
                continue;
            }
            if (recorded.isPresent()) {
                FileTime at = Files.getLastModifiedTime(leftover.resolve(ExportProgress.NAME));
                if (newest == null || at.compareTo(newest.recordedAt()) > 0) {
                    newest = new Resumable(leftover, recorded.get(), at);
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    private static List<Path> leftovers(Path parent, String prefix) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, entry ->
                entry.getFileName().toString().startsWith(prefix)
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
            List<Path> found = new ArrayList<>();
            leftovers.forEach(found::add);
            return found;
        }
    }

    /**
     * Deletes the staging directories that exports to the same target left when they were killed (a finished or
     * failed export deletes its own, unless it resumes), each with a note naming it and its size.
     *
     * @param kept the one to leave, which the export resumes; null for none
     */
    private static List<String> removeLeftovers(Path parent, String prefix, Path kept) throws IOException {
        List<String> notes = new ArrayList<>();
        for (Path leftover : leftovers(parent, prefix)) {
            if (leftover.equals(kept)) {
                continue;
            }
            long[] size = {0, 0};
            try (StagingLock held = StagingLock.hold(leftover); Stream<Path> files = Files.walk(leftover)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    if (file.equals(leftover) || file.getFileName().toString().equals(StagingLock.NAME)) {
                        continue;
                    }
                    if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                        size[0]++;
                        size[1] += Files.size(file);
                    }
                    Files.delete(file);
                }
            } catch (StagingLock.Taken running) {
                notes.add("Left " + leftover + " as it is: an export to the same directory is running in it");
                continue;
            }
            Files.deleteIfExists(leftover);
            notes.add("Removed " + leftover + ", " + size[0] + " file(s), " + size[1] + " bytes, left by an"
                    + " export to the same directory that did not finish");
        }
        return notes;
    }

    /** What preparing the directory did besides, for the statement's warnings (left-overs it removed). */
    List<String> notes() {
        return List.copyOf(notes);
    }

    private static boolean isEmptyDirectory(Path directory) throws SQLException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
            return !entries.iterator().hasNext();
        } catch (IOException e) {
            throw FerryErrors.io("Cannot read directory " + directory + ": " + e, e);
        }
    }

    /**
     * The progress record of the unfinished export this one resumes (RESUME), in {@link #staging}; empty where it
     * begins afresh.
     */
    Optional<ExportProgress.Recorded> recorded() {
        return recorded;
    }

    /** The directory files are written into until {@link #commit}. */
    Path staging() {
        return staging;
    }

    /** The final directory. */
    Path target() {
        return target;
    }

    /**
     * Moves the finished export into place: every file written is forced to disk first, and the rename after it, so
     * that a power cut leaves either no export or one whose manifest vouches for files that are all there.
     */
    @Override
    public void commit() throws SQLException {
        try {
            forceToDisk(staging);
            // Held until the move, so that no other export removes the directory meanwhile.
            lock.close();
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
        } catch (IOException e) {
            throw FerryErrors.io("Cannot move the finished export from " + staging + " to " + target + ": " + e, e);
        }
    }

    private static void forceToDisk(Path directory) throws IOException {
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            // Not the lock file: closing a channel on it would release this process's lock.
            for (Path file : files.filter(file -> !file.getFileName().toString().equals(StagingLock.NAME)).toList()) {
                if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
                    folders.add(file);
                } else if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    forceFile(file);
                }
            }
        }
        // Each folder's entries (the data folder's, each table's), the innermost first, the directory itself last.
        folders.sort(Comparator.reverseOrder());
        folders.forEach(ExportDirectory::forceDirectory);
    }

    /** Forces a file's bytes to disk. */
    static void forceFile(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** Forces a directory's entries to disk where the platform can (Linux and macOS can; Windows cannot open one). */
    static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system syncs a directory; the files themselves are on disk.
        }
    }

    /**
     * Deletes what was written; the target is left as it was. An export with RESUME leaves its staging directory where
     * it holds a progress record, as a killed one does, for the next RESUME to carry on in.
     */
    @Override
    public void abandon(Throwable failure) {
        lock.close();
        if (resume && Files.isRegularFile(staging.resolve(ExportProgress.NAME), LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a left-over staging directory is hidden and never looks like an export.
        }
    }
}
