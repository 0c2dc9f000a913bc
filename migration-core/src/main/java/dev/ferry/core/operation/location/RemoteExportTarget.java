package dev.ferry.core.operation.location;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.manifest.ManifestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where an export on a Hadoop file system goes, uploaded once written to a local directory. Object stores have no
 * atomic rename, so {@code manifest.json} is the commit mark: it is uploaded last, and IMPORT refuses a directory
 * without it. A marker file ({@value #WRITING}) written first proves before the export runs that the target can be
 * written (the bucket exists, the permissions allow it), and shows another export that the target is taken; it is
 * deleted just before the manifest. A failed export removes everything it uploaded.
 */
public final class RemoteExportTarget {
    /** The marker written first and deleted last but one. */
    public static final String WRITING = ".ferry-export-writing";

    private final RemoteFiles target;
    private final boolean wasEmptyDirectory;

    private RemoteExportTarget(RemoteFiles target, boolean wasEmptyDirectory) {
        this.target = target;
        this.wasEmptyDirectory = wasEmptyDirectory;
    }

    /**
     * Refuses a target that exists and is not an empty directory (42000), then writes the marker.
     *
     * @param spool a local directory for the marker's empty file
     * @throws SQLException 58030 where the marker cannot be written: a missing bucket, a denied write
     */
    public static RemoteExportTarget prepare(RemoteFiles target, Path spool) throws SQLException {
        RemoteFiles.Kind kind = target.kind();
        if (kind == RemoteFiles.Kind.FILE || kind == RemoteFiles.Kind.DIRECTORY) {
            throw FerryErrors.refused("EXPORT DATABASE refuses to write into " + target.uri()
                    + ": it exists and is not an empty directory");
        }
        RemoteExportTarget prepared = new RemoteExportTarget(target, kind == RemoteFiles.Kind.EMPTY_DIRECTORY);
        try {
            Path empty = Files.createTempFile(spool, "marker", "");
            target.put(empty, WRITING);
            Files.delete(empty);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write the marker file in " + spool + ": " + e, e);
        } catch (SQLException e) {
            prepared.abandon();
            throw FerryErrors.withContext("EXPORT DATABASE cannot write to " + target.uri(), e);
        }
        return prepared;
    }

    /**
     * Uploads the finished local export in {@code directory}: every file but the manifest, the marker's deletion, the
     * manifest. On failure, what was uploaded is removed.
     */
    public void upload(Path directory) throws SQLException {
        try (Stream<Path> walk = Files.walk(directory)) {
            List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
            Path manifest = directory.resolve(ManifestFile.NAME);
            for (Path file : files) {
                if (!file.equals(manifest)) {
                    target.put(file, relative(directory, file));
                }
            }
            target.delete(WRITING);
            target.put(manifest, ManifestFile.NAME);
        } catch (IOException e) {
            abandon();
            throw FerryErrors.io("Cannot read the export in " + directory + ": " + e, e);
        } catch (SQLException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** Removes what was uploaded and the marker: the target is left as it was (absent, or an empty directory). */
    public void abandon() {
        target.deleteAllQuietly();
        if (wasEmptyDirectory) {
            try {
                target.makeDirectory();
            } catch (SQLException ignored) {
                // The export's own failure is the error the user sees; the directory was empty and is now absent.
            }
        }
    }

    private static String relative(Path directory, Path file) {
        StringBuilder relative = new StringBuilder();
        for (Path part : directory.relativize(file)) {
            if (!relative.isEmpty()) {
                relative.append('/');
            }
            relative.append(part);
        }
        return relative.toString();
    }
}
