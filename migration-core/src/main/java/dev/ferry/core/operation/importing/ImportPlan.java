package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.operation.script.ScriptRenderer;
import dev.ferry.core.operation.translate.SchemaTranslator;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The scripts an import runs: the export's own where they are written for the target's engine, else written anew for
 * it from the export's {@code schema.json} ({@link SchemaTranslator}); for a directory of DuckDB's own EXPORT DATABASE,
 * written from the schema its scripts describe, and its tables loaded each by a reader of DuckDB's text forms.
 *
 * @param schema         the schema script
 * @param load           the load script
 * @param postData       the post-data script
 * @param schemas        the schemas the scripts create (MariaDB: databases)
 * @param qualifiedNames whether the scripts name objects with their schemas
 * @param warnings       what the export did not carry, then what the translation did not
 * @param loads          the tables to load, each from its file, where the export has no Ferry load script (DuckDB's
 *                       own exports); null where {@code load} says what to load
 */
record ImportPlan(String schema, String load, String postData, List<String> schemas, boolean qualifiedNames,
                  List<String> warnings, List<TableLoad> loads) {

    static ImportPlan of(ExportSource source, Dialect target) throws SQLException {
        Manifest manifest = source.manifest();
        if (manifest.scriptsWrittenFor().equals(target.name())) {
            return new ImportPlan(source.schema(), source.load(), source.postData(), manifest.schemas(),
                    manifest.qualifiedNames(), manifest.warnings(), null);
        }
        SchemaFile file = schemaFile(source, target);
        Dialect from = Dialects.named(file.dialect());
        Set<String> implicitSchemas = manifest.qualifiedNames() ? Set.of() : Set.copyOf(manifest.schemas());
        SchemaTranslator.Translation translation = new SchemaTranslator(from, target, implicitSchemas)
                .translate(file.schema());
        DatabaseSchema schema = translation.schema();
        ScriptRenderer scripts = new ScriptRenderer(target);
        String header = "-- Translated by Ferry " + FerryVersion.get() + " from " + from.name() + " for "
                + target.name() + ".\n\n";
        List<String> warnings = new ArrayList<>(manifest.warnings());
        warnings.addAll(translation.warnings());
        return new ImportPlan(scripts.schemaScript(schema, header),
                load(manifest, translation, scripts, header), scripts.postDataScript(schema, header),
                schema.schemas(), schema.tables().stream().anyMatch(t -> t.name().schema() != null),
                List.copyOf(warnings), null);
    }

    /** The plan for a directory written by DuckDB's own EXPORT DATABASE: its schema translated for the target. */
    static ImportPlan of(DuckDbExport export, Dialect target) throws SQLException {
        Dialect duckdb = Dialects.named("duckdb");
        SchemaTranslator.Translation translation = new SchemaTranslator(duckdb, target, Set.of())
                .translate(export.schema());
        DatabaseSchema schema = translation.schema();
        Map<QualifiedName, Table> exportedTables = new HashMap<>();
        export.schema().tables().forEach(table -> exportedTables.put(table.name(), table));
        List<TableLoad> loads = new ArrayList<>();
        for (DuckDbExport.TableLoad load : export.loads()) {
            Table exported = exportedTables.get(load.table());
            if (exported == null) {
                throw FerryErrors.data("IMPORT DATABASE: load.sql line " + load.line() + " loads " + load.table()
                        + ", which schema.sql does not create");
            }
            Table table = translation.table(load.table());
            List<String> columns = new ArrayList<>();
            List<String> named = load.columns().isEmpty()
                    ? exported.dataColumns().stream().map(Column::name).toList() : load.columns();
            for (String name : named) {
                int index = exported.columns().stream().map(Column::name).toList().indexOf(name);
                columns.add(target.quoteIdentifier(index < 0 ? name : table.columns().get(index).name()));
            }
            loads.add(new TableLoad(target.quote(table.name()), columns, load));
        }
        ScriptRenderer scripts = new ScriptRenderer(target);
        String header = "-- Translated by Ferry " + FerryVersion.get() + " from DuckDB's own export for "
                + target.name() + ".\n\n";
        List<String> warnings = new ArrayList<>(export.schema().warnings());
        warnings.addAll(translation.warnings());
        return new ImportPlan(scripts.schemaScript(schema, header), "", scripts.postDataScript(schema, header),
                schema.schemas(), schema.tables().stream().anyMatch(t -> t.name().schema() != null),
                List.copyOf(warnings), List.copyOf(loads));
    }

    private static SchemaFile schemaFile(ExportSource source, Dialect target) throws SQLException {
        try {
            return SchemaFile.read(source.directory());
        } catch (NoSuchFileException e) {
            throw FerryErrors.refused("IMPORT DATABASE: " + source.directory() + " was exported from "
                    + source.manifest().scriptsWrittenFor() + " without " + SchemaFile.NAME
                    + " (written by an earlier Ferry); it imports only into " + source.manifest().scriptsWrittenFor()
                    + ", not into " + target.name());
        } catch (IOException e) {
            throw FerryErrors.data("IMPORT DATABASE: " + e.getMessage(), e);
        }
    }

    /** One COPY per data file of the manifest, into its table as translated. */
    private static String load(Manifest manifest, SchemaTranslator.Translation translation, ScriptRenderer scripts,
                               String header) throws SQLException {
        StringBuilder load = new StringBuilder(header);
        for (Manifest.TableEntry entry : manifest.tables()) {
            Table table = translation.table(new QualifiedName(entry.schema(), entry.name()));
            if (table == null) {
                throw FerryErrors.data("IMPORT DATABASE: " + SchemaFile.NAME + " has no table "
                        + new QualifiedName(entry.schema(), entry.name()) + " for data file " + entry.file()
                        + " listed in the manifest");
            }
            load.append(scripts.copyFrom(table, entry.file(), manifest.options())).append(";\n");
        }
        return load.toString();
    }

    ImportPlan {
        Objects.requireNonNull(schema);
        schemas = List.copyOf(schemas);
        warnings = List.copyOf(warnings);
    }
}
