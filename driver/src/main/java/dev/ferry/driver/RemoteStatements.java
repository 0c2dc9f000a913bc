package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.location.RemoteCopyFile;
import dev.ferry.core.operation.location.RemoteExportSource;
import dev.ferry.core.operation.location.RemoteExportTarget;
import dev.ferry.core.operation.location.RemoteFiles;
import dev.ferry.core.operation.location.Spool;
import dev.ferry.core.operation.location.hadoop.HadoopFileSystems;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.verify.VerifyResult;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.operation.copying.CopyOptions;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Runs EXPORT, IMPORT and COPY whose location is a Hadoop URI, through a local spool directory that is deleted at the
 * end whatever happens: an export is written there as to any local directory, then uploaded with its manifest last;
 * an import downloads the export there first (refusing one without a manifest), then imports it as a local one, with
 * its checksums checked; {@code COPY ... TO} writes a local file and uploads it, {@code COPY ... FROM} downloads
 * first.
 */
final class RemoteStatements {
    private final Connection connection;
    private final ConnectionSource moreConnections;
    private final ProgressListener progress;
    private final MigrationEngine engine;
    private final Map<String, String> hadoop;
    private final Path spoolBase;

    /**
     * @param hadoop    Hadoop settings over {@code core-site.xml}'s ({@code ferry.hadoop.*})
     * @param spoolBase where spool directories go ({@code ferry.spool}); null for {@code java.io.tmpdir}
     */
    RemoteStatements(Connection connection, ConnectionSource moreConnections, ProgressListener progress,
                     MigrationEngine engine, Map<String, String> hadoop, Path spoolBase) {
        this.connection = connection;
        this.moreConnections = moreConnections;
        this.progress = progress;
        this.engine = engine;
        this.hadoop = hadoop;
        this.spoolBase = spoolBase == null ? Spool.defaultBase() : spoolBase;
    }

    MigrationResult exportDatabase(Location target, ExportOptions options) throws SQLException {
        URI uri = target.remote();
        if (options.resume()) {
            throw FerryErrors.notSupported("EXPORT DATABASE '" + uri + "' (RESUME): an export to a Hadoop URI is"
                    + " written in a local spool directory that is deleted when it ends, so there is nothing to resume;"
                    + " export to a local directory with RESUME, then copy it (hadoop fs -put, distcp)");
        }
        try (RemoteFiles files = HadoopFileSystems.open(uri, hadoop, target.what());
             Spool spool = Spool.under(spoolBase)) {
            RemoteExportTarget upload = RemoteExportTarget.prepare(files, spool.directory());
            Path local = spool.directory().resolve("export");
            MigrationResult result;
            try {
                result = engine.exportDatabase(connection, moreConnections, local, options, progress);
            } catch (SQLException e) {
                throw upload.abandoned(e);
            } catch (RuntimeException | Error e) {
                List<String> left = upload.abandon();
                if (!left.isEmpty()) {
                    e.addSuppressed(new SQLException("What the export uploaded to " + uri + " could not all be"
                            + " removed: " + String.join("; ", left)));
                }
                throw e;
            }
            upload.upload(local);
            return renamed(result, local, uri);
        }
    }

    MigrationResult importDatabase(Location source, ImportOptions options) throws SQLException {
        URI uri = source.remote();
        return onDownloadedExport(source, local -> renamed(
                engine.importDatabase(connection, moreConnections, local, options, progress), local, uri));
    }

    /** VERIFY DATABASE of an export on a Hadoop file system: downloaded first, as an import does, then verified. */
    VerifyResult verifyDatabase(Location source, boolean allowEditedScripts) throws SQLException {
        URI uri = source.remote();
        return onDownloadedExport(source, local -> {
            VerifyResult result = engine.verifyDatabase(connection, local, allowEditedScripts);
            return new VerifyResult(uri.toString(), result.tables(), result.missing(), result.warnings().stream()
                    .map(w -> w.replace(local.toString(), uri.toString())).toList());
        });
    }

    /** What runs on an export downloaded into the spool. */
    @FunctionalInterface
    private interface OnDownloaded<T> {
        T run(Path local) throws SQLException;
    }

    /**
     * Downloads the export at {@code source} into a spool (refusing one without its manifest), runs {@code action} on
     * it, and deletes the spool; an error names the URI, not the spool.
     */
    private <T> T onDownloadedExport(Location source, OnDownloaded<T> action) throws SQLException {
        URI uri = source.remote();
        try (RemoteFiles files = HadoopFileSystems.open(uri, hadoop, source.what());
             Spool spool = Spool.under(spoolBase)) {
            Path local = spool.directory().resolve("export");
            RemoteExportSource.download(files, local);
            try {
                return action.run(local);
            } catch (SQLException e) {
                throw renamed(e, local, uri);
            }
        }
    }

    /** {@code failure} with the spool's path replaced by the URI: the spool is gone, and the user named the URI. */
    private static SQLException renamed(SQLException failure, Path local, URI uri) {
        String message = failure.getMessage();
        if (message == null || !message.contains(local.toString())) {
            return failure;
        }
        return new SQLException(message.replace(local.toString(), uri.toString()), failure.getSQLState(),
                failure.getErrorCode(), failure);
    }

    MigrationResult copyTo(CopyToCommand command, Location target) throws SQLException {
        URI uri = target.remote();
        try (RemoteFiles files = HadoopFileSystems.open(uri, hadoop, target.what());
             Spool spool = Spool.under(spoolBase)) {
            RemoteCopyFile.refuseExisting(files);
            Path local = spool.directory().resolve(fileName(target));
            MigrationResult result = engine.copyTo(connection, command, local,
                    CopyOptions.forWriting(command.options(), local), progress);
            RemoteCopyFile.upload(local, files);
            return renamed(result, local, uri);
        }
    }

    MigrationResult copyFrom(CopyFromCommand command, Location source) throws SQLException {
        URI uri = source.remote();
        try (RemoteFiles files = HadoopFileSystems.open(uri, hadoop, source.what());
             Spool spool = Spool.under(spoolBase)) {
            Path local = spool.directory().resolve(fileName(source));
            CopyOptions.forFile(command.options(), local); // a bad option is refused before the download
            RemoteCopyFile.download(files, local);
            return renamed(engine.copyFrom(connection, command, local,
                    CopyOptions.forFile(command.options(), local), progress), local, uri);
        }
    }

    /** The file's name, which tells COPY its format ({@code .parquet}, {@code .csv}). */
    private static String fileName(Location file) throws SQLException {
        String path = file.remote().getPath();
        String name = path == null ? "" : path.substring(path.lastIndexOf('/') + 1);
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            throw FerryErrors.invalidParameter("Invalid " + file.what() + ": " + file.remote() + " names no file");
        }
        return name;
    }

    /** The result with the spool's path replaced by the URI, in files and warnings: the spool is gone. */
    private static MigrationResult renamed(MigrationResult result, Path local, URI uri) {
        String spool = local.toString();
        List<TableOutcome> tables = result.tables().stream()
                .map(t -> new TableOutcome(t.table(), t.file() == null ? null : t.file().replace(spool, uri.toString()),
                        t.rows(), t.bytes()))
                .toList();
        List<String> warnings = result.warnings().stream().map(w -> w.replace(spool, uri.toString())).toList();
        return new MigrationResult(null, tables, warnings);
    }
}
