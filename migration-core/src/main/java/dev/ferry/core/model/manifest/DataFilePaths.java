package dev.ferry.core.model.manifest;

import dev.ferry.core.FerryErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The data files an export directory names, confined to it: whatever its manifest or load script says, a data file is
 * read from inside the directory alone, never through {@code ..}, an absolute path or a symbolic link that leads out
 * of it (an export directory may come from anyone; an edited one once loaded {@code /etc/passwd} into a table).
 */
public final class DataFilePaths {

    private DataFilePaths() {
    }

    /**
     * The file {@code name} inside {@code directory}.
     *
     * @param where where the name was read, for the message ({@code "load.sql line 3"}, {@code "manifest.json"})
     * @throws SQLException (42000) where the name leads outside the directory; nothing has been read then
     */
    public static Path inside(Path directory, String name, String where) throws SQLException {
        Path root = directory.toAbsolutePath().normalize();
        Path file;
        try {
            file = Path.of(name).isAbsolute() ? null : root.resolve(name).normalize();
        } catch (InvalidPathException e) {
            throw FerryErrors.refused(where + " names the data file '" + name + "', which is not a file name: "
                    + e.getMessage());
        }
        if (file == null || !file.startsWith(root) || file.equals(root)) {
            throw outside(root, name, where, "");
        }
        if (Files.exists(file)) {
            try {
                Path real = file.toRealPath();
                if (!real.startsWith(root.toRealPath())) {
                    throw outside(root, name, where, " (it is a link to " + real + ")");
                }
            } catch (IOException e) {
                throw FerryErrors.io(where + ": cannot read the data file " + file + ": " + e, e);
            }
        }
        return file;
    }

    private static SQLException outside(Path root, String name, String where, String detail) {
        return FerryErrors.refused(where + " names the data file '" + name + "', which is outside the export directory "
                + root + detail + ": an export's data files are read from inside it alone");
    }
}
