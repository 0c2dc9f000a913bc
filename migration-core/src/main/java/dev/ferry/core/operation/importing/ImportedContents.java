package dev.ferry.core.operation.importing;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.loading.TableLoad;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What IMPORT DATABASE of a directory puts into a database, as its {@link ImportPlan} says: each table's data files,
 * loaded as the import loads them, and the schema its scripts create. VERIFY DATABASE compares a database with it.
 * The directory is checked as IMPORT checks it (manifest, scripts, every data file's size and checksum).
 *
 * @param tables   the tables loaded, in the order the import loads them, each with its data files
 * @param created  the schema the scripts create, named for the target; null where the export does not say
 * @param scope    where the import writes (MariaDB: the databases)
 * @param warnings what the export did not carry, then what the translation for this engine does not
 * @param contents what the export holds: the schema and the data, or one of them
 */
public record ImportedContents(List<ImportedTable> tables, DatabaseSchema created, SchemaScope scope,
                               List<String> warnings, ExportContents contents) {

    public ImportedContents {
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
    }

    /**
     * A table and the loads of its data files (one per chunk of a chunked table).
     *
     * @param table the table as the target's SQL names it, as the import's loads name it
     * @param loads its loads, in order
     * @param files the data files' names, relative to the directory, in the loads' order
     * @param rows  the rows the manifest says the files hold; -1 where there is no manifest (DuckDB's exports)
     */
    public record ImportedTable(String table, List<TableLoad> loads, List<String> files, long rows) {

        public ImportedTable {
            loads = List.copyOf(loads);
            files = List.copyOf(files);
        }
    }

    /**
     * What an import of {@code directory} into {@code connection}'s database would load and create. Statements a
     * user added to load.sql are not among them: they are not run.
     *
     * @param allowEditedScripts whether scripts edited since the export are taken as they are (IMPORT's
     *                           {@code ALLOW_EDITED_SCRIPTS}) rather than refused
     */
    public static ImportedContents of(Path directory, Connection connection, Dialect dialect,
                                      boolean allowEditedScripts) throws SQLException {
        Path dir = directory.toAbsolutePath().normalize();
        ImportPlan plan = DuckDbExport.isDuckDbExport(dir) ? ImportPlan.of(DuckDbExport.read(dir), dialect)
                : ImportPlan.of(ExportSource.open(dir, new ImportOptions(allowEditedScripts)), dialect);
        Map<String, List<LoadStep.LoadTable>> byTable = new LinkedHashMap<>();
        plan.loads().forEach(step -> {
            if (step instanceof LoadStep.LoadTable load) {
                byTable.computeIfAbsent(load.load().table(), t -> new ArrayList<>()).add(load);
            }
        });
        List<ImportedTable> tables = new ArrayList<>();
        byTable.forEach((table, loads) -> tables.add(new ImportedTable(table,
                loads.stream().map(LoadStep.LoadTable::load).toList(),
                loads.stream().map(LoadStep.LoadTable::file).toList(),
                loads.stream().allMatch(l -> l.expectedRows().isPresent())
                        ? loads.stream().mapToLong(l -> l.expectedRows().getAsLong()).sum() : -1)));
        return new ImportedContents(tables, plan.created(), plan.scope(connection, dialect), plan.warnings(),
                plan.contents());
    }
}
