package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.MigrationResult;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An export whose data files are written by other processes: planned on one connection ({@link #plan}), each
 * {@link ExportTask} run wherever there is a connection to the database (Spark's executors), then finished here
 * ({@link #finish}) with the scripts and the manifest, so that IMPORT DATABASE loads the directory as any export.
 *
 * <p>The files are those an export on one machine writes, with the same names, chunks (by {@code CHUNK_ROWS}) and
 * checksums; but each task reads in a transaction of its own, not all in one snapshot, and the manifest says so
 * ({@code "snapshot": "per-file"}) and warns: a database written to meanwhile may give files that do not agree. So
 * a table is split only by ranges of an integer key, never by where its rows are stored (PostgreSQL's ctid), which an
 * update changes between two reads; and the scripts are of the schema read again at the end, so that the sequences'
 * positions cover every row exported.
 */
public final class SplitExport {
    private final Connection connection;
    private final ExportedSchema exported;
    private final ExportOptions options;
    private final List<TableRead> reads;
    private final Instant startedAt;

    private SplitExport(Connection connection, ExportedSchema exported, ExportOptions options, List<TableRead> reads,
                        Instant startedAt) {
        this.connection = connection;
        this.exported = exported;
        this.options = options;
        this.reads = reads;
        this.startedAt = startedAt;
    }

    /**
     * Reads the schema and plans the data files in one read transaction on {@code connection}, ended before this
     * returns.
     *
     * @param connection the database to export, with autocommit on; kept for {@link #finish}, left with its settings as
     *                   they were
     * @param options    as for EXPORT DATABASE; JOBS is the caller's to use (here it changes nothing)
     * @throws SQLException (22023) where a schema named does not exist; (0A000) for RESUME, which a split export does not
     *                      offer (the caller's framework retries failed tasks instead)
     */
    public static SplitExport plan(Connection connection, ExportOptions options) throws SQLException {
        if (options.resume()) {
            throw FerryErrors.notSupported("An export split over other processes does not take "
                    + ExportOptions.RESUME + ": run it again (only the failed tasks of a run are retried)");
        }
        Instant startedAt = Instant.now();
        return read(connection, options, exported -> {
            List<Table> tables = exported.tablesRead();
            // Only key ranges: in reads of transactions of their own, a row an update moves would be read by two
            // ranges of row positions (PostgreSQL's ctid), or by none. A table without an integer key is read whole.
            ChunkPlanner planner = new ChunkPlanner(connection, exported.dialect(), options.chunkRows(),
                    Optional.empty());
            long[] estimates = new long[tables.size()];
            for (int i = 0; i < tables.size(); i++) {
                estimates[i] = planner.estimate(tables.get(i));
            }
            List<TableRead> reads = TableRead.plan(tables, estimates, planner, exported.fileNames());
            return new SplitExport(connection, exported, options, reads, startedAt);
        });
    }

    /** What is done with the schema in the read transaction it was read in. */
    @FunctionalInterface
    private interface InSchemaRead<T> {
        T with(ExportedSchema exported) throws SQLException;
    }

    /**
     * Reads the schema, the scripts and the file names in a read transaction of their own on {@code connection}, and
     * runs {@code then} on them in that transaction.
     */
    private static <T> T read(Connection connection, ExportOptions options, InSchemaRead<T> then)
            throws SQLException {
        Dialect dialect = Dialects.forConnection(connection);
        Dialect scriptDialect = options.dialect() == null ? dialect : Dialects.named(options.dialect());
        SchemaScope scope = UserCatalog.resolveScope(connection, dialect, options.schemas());
        try (Dialect.SessionSettings ignored = dialect.prepareSession(connection);
             SnapshotSession session = SnapshotSession.begin(connection,
                     dialect.snapshotIsolation(connection.getMetaData()))) {
            return then.with(ExportedSchema.read(connection, dialect, scriptDialect, scope, options));
        }
    }

    /** The data files to write, one task each, in the order of the plan (tables in order, chunks in key order). */
    public List<ExportTask> tasks() {
        return reads.stream().map(read -> read.task(exported.dialect(), options.format(), exported.scriptDialect()))
                .toList();
    }

    /**
     * Writes the scripts, the schema file and the manifest into {@code directory}, for the data files the tasks wrote
     * (which need not be in it: the manifest records what each task reported).
     *
     * @param written what every task of {@link #tasks} reported, in any order
     * @throws SQLException (XX000) where a task's file is not among {@code written}
     */
    public MigrationResult finish(Path directory, List<ExportTask.Written> written) throws SQLException {
        ExportedSchema now = readAgain();
        List<String> warnings = now.warnings();
        if (!reads.isEmpty()) {
            warnings.add("The data files were each read in a transaction of their own (an export split over other"
                    + " processes), not all in one snapshot: where the database was written to during the export,"
                    + " they may not agree with each other (a row and the rows its foreign keys name; a row whose key"
                    + " changed, read twice or not at all); export a database no one writes to, or a replica stopped"
                    + " for the export");
        }
        return new ExportFinisher(connection, now, options.format()).finish(directory, directory, List.of(),
                new ExportFinisher.Reads(reads, reads, written, Optional.empty(), startedAt, !reads.isEmpty()),
                warnings, List.of());
    }

    /**
     * The schema read again once every data file is written, for the scripts: the sequences' and identities'
     * positions then cover every row the files hold (they were read before the rows, by tasks that came later). A
     * table whose columns or key changed meanwhile is refused (55000): its files may hold the old ones.
     */
    private ExportedSchema readAgain() throws SQLException {
        ExportedSchema now = read(connection, options, exported -> exported);
        Map<String, String> planned = ExportFingerprint.of(Map.of(), exported.tablesRead(), "").tables();
        Map<String, String> found = ExportFingerprint.of(Map.of(), now.tablesRead(), "").tables();
        if (!planned.equals(found)) {
            List<String> changed = new ArrayList<>();
            planned.forEach((table, digest) -> {
                if (!digest.equals(found.get(table))) {
                    changed.add(table);
                }
            });
            found.keySet().stream().filter(table -> !planned.containsKey(table)).forEach(changed::add);
            throw new SQLException("The export's tables changed while their data files were written ("
                    + String.join(", ", changed) + ": columns, key, or the table itself): its files may not fit the"
                    + " schema; export again", "55000");
        }
        return now;
    }
}
