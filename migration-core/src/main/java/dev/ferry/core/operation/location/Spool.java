package dev.ferry.core.operation.location;

import dev.ferry.core.FerryErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A local directory of its own where an export, an import or a COPY on a Hadoop file system stages its files, deleted
 * with everything in it when closed, whether the statement succeeded or not.
 */
public final class Spool implements AutoCloseable {
    private final Path directory;

    private Spool(Path directory) {
        this.directory = directory;
    }

    /** The base directory spools go under by default: {@code java.io.tmpdir}. */
    public static Path defaultBase() {
        return Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * A new, empty spool directory under {@code base}, which is created if missing.
     *
     * @throws SQLException (58030) where it cannot be created
     */
    public static Spool under(Path base) throws SQLException {
        try {
            Files.createDirectories(base);
            return new Spool(Files.createTempDirectory(base, "ferry-spool-"));
        } catch (IOException e) {
            throw FerryErrors.io("Cannot create a spool directory under " + base + " (set ferry.spool to another"
                    + " directory): " + e, e);
        }
    }

    /** The spool directory. */
    public Path directory() {
        return directory;
    }

    /** Deletes the spool directory and everything in it, as far as it can. */
    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // Best effort: the directory is under the temporary directory, named ferry-spool-*.
        }
    }
}
