package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.manifest.DataFilePaths;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * Finds the data file a COPY of DuckDB's load script names. DuckDB writes the path as it was given to EXPORT
 * DATABASE: absolute, or relative to the working directory of the process that exported (e.g.
 * {@code 'out/s_t.csv'}), so the path as written rarely fits once the directory has moved. The file of that name in the
 * export directory is taken, and only that: a path elsewhere is never read ({@link DataFilePaths}), as a load.sql edited to
 * name {@code /etc/passwd} once loaded it into a table.
 */
final class DataFileLocator {

    private DataFileLocator() {
    }

    /**
     * The file of that name in the export directory, or null where there is none.
     *
     * @throws SQLException (42000) where it is a link that leads out of the directory
     */
    static Path locate(Path directory, String written, String where) throws SQLException {
        Path name;
        try {
            name = Path.of(written).getFileName();
        } catch (InvalidPathException e) {
            return null;
        }
        if (name == null) {
            return null;
        }
        Path file = DataFilePaths.inside(directory, name.toString(), where);
        return Files.isRegularFile(file) ? file : null;
    }
}
