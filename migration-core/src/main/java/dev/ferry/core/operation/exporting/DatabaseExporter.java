package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.SchemaReader;
import dev.ferry.core.dialect.UserCatalog;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.ResultWriter;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetTypes;
import dev.ferry.core.model.progress.Phase;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.ConnectionSource;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.Provisional;
import dev.ferry.core.operation.TableOutcome;
import dev.ferry.core.operation.jobs.ConnectionJobs;
import dev.ferry.core.operation.jobs.RunningQueries;
import dev.ferry.core.operation.jobs.SerialProgress;
import dev.ferry.core.operation.script.ScriptHeader;
import dev.ferry.core.operation.script.TargetScripts;
import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ValueText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

    /**
     * An export's data files, once all are written.
     *
     * @param reads     every data file, in the order of the plan
     * @param pending   those read by this run
     * @param written   what this run wrote, one for each of {@code pending}
     * @param kept      what a resumed export kept; empty for an export begun afresh
     * @param startedAt when this run began
     */
    private record Reads(List<TableRead> reads, List<TableRead> pending, List<TableExport> written,
                         Optional<ResumeCheck.Kept> kept, Instant startedAt) {

        /** The files kept from earlier runs, by name. */
        Map<String, ExportProgress.Finished> keptFiles() {
            return kept.map(k -> k.recorded().finished()).orElse(Map.of());
        }
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
        DatabaseSchema schema = new SchemaReader(connection, dialect, scope).read();
        List<String> schemas = exportedSchemas(dialect, scope, schema);
        boolean qualifiedNames = !(dialect.capabilities().schemasAreCatalogs() && scope.isDefault());
        TargetScripts scripts = scripts(schema, dialect, scriptDialect, qualifiedNames ? Set.of() : Set.copyOf(schemas));
        // Spark's types are not DuckDB's own IMPORT's to read (TIME as numbers): such an export is for a data lake.
        DataFileNames fileNames = new DataFileNames(options.fileExtension(),
                scriptDialect.capabilities().importFindsDataFilesByName()
                        && options.parquetTypes() != ParquetTypes.SPARK);
        Path staging = target.staging();

        List<String> warnings = new ArrayList<>(schema.warnings());
        warnings.addAll(scripts.warnings());
        List<Table> tables = schema.tables();
        ChunkPlanner planner = new ChunkPlanner(connection, dialect, exportOptions.chunkRows(),
                exportOptions.chunked() ? dialect.rowPositions(connection) : Optional.empty());
        String schemaScript = scripts.schemaScript();
        ExportFingerprint fingerprint = ExportFingerprint.of(ExportFingerprint.settings(connection, dialect,
                scriptDialect, exportOptions), tables, schemaScript);
        Optional<ResumeCheck.Kept> kept = target.recorded().isEmpty() ? Optional.empty()
                : Optional.of(ResumeCheck.check(target.target(), staging, target.recorded().get(), fingerprint));
        Map<String, ExportProgress.Finished> keptFiles = kept.map(k -> k.recorded().finished()).orElse(Map.of());
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
        List<TableExport> written;
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
                    reads = TableRead.plan(tables, estimates, planner, fileNames);
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
                progress.phaseStarted("export", Phase.DATA);
                progress.dataStarted("export", pending.size(), LongStream.of(expected).anyMatch(rows -> rows < 0)
                        ? -1 : LongStream.of(expected).sum());
                written = ConnectionJobs.runLargestFirst("EXPORT DATABASE", connections, pending.size(),
                        i -> readRows[i], (reader, i, queries) -> exportTable(reader, queries, dialect,
                                pending.get(i), expected[i], staging, options, text, listener, progressRecord));
            } catch (IOException e) {
                throw FerryErrors.io("Cannot write " + ExportProgress.NAME + " in " + staging + ": " + e, e);
            }
            progress.phaseStarted("export", Phase.SCRIPTS);
            MigrationResult result = finish(dialect, scriptDialect, target, options, schema, schemas, qualifiedNames,
                    scripts, schemaScript, new Reads(reads, pending, written, kept, startedAt), warnings, notes);
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
     * The export's scripts, schema file and manifest, written once every data file is: the files read now and those a
     * resumed export kept, in the order of the plan.
     */
    private MigrationResult finish(Dialect dialect, Dialect scriptDialect, ExportDirectory target,
                                   FormatOptions options, DatabaseSchema schema, List<String> schemas,
                                   boolean qualifiedNames, TargetScripts scripts, String schemaScript, Reads done,
                                   List<String> warnings, List<String> notes) throws SQLException {
        Path staging = target.staging();
        Map<String, TableExport> byFile = new LinkedHashMap<>();
        for (int i = 0; i < done.pending().size(); i++) {
            byFile.put(done.pending().get(i).file(), done.written().get(i));
        }
        Map<String, ExportProgress.Finished> keptFiles = done.keptFiles();
        List<TableRead> reads = done.reads();
        List<TableOutcome> outcomes = new ArrayList<>();
        List<Manifest.TableEntry> entries = new ArrayList<>();
        List<Manifest.DataFile> chunks = new ArrayList<>();
        Map<String, String> tableOf = new LinkedHashMap<>();
        for (TableRead read : reads) {
            TableExport export = byFile.containsKey(read.file()) ? byFile.get(read.file())
                    : kept(keptFiles.get(read.file()));
            Table table = read.table();
            long bytes = export.file().bytes();
            tableOf.put(read.file(), dialect.quote(table.name()));
            outcomes.add(new TableOutcome(dialect.quote(table.name()), read.file(), export.rows(), bytes));
            warnings.addAll(export.warnings());
            if (read.parts() == 1) {
                entries.add(new Manifest.TableEntry(table.name().schema(), table.name().name(), read.file(),
                        export.rows(), bytes, export.file().sha256()));
                continue;
            }
            chunks.add(new Manifest.DataFile(read.file(), export.rows(), bytes, export.file().sha256()));
            if (read.part() == read.parts()) {
                entries.add(Manifest.TableEntry.chunked(table.name().schema(), table.name().name(), chunks));
                chunks.clear();
            }
        }
        Optional<ResumeCheck.Kept> kept = done.kept();
        List<Manifest.Run> runs = kept.isEmpty() ? List.of() : ResumedRuns.of(kept.get().recorded().runs(),
                done.startedAt().toString(), reads.stream().map(TableRead::file).filter(byFile::containsKey)
                        .toList());
        List<String> resumeNotes = new ArrayList<>();
        if (kept.isPresent()) {
            long keptBytes = keptFiles.values().stream().mapToLong(ExportProgress.Finished::bytes).sum();
            resumeNotes.add("Resumed the unfinished export in " + staging + ": kept " + keptFiles.size() + " of "
                    + reads.size() + " data file(s) (" + keptBytes + " bytes), read " + done.pending().size()
                    + " now");
            resumeNotes.addAll(kept.get().notes());
        }
        if (runs.size() > 1) {
            warnings.add(ResumedRuns.warning(runs, tableOf));
        }

        Map<String, String> scriptSums = new LinkedHashMap<>();
        writeScript(staging, ExportLayout.SCHEMA, schemaScript, scriptSums);
        writeScript(staging, ExportLayout.LOAD, scripts.loadScript(entries, options.readerOptions()), scriptSums);
        writeScript(staging, ExportLayout.POST_DATA, scripts.postDataScript(), scriptSums);
        try {
            new SchemaFile(dialect.name(), schema).write(staging);
            scriptSums.put(SchemaFile.NAME, FileChecksum.sha256(staging.resolve(SchemaFile.NAME)));
            ManifestFile.write(staging, manifest(dialect, scriptDialect, options, schemas, qualifiedNames, entries,
                    warnings, scriptSums, runs.size() > 1 ? runs : null));
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write " + SchemaFile.NAME + " or " + ManifestFile.NAME + ": " + e, e);
        }
        List<String> reported = new ArrayList<>(target.notes());
        reported.addAll(resumeNotes);
        reported.addAll(notes);
        reported.addAll(warnings);
        return new MigrationResult(target.target(), outcomes, reported);
    }

    /** A data file a resumed export kept, as if read now. */
    private static TableExport kept(ExportProgress.Finished finished) {
        return new TableExport(finished.rows(), new FileSummary(finished.bytes(), finished.sha256()),
                finished.warnings());
    }

    /**
     * The scripts for {@code scriptDialect}: the schema as read where that is the source's dialect, else translated
     * for it.
     *
     * @param defaultSchemas the schemas the scripts name no objects in (MariaDB's current database)
     */
    private TargetScripts scripts(DatabaseSchema schema, Dialect dialect, Dialect scriptDialect,
                                  Set<String> defaultSchemas) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        ScriptHeader header = ScriptHeader.exported(metaData.getDatabaseProductName() + " "
                + metaData.getDatabaseProductVersion(), dialect, scriptDialect);
        return scriptDialect == dialect ? TargetScripts.asRead(schema, dialect, header)
                : TargetScripts.exported(schema, dialect, scriptDialect, defaultSchemas, header);
    }

    /**
     * Writes the rows {@code read} takes, read on {@code reader}, to its file in {@code directory}: through the
     * engine's bulk path where it writes the same file ({@link DumpedRead}), else row by row.
     */
    private static TableExport exportTable(Connection reader, RunningQueries queries, Dialect dialect, TableRead read,
                                           long expectedRows, Path directory, FormatOptions options, ValueText text,
                                           ProgressListener progress, ExportProgress record) throws SQLException {
        Table table = read.table();
        Path path = directory.resolve(read.file());
        String tableName = dialect.quote(table.name());
        String label = read.label(tableName);
        List<String> columnNames = table.dataColumns().stream().map(Column::name).toList();
        String sql = "SELECT " + table.dataColumns().stream()
                .map(c -> dialect.selectColumn(c.name(), c.jdbcType(), c.typeName()))
                .collect(Collectors.joining(", ")) + " FROM " + dialect.rowsOf(table.name()) + read.where();
        progress.tableStarted("export", label, expectedRows);
        TableExport export;
        try {
            Files.createDirectories(path.getParent());
            Optional<TableExport> dumped = DumpedRead.write(reader, queries, dialect, sql, columnNames, path, options,
                    text, label, progress);
            export = dumped.isPresent() ? dumped.get()
                    : readRowByRow(reader, queries, dialect, read, sql, columnNames, path, options, text, label,
                    progress);
            // On disk before the progress record says the file is finished.
            ExportDirectory.forceFile(path);
            record.finished(new ExportProgress.Finished(read.file(), export.rows(), export.file().bytes(),
                    export.file().sha256(), export.warnings()));
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write " + read.file() + " for table " + tableName + ": " + e, e);
        } catch (SQLException e) {
            throw FerryErrors.withContext("Export of table " + label + " failed", e);
        }
        progress.tableFinished(label, export.rows());
        return export;
    }

    /** Reads the rows of {@code sql} through JDBC, each value by its kind, and writes them with the format's writer. */
    private static TableExport readRowByRow(Connection reader, RunningQueries queries, Dialect dialect,
                                            TableRead read, String sql, List<String> columnNames, Path path,
                                            FormatOptions options, ValueText text, String label,
                                            ProgressListener progress) throws SQLException, IOException {
        String tableName = dialect.quote(read.table().name());
        List<String> warnings = new ArrayList<>();
        try (PreparedStatement statement = dialect.streamingQuery(reader, sql);
             RunningQueries.Registration ignored = queries.track(statement);
             ResultSet resultSet = statement.executeQuery()) {
            ResultSetMetaData metaData = resultSet.getMetaData();
            List<ValueKind> kinds = dialect.valueKinds(metaData);
            boolean elements = text.arraysAsElements();
            List<Column> columns = read.table().dataColumns();
            TableWriter file = DataFiles.writer(path, options, DataColumn.of(columnNames,
                    elements ? ArrayElementsWriter.writtenKinds(dialect, columns, kinds) : kinds, metaData), text);
            TableWriter writer = elements ? ArrayElementsWriter.of(file, dialect, columns, kinds) : file;
            long rows;
            try (writer) {
                rows = ResultWriter.write(resultSet, kinds, columnNames, writer, "Export of table " + label,
                        label, progress);
            }
            writer.warnings().forEach(warning -> warnings.add("Table " + tableName + ", " + warning));
            return new TableExport(rows, writer.summary(), warnings);
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

    /**
     * The schemas the export holds: those named, else those it creates, else (MariaDB's current database, whose objects
     * the scripts name without it) the connection's catalog.
     */
    private List<String> exportedSchemas(Dialect dialect, SchemaScope scope, DatabaseSchema schema)
            throws SQLException {
        if (!scope.isDefault()) {
            return scope.named();
        }
        if (dialect.capabilities().schemasAreCatalogs()) {
            String catalog = connection.getCatalog();
            return catalog == null ? List.of() : List.of(catalog);
        }
        return schema.schemas();
    }

    private Manifest manifest(Dialect dialect, Dialect scriptDialect, FormatOptions options, List<String> schemas,
                              boolean qualifiedNames,
                              List<Manifest.TableEntry> tables, List<String> warnings,
                              Map<String, String> scriptSums, List<Manifest.Run> runs) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Manifest.Source source = new Manifest.Source(metaData.getDatabaseProductName(),
                metaData.getDatabaseProductVersion(), metaData.getDriverName(), metaData.getDriverVersion(),
                dialect.name());
        Map<String, String> optionValues = new LinkedHashMap<>(options.readerOptions());
        boolean sparkTypes = options.format() == DataFormat.PARQUET && options.parquetTypes() == ParquetTypes.SPARK;
        if (sparkTypes) {
            // Not a reader's option (each file says it wrote TIME as plain numbers), but what a reader of the export
            // meets; only where it is not the default, so that an export in the exact types reads as before.
            optionValues.put(ParquetTypes.OPTION, options.parquetTypes().optionValue());
        }
        return new Manifest(Manifest.versionFor(tables, sparkTypes), FerryVersion.get(), Instant.now().toString(), source,
                optionValues, schemas, qualifiedNames, scriptDialect != dialect ? scriptDialect.name()
                : dialect.scriptDialect().equals(dialect.name()) ? null : dialect.scriptDialect(), tables, warnings,
                scriptSums, runs == null ? null : Manifest.RESUMED, runs);
    }

    /** Writes the script {@code name}, and puts its SHA-256 into {@code sums}, for the manifest. */
    private static void writeScript(Path directory, String name, String content, Map<String, String> sums)
            throws SQLException {
        try {
            Path file = directory.resolve(name);
            Files.writeString(file, content, StandardCharsets.UTF_8);
            sums.put(name, FileChecksum.sha256(file));
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write " + name + ": " + e, e);
        }
    }
}
