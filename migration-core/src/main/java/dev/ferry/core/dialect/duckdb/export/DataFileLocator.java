package dev.ferry.core.dialect.duckdb.export;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Finds the data file a COPY of DuckDB's load script names. DuckDB writes the path as it was given to EXPORT
 * DATABASE: absolute, or relative to the working directory of the process that exported (e.g.
 * {@code 'out/s_t.csv'}), so the path as written rarely fits once the directory has moved. The file of that name in the
 * export directory is taken; where there is none, the path as written (a relative one against this process's working
 * directory), as a user who edited load.sql may have pointed it elsewhere.
 */
final class DataFileLocator {

    private DataFileLocator() {
    }

    /** The file, or null where neither the export directory nor the path as written holds it. */
    static Path locate(Path directory, String written) {
        Path path;
        try {
            path = Path.of(written);
        } catch (InvalidPathException e) {
            return null;
        }
        Path name = path.getFileName();
        if (name != null && Files.isRegularFile(directory.resolve(name.toString()))) {
            return directory.resolve(name.toString());
        }
        return Files.isRegularFile(path) ? path.toAbsolutePath().normalize() : null;
    }
}
