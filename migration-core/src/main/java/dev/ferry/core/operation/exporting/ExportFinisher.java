package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.FerryVersion;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetTypes;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.MigrationResult;
import dev.ferry.core.operation.TableOutcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes what an export holds besides its data files, once every data file is written: the scripts, the schema file
 * and, last, the manifest, which lists each data file with its rows and checksum.
 */
final class ExportFinisher {
    private final Connection connection;
    private final ExportedSchema exported;
    private final FormatOptions options;

    /**
     * @param connection the exported database, for the manifest's description of it
     * @param exported   the schema and scripts the export wrote its data files for
     */
    ExportFinisher(Connection connection, ExportedSchema exported, FormatOptions options) {
        this.connection = connection;
        this.exported = exported;
        this.options = options;
    }

    /**
     * An export's data files, once all are written.
     *
     * @param reads     every data file, in the order of the plan
     * @param pending   those read by this run
     * @param written   what this run wrote, one for each of {@code pending}, in any order
     * @param kept      what a resumed export kept; empty for an export begun afresh
     * @param startedAt when this run began
     * @param perFile   whether each data file was read in a transaction of its own ({@link SplitExport}), rather
     *                  than all in one snapshot
     */
    record Reads(List<TableRead> reads, List<TableRead> pending, List<ExportTask.Written> written,
                 Optional<ResumeCheck.Kept> kept, Instant startedAt, boolean perFile) {

        /** The files kept from earlier runs, by name. */
        Map<String, ExportTask.Written> keptFiles() {
            return kept.map(k -> k.recorded().finished()).orElse(Map.of());
        }
    }

    /**
     * Writes the scripts, the schema file and the manifest into {@code staging}, for the data files read now and those
     * a resumed export kept, in the order of the plan.
     *
     * @param target      where the export is going, as the result names it
     * @param targetNotes what preparing the target had to say
     * @param warnings    what the export could not carry so far; the data files' own are added
     * @param notes       what the reads had to say (connections, snapshots)
     */
    MigrationResult finish(Path staging, Path target, List<String> targetNotes, Reads done, List<String> warnings,
                           List<String> notes) throws SQLException {
        Map<String, ExportTask.Written> readNow = new LinkedHashMap<>();
        done.written().forEach(file -> readNow.put(file.file(), file));
        Map<String, ExportTask.Written> keptFiles = done.keptFiles();
        List<TableRead> reads = done.reads();
        List<TableOutcome> outcomes = new ArrayList<>();
        List<Manifest.TableEntry> entries = new ArrayList<>();
        List<Manifest.DataFile> chunks = new ArrayList<>();
        Map<String, String> tableOf = new LinkedHashMap<>();
        for (TableRead read : reads) {
            ExportTask.Written export = readNow.getOrDefault(read.file(), keptFiles.get(read.file()));
            if (export == null) {
                throw new SQLException("The export has no report of its data file " + read.file() + " (table "
                        + exported.dialect().quote(read.table().name()) + ")", "XX000");
            }
            Table table = read.table();
            long bytes = export.bytes();
            tableOf.put(read.file(), exported.dialect().quote(table.name()));
            outcomes.add(new TableOutcome(exported.dialect().quote(table.name()), read.file(), export.rows(), bytes));
            warnings.addAll(export.warnings());
            if (read.parts() == 1) {
                entries.add(new Manifest.TableEntry(table.name().schema(), table.name().name(), read.file(),
                        export.rows(), bytes, export.sha256()));
                continue;
            }
            chunks.add(new Manifest.DataFile(read.file(), export.rows(), bytes, export.sha256()));
            if (read.part() == read.parts()) {
                entries.add(Manifest.TableEntry.chunked(table.name().schema(), table.name().name(), chunks));
                chunks.clear();
            }
        }
        Optional<ResumeCheck.Kept> kept = done.kept();
        List<Manifest.Run> runs = kept.isEmpty() ? List.of() : ResumedRuns.of(kept.get().recorded().runs(),
                done.startedAt().toString(), reads.stream().map(TableRead::file).filter(readNow::containsKey)
                        .toList());
        List<String> resumeNotes = new ArrayList<>();
        if (kept.isPresent()) {
            long keptBytes = keptFiles.values().stream().mapToLong(ExportTask.Written::bytes).sum();
            resumeNotes.add("Resumed the unfinished export in " + staging + ": kept " + keptFiles.size() + " of "
                    + reads.size() + " data file(s) (" + keptBytes + " bytes), read " + done.pending().size()
                    + " now");
            resumeNotes.addAll(kept.get().notes());
        }
        if (runs.size() > 1) {
            warnings.add(ResumedRuns.warning(runs, tableOf));
        }

        Map<String, String> scriptSums = new LinkedHashMap<>();
        writeScript(staging, ExportLayout.SCHEMA, exported.schemaScript(), scriptSums);
        writeScript(staging, ExportLayout.LOAD, exported.scripts().loadScript(entries, options.readerOptions()),
                scriptSums);
        writeScript(staging, ExportLayout.POST_DATA, exported.scripts().postDataScript(), scriptSums);
        String snapshot = runs.size() > 1 ? Manifest.RESUMED : done.perFile() ? Manifest.PER_FILE : null;
        try {
            new SchemaFile(exported.dialect().name(), exported.schema()).write(staging);
            scriptSums.put(SchemaFile.NAME, FileChecksum.sha256(staging.resolve(SchemaFile.NAME)));
            ManifestFile.write(staging, manifest(entries, warnings, scriptSums, snapshot,
                    runs.size() > 1 ? runs : null));
        } catch (IOException e) {
            throw FerryErrors.io("Cannot write " + SchemaFile.NAME + " or " + ManifestFile.NAME + ": " + e, e);
        }
        List<String> reported = new ArrayList<>(targetNotes);
        reported.addAll(resumeNotes);
        reported.addAll(notes);
        reported.addAll(warnings);
        return new MigrationResult(target, outcomes, reported);
    }

    private Manifest manifest(List<Manifest.TableEntry> tables, List<String> warnings, Map<String, String> scriptSums,
                              String snapshot, List<Manifest.Run> runs) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Manifest.Source source = new Manifest.Source(metaData.getDatabaseProductName(),
                metaData.getDatabaseProductVersion(), metaData.getDriverName(), metaData.getDriverVersion(),
                exported.dialect().name());
        Map<String, String> optionValues = new LinkedHashMap<>(options.readerOptions());
        boolean sparkTypes = options.format() == DataFormat.PARQUET && options.parquetTypes() == ParquetTypes.SPARK;
        if (sparkTypes) {
            // Not a reader's option (each file says it wrote TIME as plain numbers), but what a reader of the export
            // meets; only where it is not the default, so that an export in the exact types reads as before.
            optionValues.put(ParquetTypes.OPTION, options.parquetTypes().optionValue());
        }
        String scriptDialect = exported.scriptDialect() != exported.dialect() ? exported.scriptDialect().name()
                : exported.dialect().scriptDialect().equals(exported.dialect().name()) ? null
                : exported.dialect().scriptDialect();
        String contents = exported.contents().manifestValue();
        return new Manifest(Manifest.versionFor(tables, sparkTypes, contents), FerryVersion.get(),
                Instant.now().toString(), source, optionValues, exported.schemas(), exported.qualifiedNames(),
                scriptDialect, tables, warnings, scriptSums, snapshot, runs, contents);
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
