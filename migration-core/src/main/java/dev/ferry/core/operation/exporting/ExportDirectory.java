package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.Provisional;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Where an export is written: a hidden staging directory beside the target, renamed to the target only when
 * everything (manifest last) is in it. A crash leaves at most the staging directory, never a target that looks
 * complete.
 */
final class ExportDirectory implements Provisional {
    private final Path target;
    private final Path staging;

    private ExportDirectory(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
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
        Path staging = parent.resolve("." + absolute.getFileName() + ".ferry-partial-" + UUID.randomUUID());
        try {
            Files.createDirectories(parent);
            Files.createDirectory(staging);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot create export directory beside " + absolute + ": " + e, e);
        }
        return new ExportDirectory(absolute, staging);
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

    /** Moves the finished export into place. */
    @Override
    public void commit() throws SQLException {
        try {
            Files.deleteIfExists(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot move the finished export from " + staging + " to " + target + ": " + e, e);
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
