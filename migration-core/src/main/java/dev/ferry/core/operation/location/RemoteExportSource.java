package dev.ferry.core.operation.location;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.manifest.ManifestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * An export on a Hadoop file system, downloaded to a local directory to be imported from there (its checksums are
 * checked there, as for any local export). A directory without {@code manifest.json} is refused before anything is
 * downloaded: it is an export that failed or is still being written ({@link RemoteExportTarget} uploads the manifest
 * last), or no Ferry export.
 */
public final class RemoteExportSource {
    private RemoteExportSource() {
    }

    /**
     * Downloads every file of the export {@code source} into {@code directory}, which must be empty or absent.
     *
     * @throws SQLException 42000 where {@code source} is not a directory holding {@code manifest.json}; 58030 where
     *                      a file cannot be read
     */
    public static void download(RemoteFiles source, Path directory) throws SQLException {
        RemoteFiles.Kind kind = source.kind();
        if (kind == RemoteFiles.Kind.ABSENT) {
            throw FerryErrors.refused("IMPORT DATABASE: " + source.uri() + " does not exist");
        }
        if (kind == RemoteFiles.Kind.FILE) {
            throw FerryErrors.refused("IMPORT DATABASE: " + source.uri() + " is not a directory");
        }
        if (!source.exists(ManifestFile.NAME)) {
            throw FerryErrors.refused("IMPORT DATABASE: " + source.uri() + " has no " + ManifestFile.NAME
                    + "; it is not a complete Ferry export (an export that failed or is still being written has none:"
                    + " the manifest is written last)");
        }
        Path base = directory.toAbsolutePath().normalize();
        try {
            for (String relative : source.files()) {
                Path local = base.resolve(relative).normalize();
                if (!local.startsWith(base) || local.equals(base)) {
                    throw FerryErrors.data("IMPORT DATABASE: " + source.uri() + " lists a file outside it: " + relative);
                }
                Files.createDirectories(local.getParent());
                source.get(relative, local);
            }
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write the spool directory " + base + ": " + e, e);
        }
    }
}
