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
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an export is written: a hidden staging directory beside the target, renamed to the target only when
 * everything (manifest last) is in it. A crash leaves at most the staging directory, never a target that looks
 * complete; the next export to the same target removes it, and says so.
 */
final class ExportDirectory implements Provisional {
    private static final String PARTIAL = ".ferry-partial-";

    private final Path target;
    private final Path staging;
    private final List<String> notes;

    private ExportDirectory(Path target, Path staging, List<String> notes) {
        this.target = target;
        this.staging = staging;
        this.notes = List.copyOf(notes);
    }

    /**
     * Refuses a target that exists and is not an empty directory, then creates the staging directory. A target that is
     * a symbolic link to an empty directory is that directory: the export goes where the link points, and the link
     * stays (it was replaced by a directory of its own).
     */
    static ExportDirectory prepare(Path target) throws SQLException {
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
        Path staging = parent.resolve(prefix + UUID.randomUUID());
        List<String> notes = new ArrayList<>();
        try {
            Files.createDirectories(parent);
            notes.addAll(removeLeftovers(parent, prefix));
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot create export directory beside " + absolute + ": " + e, e);
        }
        return new ExportDirectory(absolute, staging, notes);
    }

    /**
     * Deletes the staging directories that exports to the same target left when they were killed (a finished or
     * failed export deletes its own), each with a note naming it and its size.
     */
    private static List<String> removeLeftovers(Path parent, String prefix) throws IOException {
        List<String> notes = new ArrayList<>();
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent, entry ->
                entry.getFileName().toString().startsWith(prefix) && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS))) {
            for (Path leftover : leftovers) {
                long[] size = {0, 0};
                try (Stream<Path> files = Files.walk(leftover)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                            size[0]++;
                            size[1] += Files.size(file);
                        }
                        Files.delete(file);
                    }
                }
                notes.add("Removed " + leftover + ", " + size[0] + " file(s), " + size[1] + " bytes, left by an"
                        + " export to the same directory that did not finish");
            }
        }
        return notes;
    }

    /** What preparing the directory did besides, for the statement's warnings (left-overs it removed). */
    List<String> notes() {
        return notes;
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
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            forceDirectory(target.getParent());
        } catch (IOException e) {
            throw FerryErrors.io("Cannot move the finished export from " + staging + " to " + target + ": " + e, e);
        }
    }

    private static void forceToDisk(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
            }
        }
        forceDirectory(directory);
    }

    /** Forces a directory's entries to disk where the platform can (Linux and macOS can; Windows cannot open one). */
    private static void forceDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every file system syncs a directory; the files themselves are on disk.
        }
    }

    /** Deletes what was written; the target is left as it was. */
    @Override
    public void abandon(Throwable failure) {
        try (Stream<Path> files = Files.walk(staging)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: a left-over staging directory is hidden and never looks like an export.
        }
    }
}
