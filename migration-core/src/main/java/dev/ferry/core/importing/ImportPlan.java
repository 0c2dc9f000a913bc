package dev.ferry.core.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.manifest.Manifest;
import dev.ferry.core.manifest.SchemaFile;
import dev.ferry.core.schema.DatabaseSchema;
import dev.ferry.core.schema.QualifiedName;
import dev.ferry.core.schema.Table;
import dev.ferry.core.script.ScriptRenderer;
import dev.ferry.core.translate.SchemaTranslator;
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
 * it from the export's {@code schema.json} ({@link SchemaTranslator}).
 *
 * @param schema         the schema script
 * @param load           the load script
 * @param postData       the post-data script
 * @param schemas        the schemas the scripts create (MariaDB: databases)
 * @param qualifiedNames whether the scripts name objects with their schemas
 * @param warnings       what the export did not carry, then what the translation did not
 */
record ImportPlan(String schema, String load, String postData, List<String> schemas, boolean qualifiedNames,
                  List<String> warnings) {

    static ImportPlan of(ExportSource source, Dialect target) throws SQLException {
        Manifest manifest = source.manifest();
        if (manifest.scriptsWrittenFor().equals(target.name())) {
            return new ImportPlan(source.schema(), source.load(), source.postData(), manifest.schemas(),
                    manifest.qualifiedNames(), manifest.warnings());
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
                load(manifest, file.schema(), schema, scripts, header), scripts.postDataScript(schema, header),
                schema.schemas(), schema.tables().stream().anyMatch(t -> t.name().schema() != null),
                List.copyOf(warnings));
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
    private static String load(Manifest manifest, DatabaseSchema exported, DatabaseSchema translated,
                               ScriptRenderer scripts, String header) throws SQLException {
        Map<QualifiedName, Table> byExportedName = new HashMap<>();
        for (int i = 0; i < exported.tables().size(); i++) {
            byExportedName.put(exported.tables().get(i).name(), translated.tables().get(i));
        }
        StringBuilder load = new StringBuilder(header);
        for (Manifest.TableEntry entry : manifest.tables()) {
            Table table = byExportedName.get(new QualifiedName(entry.schema(), entry.name()));
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
