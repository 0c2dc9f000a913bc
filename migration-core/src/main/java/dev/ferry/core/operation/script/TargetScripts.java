package dev.ferry.core.operation.script;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.TableOrder;
import dev.ferry.core.operation.translate.SchemaTranslator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A schema as the scripts of one engine: translated from the engine it was read from where that is another
 * ({@link SchemaTranslator}), rendered in the target's SQL ({@link ScriptRenderer}), each script under its
 * {@link ScriptHeader}. EXPORT DATABASE writes these scripts, for the source's engine or the one DIALECT names;
 * IMPORT DATABASE runs them where the export it reads was written for another engine.
 */
public final class TargetScripts {
    private final DatabaseSchema schema;
    private final Map<QualifiedName, Table> tables;
    private final List<String> warnings;
    private final ScriptHeader header;
    private final ScriptRenderer renderer;
    private final Dialect target;
    private final ExportContents contents;

    private TargetScripts(Dialect target, DatabaseSchema schema, Map<QualifiedName, Table> tables,
                          List<String> warnings, ScriptHeader header, ExportContents contents) {
        this.target = target;
        this.schema = schema;
        this.tables = tables;
        this.warnings = List.copyOf(warnings);
        this.header = header;
        this.renderer = new ScriptRenderer(target);
        this.contents = contents;
    }

    /**
     * These scripts for an export holding {@code contents}: for {@link ExportContents#DATA_ONLY}, a schema script
     * that creates nothing, the tables loaded referenced ones first (their foreign keys are in place), and a post-data
     * script of the sequences' and identities' positions alone; otherwise these.
     */
    public TargetScripts withContents(ExportContents contents) {
        return new TargetScripts(target, schema, tables, warnings, header, contents);
    }

    /** The scripts of {@code schema} for the engine it was read from, as it was read. */
    public static TargetScripts asRead(DatabaseSchema schema, Dialect dialect, ScriptHeader header) {
        Map<QualifiedName, Table> tables = new HashMap<>();
        schema.tables().forEach(table -> tables.put(table.name(), table));
        return new TargetScripts(dialect, schema, tables, List.of(), header, ExportContents.ALL);
    }

    /**
     * The scripts of {@code schema}, read from {@code source}, translated for {@code target}.
     *
     * @param defaultSchemas the source's schemas that become the target's default schema, besides the source's own
     *                       default (see {@link SchemaTranslator#SchemaTranslator})
     */
    public static TargetScripts translated(DatabaseSchema schema, Dialect source, Dialect target,
                                           Set<String> defaultSchemas, ScriptHeader header) throws SQLException {
        return translated(new SchemaTranslator(source, target, defaultSchemas), schema, target, header);
    }

    /**
     * As {@link #translated}, for the scripts of an export, which the target engine's own IMPORT may run
     * ({@link SchemaTranslator#forEnginesOwnImport}).
     */
    public static TargetScripts exported(DatabaseSchema schema, Dialect source, Dialect target,
                                         Set<String> defaultSchemas, ScriptHeader header) throws SQLException {
        return translated(new SchemaTranslator(source, target, defaultSchemas).forEnginesOwnImport(), schema, target,
                header);
    }

    private static TargetScripts translated(SchemaTranslator translator, DatabaseSchema schema, Dialect target,
                                            ScriptHeader header) throws SQLException {
        SchemaTranslator.Translation translation = translator.translate(schema);
        return new TargetScripts(target, translation.schema(), translation.tables(), translation.warnings(),
                header, ExportContents.ALL);
    }

    /** The schema as the scripts create it. */
    public DatabaseSchema schema() {
        return schema;
    }

    /** The table the source calls {@code name}, as the scripts create it; null where the schema has none. */
    public Table table(QualifiedName name) {
        return tables.get(name);
    }

    /** What the translation could not carry; empty for scripts written as the schema was read. */
    public List<String> warnings() {
        return warnings;
    }

    /** Whether the scripts name tables with their schemas. */
    public boolean qualifiedNames() {
        return schema.tables().stream().anyMatch(table -> table.name().schema() != null);
    }

    /**
     * Whether the scripts, naming some objects with their schemas, also name others without one: those land in the
     * target's default schema (on MariaDB, the importing connection's database), as PostgreSQL's {@code public} does
     * beside another schema.
     */
    public boolean defaultSchemaToo() {
        return qualifiedNames() && (schema.tables().stream().anyMatch(t -> t.name().schema() == null)
                || schema.views().stream().anyMatch(v -> v.name().schema() == null)
                || schema.sequences().stream().anyMatch(q -> q.name().schema() == null));
    }

    /** {@value ExportLayout#SCHEMA}: see {@link ScriptRenderer#schemaScript}. */
    public String schemaScript() {
        if (contents == ExportContents.DATA_ONLY) {
            return header.of(ExportLayout.SCHEMA) + "-- Nothing: a DATA_ONLY export loads into the tables of a"
                    + " database that has the schema.\n";
        }
        return renderer.schemaScript(schema, header.of(ExportLayout.SCHEMA));
    }

    /**
     * {@code files} in the order they are loaded: that of the tables in the schema, referenced ones first, where the
     * target checks each row's keys as it loads ({@link dev.ferry.core.dialect.Capabilities#foreignKeysCheckedWhileLoading});
     * else as given.
     *
     * @param files the data files, each with the source's name of its table
     */
    public List<Manifest.TableEntry> loadOrder(List<Manifest.TableEntry> files) {
        boolean keysInPlace = contents == ExportContents.DATA_ONLY;
        if (!target.capabilities().foreignKeysCheckedWhileLoading() && !keysInPlace) {
            return files;
        }
        Map<QualifiedName, Integer> position = new HashMap<>();
        List<Table> ordered = keysInPlace ? TableOrder.referencedFirst(schema.tables(), schema.foreignKeys())
                : schema.tables();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).name(), i);
        }
        List<Manifest.TableEntry> sorted = new ArrayList<>(files);
        sorted.sort(Comparator.comparingInt(file -> {
            Table table = table(new QualifiedName(file.schema(), file.name()));
            return table == null ? Integer.MAX_VALUE : position.getOrDefault(table.name(), Integer.MAX_VALUE);
        }));
        return sorted;
    }

    /**
     * {@value ExportLayout#LOAD}: one {@code COPY ... FROM} per data file (a chunked table's one after another), into
     * its table as the scripts create it, in {@link #loadOrder}.
     *
     * @param files         the data files, each with the source's name of its table; every table must be there
     * @param readerOptions the options a reader of the files needs
     *                      ({@link dev.ferry.core.model.options.FormatOptions#readerOptions})
     */
    public String loadScript(List<Manifest.TableEntry> files, Map<String, String> readerOptions) {
        StringBuilder load = new StringBuilder(header.of(ExportLayout.LOAD));
        for (Manifest.TableEntry file : loadOrder(files)) {
            Table table = table(new QualifiedName(file.schema(), file.name()));
            for (Manifest.DataFile data : file.files()) {
                load.append(renderer.copyFrom(table, data.file(), readerOptions)).append(";\n");
            }
        }
        return load.toString();
    }

    /** {@value ExportLayout#POST_DATA}: see {@link ScriptRenderer#postDataScript}. */
    public String postDataScript() {
        if (contents == ExportContents.DATA_ONLY) {
            return renderer.positionsScript(schema, header.of(ExportLayout.POST_DATA) + "-- DATA_ONLY: the"
                    + " sequences' and identity columns' positions alone.\n");
        }
        return renderer.postDataScript(schema, header.of(ExportLayout.POST_DATA));
    }
}
