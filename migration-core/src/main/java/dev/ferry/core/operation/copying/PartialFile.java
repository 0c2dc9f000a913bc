package dev.ferry.core.operation.copying;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.Provisional;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Where a {@code COPY ... TO} writes: a hidden file beside the target, renamed to the target only once every row is
 * in it. A failed copy deletes it, so the target never exists half-written. An existing target is refused, never
 * overwritten.
 */
final class PartialFile implements Provisional {
    private final Path target;
    private final Path partial;

    private PartialFile(Path target, Path partial) {
        this.target = target;
        this.partial = partial;
    }

    /**
     * Refuses a target that exists or whose directory does not, and names the partial file beside it (not yet
     * created: the format's writer creates it).
     */
    static PartialFile prepare(Path target) throws SQLException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw FerryErrors.refused("COPY refuses to overwrite " + absolute + ": the file exists; delete it or"
                    + " choose another name");
        }
        Path directory = absolute.getParent();
        if (directory == null || !Files.isDirectory(directory)) {
            throw FerryErrors.io("COPY cannot write " + absolute + ": the directory " + directory
                    + " does not exist", null);
        }
        Path partial = directory.resolve("." + absolute.getFileName() + ".ferry-partial-" + UUID.randomUUID());
        return new PartialFile(absolute, partial);
    }

    /** The file being written until {@link #commit}. */
    Path partial() {
        return partial;
    }

    /** The final file. */
    Path target() {
        return target;
    }

    /** Renames the finished file to the target, which must still not exist. */
    @Override
    public void commit() throws SQLException {
        try {
            Files.move(partial, target);
        } catch (FileAlreadyExistsException e) {
            throw FerryErrors.refused("COPY refuses to overwrite " + target + ": the file appeared while COPY ran");
        } catch (IOException e) {
            throw FerryErrors.io("COPY cannot move the finished " + partial + " to " + target + ": " + e, e);
        }
    }

    /** Deletes what was written; the target is left as it was. */
    @Override
    public void abandon(Throwable failure) {
        try {
            Files.deleteIfExists(partial);
        } catch (IOException ignored) {
            // Best effort: a left-over partial file is hidden and never has the target's name.
        }
    }
}
