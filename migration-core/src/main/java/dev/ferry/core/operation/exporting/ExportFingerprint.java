package dev.ferry.core.operation.exporting;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.ExportContents;
import dev.ferry.core.model.options.ExportOptions;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.options.ParquetTypes;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What decides an export's data files, recorded when it begins, so that a resumed export (RESUME) adds files only to
 * a directory begun with the same: the options that shape the files, the source, each table's columns and key, and
 * {@code schema.sql} as written. JOBS is not in it: the files are the same whatever the number of connections.
 *
 * @param settings     each setting by the name a message gives it (FORMAT, CHUNK_ROWS, ...), as text
 * @param tables       each table's digest (its data columns with their types, and its primary key) by its name
 * @param schemaScript the SHA-256 of {@code schema.sql}
 */
record ExportFingerprint(Map<String, String> settings, Map<String, String> tables, String schemaScript) {

    ExportFingerprint {
        settings = new LinkedHashMap<>(settings);
        tables = new LinkedHashMap<>(tables);
    }

    /**
     * The fingerprint of an export of {@code tables} whose scripts are {@code schemaScript}.
     *
     * @param settings the settings, by name, in the order a message lists them
     */
    static ExportFingerprint of(Map<String, String> settings, List<Table> tables, String schemaScript) {
        Map<String, String> digests = new LinkedHashMap<>();
        for (Table table : tables) {
            digests.put(table.name().toString(), digest(table));
        }
        return new ExportFingerprint(settings, digests, sha256(schemaScript));
    }

    /**
     * The settings that decide an export's files, by the names a message gives them: the format's options, the
     * dialect of the scripts, the schemas named, TABLES, EXCLUDE_TABLES, SCHEMA_ONLY or DATA_ONLY, CHUNK_ROWS, the
     * source (engine, version and database, read on
     * {@code connection}) and Ferry's version. Not JOBS: the files are the same whatever it is.
     */
    static Map<String, String> settings(Connection connection, Dialect dialect, Dialect scriptDialect,
                                        ExportOptions options) throws SQLException {
        FormatOptions format = options.format();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("FORMAT", format.format().optionValue());
        if (format.format() == DataFormat.CSV) {
            settings.put("HEADER", Boolean.toString(format.header()));
            settings.put("DELIMITER", String.valueOf(format.delimiter()));
            settings.put("QUOTE", String.valueOf(format.quote()));
            if (format.csvCompression().exported() != CsvCompression.NONE) {
                // Only where compressed: an unfinished export of an earlier Ferry, which had no such option, resumes.
                settings.put("COMPRESSION", format.csvCompression().exported().optionValue());
            }
        } else {
            settings.put("COMPRESSION", format.compression().name().toLowerCase(Locale.ROOT));
            settings.put("ROW_GROUP_SIZE", Integer.toString(format.rowGroupRows()));
            settings.put(ParquetTypes.OPTION, format.parquetTypes().optionValue());
        }
        settings.put("DIALECT", scriptDialect.name());
        settings.put("SCHEMAS", String.join(", ", options.schemas()));
        // Only where given, so that an export begun without them reads as before.
        if (!options.tables().isEmpty()) {
            settings.put(ExportOptions.TABLES, String.join(", ", options.tables()));
        }
        if (!options.excludeTables().isEmpty()) {
            settings.put(ExportOptions.EXCLUDE_TABLES, String.join(", ", options.excludeTables()));
        }
        if (options.contents() != ExportContents.ALL) {
            settings.put(options.contents().name(), "true");
        }
        settings.put("CHUNK_ROWS", Long.toString(options.chunkRows()));
        DatabaseMetaData metaData = connection.getMetaData();
        settings.put("the source", metaData.getDatabaseProductName() + " " + metaData.getDatabaseProductVersion()
                + (connection.getCatalog() == null ? "" : ", database " + connection.getCatalog()) + " ("
                + dialect.name() + ")");
        settings.put("Ferry's version", FerryVersion.get());
        return settings;
    }

    /**
     * How {@code now} differs from this, the fingerprint the unfinished export was begun with, in words: each setting
     * that differs with both values, each table added, dropped or changed; {@code schema.sql} where only it differs.
     * Empty where they are the same.
     */
    List<String> differences(ExportFingerprint now) {
        List<String> differences = new ArrayList<>();
        for (String name : union(settings, now.settings)) {
            String was = settings.get(name);
            String is = now.settings.get(name);
            if (!Objects.equals(was, is)) {
                differences.add(name + " was " + shown(was) + ", now " + shown(is));
            }
        }
        for (String table : union(tables, now.tables)) {
            String was = tables.get(table);
            String is = now.tables.get(table);
            if (was == null) {
                differences.add("table " + table + " was added");
            } else if (is == null) {
                differences.add("table " + table + " was dropped");
            } else if (!was.equals(is)) {
                differences.add("table " + table + " has other columns or another primary key");
            }
        }
        if (differences.isEmpty() && !Objects.equals(schemaScript, now.schemaScript)) {
            differences.add("schema.sql differs (a schema, type, sequence, key, check or comment changed)");
        }
        return differences;
    }

    private static List<String> union(Map<String, String> a, Map<String, String> b) {
        List<String> names = new ArrayList<>(a.keySet());
        b.keySet().stream().filter(name -> !a.containsKey(name)).forEach(names::add);
        return names;
    }

    private static String shown(String value) {
        return value == null ? "not given" : "'" + value + "'";
    }

    /** A table's data columns, their types, and its primary key: what its data files hold and how it is split. */
    private static String digest(Table table) {
        StringBuilder text = new StringBuilder();
        for (Column column : table.dataColumns()) {
            text.append(column.name()).append('\u0000').append(column.typeName()).append('\u0000')
                    .append(column.jdbcType()).append('\u0000').append(column.size()).append('\u0000')
                    .append(column.scale()).append('\u0000').append(column.nullable()).append('\n');
        }
        text.append("primary key: ").append(table.primaryKey() == null ? "" : table.primaryKey().columns());
        return sha256(text.toString());
    }

    private static String sha256(String text) {
        return HexFormat.of().formatHex(FileChecksum.sha256Digest().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
