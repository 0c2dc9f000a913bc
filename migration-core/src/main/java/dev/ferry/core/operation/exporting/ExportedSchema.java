package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.SchemaReader;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetTypes;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.SchemaScope;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.TableChoice;
import dev.ferry.core.operation.script.ScriptHeader;
import dev.ferry.core.operation.script.TargetScripts;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What an export holds besides its rows, read before any row is: the schema, the scripts for the engine they are
 * written for, and how the data files are named.
 *
 * @param dialect        the exported database's dialect
 * @param scriptDialect  the dialect the scripts are written for
 * @param schema         the schema as read
 * @param schemas        the schemas the export holds (the manifest's {@code schemas})
 * @param qualifiedNames whether the scripts name each object with its schema
 * @param scripts        the scripts
 * @param schemaScript   the schema script's text, rendered once: the resume fingerprint and schema.sql are the same
 * @param fileNames      names the data files
 * @param contents       what the export holds: the schema, the data, or both
 */
record ExportedSchema(Dialect dialect, Dialect scriptDialect, DatabaseSchema schema, List<String> schemas,
                      boolean qualifiedNames, TargetScripts scripts, String schemaScript, DataFileNames fileNames,
                      ExportContents contents) {

    /**
     * Reads the schemas of {@code scope} on {@code connection}, in its open read transaction: the tables
     * {@code options} choose (TABLES, EXCLUDE_TABLES), the scripts for what they hold (SCHEMA_ONLY, DATA_ONLY).
     */
    static ExportedSchema read(Connection connection, Dialect dialect, Dialect scriptDialect, SchemaScope scope,
                               ExportOptions exportOptions) throws SQLException {
        FormatOptions options = exportOptions.format();
        DatabaseSchema schema = new SchemaReader(connection, dialect, scope,
                new TableChoice(exportOptions.tables(), exportOptions.excludeTables())).read();
        List<String> schemas = exportedSchemas(connection, dialect, scope, schema);
        boolean qualifiedNames = !(dialect.capabilities().schemasAreCatalogs() && scope.isDefault());
        TargetScripts scripts = scripts(connection, schema, dialect, scriptDialect,
                qualifiedNames ? Set.of() : Set.copyOf(schemas)).withContents(exportOptions.contents());
        // Spark's types are not DuckDB's own IMPORT's to read (TIME as numbers): such an export is for a data lake.
        DataFileNames fileNames = new DataFileNames(options.fileExtension(),
                scriptDialect.capabilities().importFindsDataFilesByName()
                        && options.parquetTypes() != ParquetTypes.SPARK);
        return new ExportedSchema(dialect, scriptDialect, schema, schemas, qualifiedNames, scripts,
                scripts.schemaScript(), fileNames, exportOptions.contents());
    }

    /** The tables whose rows are read: none for SCHEMA_ONLY. */
    List<Table> tablesRead() {
        return contents.hasData() ? schema.tables() : List.of();
    }

    /** What the schema and the scripts could not carry, as the manifest lists it; a new list. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>(schema.warnings());
        warnings.addAll(scripts.warnings());
        return warnings;
    }

    /**
     * The scripts for {@code scriptDialect}: the schema as read where that is the source's dialect, else translated
     * for it.
     *
     * @param defaultSchemas the schemas the scripts name no objects in (MariaDB's current database)
     */
    private static TargetScripts scripts(Connection connection, DatabaseSchema schema, Dialect dialect,
                                         Dialect scriptDialect, Set<String> defaultSchemas) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        ScriptHeader header = ScriptHeader.exported(metaData.getDatabaseProductName() + " "
                + metaData.getDatabaseProductVersion(), dialect, scriptDialect);
        return scriptDialect == dialect ? TargetScripts.asRead(schema, dialect, header)
                : TargetScripts.exported(schema, dialect, scriptDialect, defaultSchemas, header);
    }

    /**
     * The schemas the export holds: those named, else those it creates, else (MariaDB's current database, whose objects
     * the scripts name without it) the connection's catalog.
     */
    private static List<String> exportedSchemas(Connection connection, Dialect dialect, SchemaScope scope,
                                                DatabaseSchema schema) throws SQLException {
        if (!scope.isDefault()) {
            return scope.named();
        }
        if (dialect.capabilities().schemasAreCatalogs()) {
            String catalog = connection.getCatalog();
            return catalog == null ? List.of() : List.of(catalog);
        }
        return schema.schemas();
    }
}
