package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.dialect.duckdb.export.DuckDbExport;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.SchemaFile;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.operation.script.ScriptHeader;
import dev.ferry.core.operation.script.TargetScripts;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an import runs: the schema script, the data phase (a table load per data file, with any other statement of
 * an edited load.sql where it stands), then the post-data script. The scripts are the export's own where they are
 * written for the target's engine, its load.sql read once, as the data phase runs it ({@link LoadScriptReader}); else written anew for the
 * target ({@link TargetScripts}) from the export's {@code schema.json} with a load per data file of the manifest
 * ({@link ManifestLoads}), or from the schema a directory of DuckDB's own EXPORT DATABASE describes, with a load per
 * COPY of its load.sql ({@link DuckDbLoads}).
 *
 * @param schema         the schema script
 * @param loads          the data phase, in order
 * @param postData       the post-data script
 * @param schemas        the schemas the scripts create (MariaDB: databases)
 * @param qualifiedNames whether the scripts name objects with their schemas
 * @param defaultSchemaToo whether the scripts, naming objects with their schemas, also create some in the target's
 *                       default schema (MariaDB: the importing connection's database), named without one
 * @param warnings       what the export did not carry, then what the translation did not
 * @param totals         the files and rows the data phase loads
 * @param created        what the scripts create, as Ferry's model names it for the target (VERIFY DATABASE compares
 *                       it with the database); null where the export does not say (an earlier Ferry's export without
 *                       schema.json)
 * @param contents       what the export holds: the schema and the data, or one of them (its manifest's
 *                       {@code contents}); a DATA_ONLY export's scripts create nothing
 */
record ImportPlan(String schema, LoadSteps loads, String postData, List<String> schemas, boolean qualifiedNames,
                  boolean defaultSchemaToo, List<String> warnings, DataTotals totals, DatabaseSchema created,
                  ExportContents contents) {

    ImportPlan {
        Objects.requireNonNull(schema);
        Objects.requireNonNull(loads);
        schemas = List.copyOf(schemas);
        warnings = List.copyOf(warnings);
    }

    static ImportPlan of(ExportSource source, Dialect target) throws SQLException {
        Manifest manifest = source.manifest();
        if (manifest.scriptsWrittenFor().equals(target.name())) {
            if (!manifest.source().dialect().equals(target.name())) {
                return writtenForTargetByAnother(source, target);
            }
            SchemaFile file = schemaFileIfAny(source);
            return new ImportPlan(source.schema(), LoadScriptReader.read(source), source.postData(),
                    manifest.schemas(), manifest.qualifiedNames(), false, source.warnings(), DataTotals.of(manifest),
                    file == null ? null : file.schema(), contents(manifest));
        }
        TargetScripts scripts = translation(source, target, schemaFile(source, target))
                .withContents(contents(manifest));
        return translated(scripts, ManifestLoads.of(source, scripts, target), source.warnings(),
                DataTotals.of(manifest), contents(manifest));
    }

    /**
     * An export another engine wrote for the target ({@code DIALECT}): its own scripts, which name the schemas as the
     * translation for the target does, not as the manifest's source schemas are named (PostgreSQL's {@code public}
     * is MariaDB's current database), so the schemas and names the import writes to are the translation's.
     */
    private static ImportPlan writtenForTargetByAnother(ExportSource source, Dialect target) throws SQLException {
        Manifest manifest = source.manifest();
        List<String> schemas = manifest.schemas();
        boolean qualifiedNames = manifest.qualifiedNames();
        boolean defaultSchemaToo = false;
        SchemaFile file = schemaFileIfAny(source);
        DatabaseSchema created = null;
        if (file != null) {
            TargetScripts scripts = translation(source, target, file);
            created = scripts.schema();
            schemas = scripts.schema().schemas();
            qualifiedNames = scripts.qualifiedNames();
            defaultSchemaToo = scripts.defaultSchemaToo();
        }
        return new ImportPlan(source.schema(), LoadScriptReader.read(source), source.postData(), schemas,
                qualifiedNames, defaultSchemaToo, source.warnings(), DataTotals.of(manifest), created,
                contents(manifest));
    }

    /** The export's schema translated for {@code target}, as EXPORT's DIALECT or IMPORT from another engine does. */
    private static TargetScripts translation(ExportSource source, Dialect target, SchemaFile file)
            throws SQLException {
        Manifest manifest = source.manifest();
        Dialect from = Dialects.named(file.dialect());
        Set<String> implicitSchemas = manifest.qualifiedNames() ? Set.of() : Set.copyOf(manifest.schemas());
        return TargetScripts.translated(file.schema(), from, target, implicitSchemas,
                ScriptHeader.translated(from.name(), target));
    }

    private static SchemaFile schemaFileIfAny(ExportSource source) throws SQLException {
        try {
            return SchemaFile.read(source.directory());
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw FerryErrors.data("IMPORT DATABASE: " + e.getMessage(), e);
        }
    }

    /** The plan for a directory written by DuckDB's own EXPORT DATABASE: its schema translated for the target. */
    static ImportPlan of(DuckDbExport export, Dialect target) throws SQLException {
        TargetScripts scripts = TargetScripts.translated(export.schema(), Dialects.named("duckdb"), target, Set.of(),
                ScriptHeader.translated("DuckDB's own export", target));
        return translated(scripts, DuckDbLoads.of(export, scripts, target), export.schema().warnings(),
                DataTotals.UNKNOWN, ExportContents.ALL);
    }

    private static ImportPlan translated(TargetScripts scripts, LoadSteps loads, List<String> exportWarnings,
                                         DataTotals totals, ExportContents contents) {
        List<String> warnings = new ArrayList<>(exportWarnings);
        warnings.addAll(scripts.warnings());
        return new ImportPlan(scripts.schemaScript(), loads, scripts.postDataScript(), scripts.schema().schemas(),
                scripts.qualifiedNames(), scripts.defaultSchemaToo(), warnings, totals, scripts.schema(), contents);
    }

    private static ExportContents contents(Manifest manifest) {
        return ExportContents.ofManifest(manifest.contents());
    }

    /**
     * Where the plan's objects are: the whole database; on MariaDB, whose schemas are databases, the connection's
     * current database for an export whose scripts name none, else the databases the export names (and creates),
     * with the current one where the scripts also name objects without a database (another engine's default schema,
     * such as PostgreSQL's {@code public}, beside a schema of its own).
     */
    SchemaScope scope(Connection connection, Dialect dialect) throws SQLException {
        if (!dialect.capabilities().schemasAreCatalogs() || !qualifiedNames) {
            return SchemaScope.DEFAULT;
        }
        List<String> all = new ArrayList<>(schemas);
        String current = connection.getCatalog();
        if (defaultSchemaToo && current != null && !all.contains(current)) {
            all.add(current);
        }
        return SchemaScope.of(all);
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
}
