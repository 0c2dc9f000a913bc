package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.Provisional;
import dev.ferry.core.operation.jobs.ConnectionJobs;
import dev.ferry.core.operation.jobs.SerialProgress;
import dev.ferry.core.value.ValueText;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Writes a whole database to a directory: scripts, one data file per table (a table above CHUNK_ROWS rows with an
 * integer key: one per range of its key, see {@link ChunkPlanner}) and a manifest. Tables and chunks are read on up to
 * JOBS connections at once, all in one snapshot, where the engine can share one and more connections can be opened;
 * the directory written is the same whatever the number.
 */
public final class DatabaseExporter {
    private final Connection connection;
    private final ConnectionSource moreConnections;

    /**
     * An exporter that reads on {@code connection} alone.
     *
     * @param connection the database to export; used, then left with its settings as they were
     */
    public DatabaseExporter(Connection connection) {
        this(connection, ConnectionSource.NONE);
    }

    /**
     * @param connection      the database to export; used, then left with its settings as they were
     * @param moreConnections opens further connections to the same database, as {@code connection} was opened, for
     *                        JOBS above 1; each is closed before the export returns; {@link ConnectionSource#NONE}
     *                        for none
     */
    public DatabaseExporter(Connection connection, ConnectionSource moreConnections) {
        this.connection = connection;
        this.moreConnections = moreConnections;
    }

    /**
     * Exports every user table of the connection's database into {@code directory}, which must not exist or be
     * an empty directory. All tables are read in one read-only snapshot transaction (see {@link ExportOptions#jobs}
     * for reading on several connections). If the export fails, nothing is left at {@code directory}.
     */
    public MigrationResult export(Path directory, FormatOptions options, ProgressListener progress) throws SQLException {
        return export(directory, ExportOptions.of(options), progress);
    }

    /**
     * Exports the schemas {@code options} name (by default every user schema; MariaDB: the connection's current
     * database) into {@code directory}, as {@link #export(Path, FormatOptions, ProgressListener)} does.
     *
     * @throws SQLException (22023) where a schema named does not exist, before anything is written
     */
    public MigrationResult export(Path directory, ExportOptions options, ProgressListener progress) throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Dialect scriptDialect = options.dialect() == null ? dialect : Dialects.named(options.dialect());
        SchemaScope scope = UserCatalog.resolveScope(connection, dialect, options.schemas());
        int isolation = dialect.snapshotIsolation(connection.getMetaData());
        ExportDirectory target = ExportDirectory.prepare(directory, options.resume());
        return Provisional.complete(target, () -> {
            try (Dialect.SessionSettings ignored = dialect.prepareSession(connection);
                 SnapshotSession session = SnapshotSession.begin(connection, isolation)) {
                return exportInto(dialect, scriptDialect, scope, target, options,
                        new Snapshot(session, isolation), progress);
            }
        });
    }

    /** The leader's read transaction, and what the followers need to join it. */
    private record Snapshot(SnapshotSession session, int isolation) {
    }

    private MigrationResult exportInto(Dialect dialect, Dialect scriptDialect, SchemaScope scope,
                                       ExportDirectory target, ExportOptions exportOptions, Snapshot snapshot,
                                       ProgressListener progress)
            throws SQLException {
        FormatOptions options = exportOptions.format();
        Instant startedAt = Instant.now();
        progress.phaseStarted("export", Phase.SCHEMA);
        ExportedSchema exported = ExportedSchema.read(connection, dialect, scriptDialect, scope, exportOptions);
        Path staging = target.staging();
        List<String> warnings = exported.warnings();
        List<Table> tables = exported.tablesRead();
        ChunkPlanner planner = new ChunkPlanner(connection, dialect, exportOptions.chunkRows(),
                exportOptions.chunked() ? dialect.rowPositions(connection) : Optional.empty());
        ExportFingerprint fingerprint = ExportFingerprint.of(ExportFingerprint.settings(connection, dialect,
                scriptDialect, exportOptions), tables, exported.schemaScript());
        Optional<ResumeCheck.Kept> kept = target.recorded().isEmpty() ? Optional.empty()
                : Optional.of(ResumeCheck.check(target.target(), staging, target.recorded().get(), fingerprint));
        Map<String, ExportTask.Written> keptFiles = kept.map(k -> k.recorded().finished()).orElse(Map.of());
        long[] estimates = new long[tables.size()];
        int mostReads = 0;
        if (kept.isPresent()) {
            mostReads = (int) kept.get().recorded().plan().reads().stream()
                    .filter(read -> !keptFiles.containsKey(read.file())).count();
        } else {
            for (int i = 0; i < tables.size(); i++) {
                estimates[i] = planner.estimate(tables.get(i));
                mostReads += planner.mostChunks(estimates[i]);
            }
        }
        ValueText text = scriptDialect.capabilities().csvValueText();
        List<String> notes;
        List<TableRead> reads;
        List<TableRead> pending;
        List<ExportTask.Written> written;
        ExportProgress record = null;
        try {
            try (ReadingConnections readers = ReadingConnections.open(connection, snapshot.session(),
                    snapshot.isolation(), dialect, moreConnections, exportOptions.effectiveJobs(),
                    exportOptions.jobsNamed(), mostReads)) {
                notes = readers.notes();
                if (kept.isPresent()) {
                    reads = ResumedReads.of(kept.get().recorded().plan(), tables, planner);
                    record = ExportProgress.rewrite(staging, kept.get().recorded(), startedAt);
                } else {
                    reads = TableRead.plan(tables, estimates, planner, exported.fileNames());
                    record = ExportProgress.begin(staging, new ExportProgress.Plan(fingerprint,
                            ResumedReads.planned(reads)), startedAt);
                }
                pending = reads.stream().filter(read -> !keptFiles.containsKey(read.file())).toList();
                List<Connection> connections = readers.connections();
                ProgressListener listener = connections.size() > 1 ? SerialProgress.of(progress) : progress;
                // Statistics are asked for where they order the reads or someone listens for totals.
                boolean wanted = connections.size() > 1 || progress != ProgressListener.NONE;
                long[] expected = kept.isEmpty() && wanted ? expectedRows(dialect, tables, estimates, pending)
                        : LongStream.generate(() -> -1).limit(pending.size()).toArray();
                // On one connection the order stays the tables' own.
                long[] readRows = connections.size() > 1 ? expected : new long[pending.size()];
                ExportProgress progressRecord = record;
                ReadWriter writer = new ReadWriter(dialect, options, text, staging);
                progress.phaseStarted("export", Phase.DATA);
                progress.dataStarted("export", pending.size(), LongStream.of(expected).anyMatch(rows -> rows < 0)
                        ? -1 : LongStream.of(expected).sum(), -1);
                written = ConnectionJobs.runLargestFirst("EXPORT DATABASE", connections, pending.size(),
                        i -> readRows[i], (reader, i, queries) -> writer.write(reader, queries,
                                pending.get(i).task(dialect, options, scriptDialect), expected[i], listener,
                                progressRecord));
            } catch (IOException e) {
                throw FerryErrors.io("Cannot write " + ExportProgress.NAME + " in " + staging + ": " + e, e);
            }
            progress.phaseStarted("export", Phase.SCRIPTS);
            MigrationResult result = new ExportFinisher(connection, exported, options).finish(staging,
                    target.target(), target.notes(), new ExportFinisher.Reads(reads, pending, written, kept,
                            startedAt, false), warnings, notes);
            try {
                record.delete();
            } catch (IOException e) {
                throw FerryErrors.io("Cannot delete " + ExportProgress.NAME + " in " + staging + ": " + e, e);
            }
            return result;
        } finally {
            if (record != null) {
                record.close();
            }
        }
    }

    /**
     * About how many rows each read holds, for reading the largest first and for progress: its share of its table's
     * estimate (taken from the engine's statistics, where a table is not split and so has none yet; -1 where there
     * are none).
     */
    private long[] expectedRows(Dialect dialect, List<Table> tables, long[] estimates, List<TableRead> reads)
            throws SQLException {
        Map<Table, Long> tableRows = new IdentityHashMap<>();
        for (int i = 0; i < tables.size(); i++) {
            tableRows.put(tables.get(i), estimates[i] >= 0 ? estimates[i]
                    : dialect.estimatedRows(connection, tables.get(i).name()).orElse(-1));
        }
        return reads.stream().mapToLong(read -> tableRows.get(read.table()) < 0 ? -1
                : tableRows.get(read.table()) / read.parts()).toArray();
    }
}
