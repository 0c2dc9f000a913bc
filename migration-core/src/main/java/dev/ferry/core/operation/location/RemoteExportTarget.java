package dev.ferry.core.operation.location;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.manifest.ManifestFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
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
    /** What this export uploaded, the marker included: all that a failed one removes. */
    private final List<String> uploaded = new ArrayList<>();

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
        String path = target.uri().getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            throw FerryErrors.refused("EXPORT DATABASE refuses to write into " + target.uri() + ", the root of its"
                    + " file system or bucket: name a directory under it");
        }
        RemoteFiles.Kind kind = target.kind();
        if (kind == RemoteFiles.Kind.FILE || kind == RemoteFiles.Kind.DIRECTORY) {
            throw FerryErrors.refused("EXPORT DATABASE refuses to write into " + target.uri()
                    + ": it exists and is not an empty directory");
        }
        RemoteExportTarget prepared = new RemoteExportTarget(target, kind == RemoteFiles.Kind.EMPTY_DIRECTORY);
        try {
            Path empty = Files.createTempFile(spool, "marker", "");
            prepared.put(empty, WRITING);
            Files.delete(empty);
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write the marker file in " + spool + ": " + e, e);
        } catch (SQLException e) {
            throw prepared.abandoned(FerryErrors.withContext("EXPORT DATABASE cannot write to " + target.uri(), e));
        }
        return prepared;
    }

    private void put(Path local, String relative) throws SQLException {
        // Named before the upload: a failed one may have left part of the object.
        uploaded.add(relative);
        target.put(local, relative);
    }

    /**
     * Names files that other processes write into the target on this export's behalf (Spark's executors, each
     * uploading its data file), so that a failed export removes them with its own: those of them that exist then.
     *
     * @param relativeNames the files' names under the target, as the manifest names them
     */
    public void writtenByOthers(List<String> relativeNames) {
        uploaded.addAll(relativeNames);
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
                    put(file, relative(directory, file));
                }
            }
            target.delete(WRITING);
            put(manifest, ManifestFile.NAME);
        } catch (IOException e) {
            throw abandoned(FerryErrors.io("Cannot read the export in " + directory + ": " + e, e));
        } catch (SQLException e) {
            throw abandoned(e);
        } catch (RuntimeException e) {
            throw abandoned(new SQLException("EXPORT DATABASE to " + target.uri() + " failed: " + e, "HY000", e));
        }
    }

    /** {@link #abandon}, then {@code failure}, saying what could not be removed, if anything. */
    public SQLException abandoned(SQLException failure) {
        List<String> left = abandon();
        if (left.isEmpty()) {
            return failure;
        }
        SQLException said = new SQLException(failure.getMessage() + "; and what it uploaded could not all be removed"
                + " from " + target.uri() + " (" + String.join("; ", left) + "): delete it, as it has no manifest.json"
                + " but holds data files that readers of data/ would take", failure.getSQLState(),
                failure.getErrorCode(), failure);
        return said;
    }

    /**
     * Removes exactly the files this export uploaded, the marker included, then the target's folders where no file is
     * left in it: the target is left as it was (absent, or an empty directory) and anything another writer put there
     * stays.
     *
     * @return what could not be removed, in words; empty where everything was
     */
    public List<String> abandon() {
        List<String> left = new ArrayList<>();
        for (String name : uploaded) {
            try {
                if (target.exists(name)) {
                    target.delete(name);
                }
            } catch (SQLException e) {
                left.add(name + ": " + e.getMessage());
            }
        }
        try {
            if (left.isEmpty() && target.kind() != RemoteFiles.Kind.ABSENT && target.files().isEmpty()) {
                target.deleteAllQuietly();
                if (wasEmptyDirectory) {
                    target.makeDirectory();
                }
            }
        } catch (SQLException e) {
            // The files are gone; an empty folder left behind holds nothing a reader takes.
        }
        return left;
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
