package dev.ferry.core.operation.location;

import dev.ferry.core.FerryErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The file of a {@code COPY} on a Hadoop file system. {@code COPY ... TO} writes a local file, then uploads it under a
 * hidden name beside the target and renames it, so that a failed upload never leaves a half-written file under the
 * target's name; an existing target is refused, as for local files. {@code COPY ... FROM} downloads the file first.
 */
public final class RemoteCopyFile {
    private RemoteCopyFile() {
    }

    /** Refuses a target that exists (42000): COPY never overwrites a file. */
    public static void refuseExisting(RemoteFiles target) throws SQLException {
        if (target.kind() != RemoteFiles.Kind.ABSENT) {
            throw FerryErrors.refused("COPY refuses to overwrite " + target.uri() + ": it exists; delete it or choose"
                    + " another name");
        }
    }

    /** Uploads the finished local file as the target. */
    public static void upload(Path local, RemoteFiles target) throws SQLException {
        String name = Path.of(target.uri().getPath()).getFileName().toString();
        String partial = "." + name + ".ferry-partial-" + UUID.randomUUID();
        try {
            target.putBeside(local, partial);
            target.renameBeside(partial);
        } catch (SQLException | RuntimeException e) {
            target.deleteBesideQuietly(partial);
            throw e;
        }
    }

    /**
     * Downloads the file {@code source} to {@code local}.
     *
     * @throws SQLException 58030 where it is not a file or cannot be read
     */
    public static void download(RemoteFiles source, Path local) throws SQLException {
        RemoteFiles.Kind kind = source.kind();
        if (kind != RemoteFiles.Kind.FILE) {
            throw FerryErrors.io("COPY cannot read " + source.uri() + ": "
                    + (kind == RemoteFiles.Kind.ABSENT ? "it does not exist" : "it is a directory"), null);
        }
        source.get("", local);
    }
}
