package dev.ferry.core.model.manifest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code manifest.json}: what an export holds, written last so that its presence means the export is complete.
 *
 * @param formatVersion the version of the export layout; IMPORT refuses versions it does not know
 * @param ferryVersion  the Ferry version that wrote it
 * @param createdAt     when the export finished, ISO 8601 in UTC
 * @param source        the engine exported from
 * @param options       the options the export was run with, as a reader of its data files needs them
 * @param schemas       the schemas exported (MariaDB: databases), by their names in the source; empty in manifests
 *                      written before Ferry recorded them
 * @param qualifiedNames whether the scripts name each object with its schema, so that IMPORT creates those schemas;
 *                      false where they name none (MariaDB's current database, exported without SCHEMAS, is loaded
 *                      into the importing connection's database)
 * @param scriptDialect the dialect the scripts are written for ({@code DIALECT} of EXPORT); null in manifests written
 *                      before Ferry recorded it, whose scripts are written for the source's dialect
 * @param tables        one entry per table, in load order
 * @param warnings      what was not carried
 * @param scripts       each script's SHA-256 (lower-case hex) by its file name, which IMPORT checks; empty in manifests
 *                      written before Ferry recorded them
 * @param snapshot      {@value #RESUMED} where the data files were read in more than one snapshot (an export resumed
 *                      with {@code RESUME}: see {@code runs}); {@value #PER_FILE} where each was read in a snapshot of
 *                      its own (an export split over other processes); null (and left out of the JSON) where all were read in
 *                      one, as in every export not resumed and every manifest written before Ferry could resume
 * @param runs          a resumed export's runs, oldest first, each with when it read and the data files it read;
 *                      null (left out) where {@code snapshot} is
 * @param contents      {@value #SCHEMA_ONLY} where the export holds the schema alone ({@code SCHEMA_ONLY}: no data
 *                      files), {@value #DATA_ONLY} where it holds the data alone ({@code DATA_ONLY}: schema.sql
 *                      creates nothing, for a database that has the schema); null (left out) where it holds both, as
 *                      every export did before these options
 */
public record Manifest(int formatVersion, String ferryVersion, String createdAt, Source source,
                       Map<String, String> options, List<String> schemas, boolean qualifiedNames, String scriptDialect,
                       List<TableEntry> tables, List<String> warnings, Map<String, String> scripts,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String snapshot,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<Run> runs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) String contents) {

    /** The layout version of an export whose tables are each one data file; Ferry writes it where none is chunked. */
    public static final int FORMAT_VERSION = 1;

    /**
     * The layout version of an export with a table written as several data files ({@link TableEntry#chunks}), which a
     * Ferry that reads only version {@value #FORMAT_VERSION} refuses by its version rather than misreads.
     */
    public static final int CHUNKED_FORMAT_VERSION = 2;

    /**
     * The layout version of an export whose Parquet files hold Spark's types ({@code PARQUET_TYPES spark}: times as
     * plain numbers, UUIDs as text), which a Ferry that reads only the versions before would load as numbers and text:
     * it refuses the export by its version instead. Such an export may hold chunked tables too.
     */
    public static final int SPARK_TYPES_FORMAT_VERSION = 3;

    /**
     * The layout version of an export that holds the schema or the data alone ({@link #contents}), which a Ferry that
     * reads only the versions before would misread (it would load a data-only export's COPYs into a database without
     * its tables, and find a schema-only export's database matching without comparing a table): it refuses the export
     * by its version instead. Such an export may hold chunked tables and Spark's types too.
     */
    public static final int PARTIAL_CONTENTS_FORMAT_VERSION = 4;

    /** {@link #contents} of an export of the schema alone. */
    public static final String SCHEMA_ONLY = "schema";

    /** {@link #contents} of an export of the data alone. */
    public static final String DATA_ONLY = "data";

    /** {@link #snapshot} of an export whose data files were read in several snapshots, one per run. */
    public static final String RESUMED = "resumed";

    /**
     * {@link #snapshot} of an export whose data files were each read in a transaction of its own, by other processes
     * ({@code SplitExport}: Spark's executors): files of a database written to meanwhile may not agree.
     */
    public static final String PER_FILE = "per-file";

    /** Whether this Ferry reads an export of layout version {@code version}. */
    public static boolean readsVersion(int version) {
        return version == FORMAT_VERSION || version == CHUNKED_FORMAT_VERSION || version == SPARK_TYPES_FORMAT_VERSION
                || version == PARTIAL_CONTENTS_FORMAT_VERSION;
    }

    /** The layout version of an export holding {@code tables}: the oldest that can describe them. */
    public static int versionFor(List<TableEntry> tables) {
        return versionFor(tables, false);
    }

    /**
     * The layout version of an export holding {@code tables}, its Parquet files in Spark's types or not: the oldest
     * that can describe them.
     */
    public static int versionFor(List<TableEntry> tables, boolean sparkTypes) {
        return versionFor(tables, sparkTypes, null);
    }

    /**
     * The layout version of an export holding {@code tables}, its Parquet files in Spark's types or not, the schema or
     * the data alone ({@code contents}, as {@link #contents}) or both: the oldest that can describe them.
     */
    public static int versionFor(List<TableEntry> tables, boolean sparkTypes, String contents) {
        return contents != null ? PARTIAL_CONTENTS_FORMAT_VERSION : sparkTypes ? SPARK_TYPES_FORMAT_VERSION
                : tables.stream().anyMatch(TableEntry::chunked) ? CHUNKED_FORMAT_VERSION : FORMAT_VERSION;
    }

    public Manifest {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
        scripts = scripts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(scripts));
        runs = runs == null ? null : List.copyOf(runs);
    }

    /** The manifest of an export of the schema and the data. */
    public Manifest(int formatVersion, String ferryVersion, String createdAt, Source source,
                    Map<String, String> options, List<String> schemas, boolean qualifiedNames, String scriptDialect,
                    List<TableEntry> tables, List<String> warnings, Map<String, String> scripts, String snapshot,
                    List<Run> runs) {
        this(formatVersion, ferryVersion, createdAt, source, options, schemas, qualifiedNames, scriptDialect, tables,
                warnings, scripts, snapshot, runs, null);
    }

    /** The manifest of an export read in one snapshot. */
    public Manifest(int formatVersion, String ferryVersion, String createdAt, Source source,
                    Map<String, String> options, List<String> schemas, boolean qualifiedNames, String scriptDialect,
                    List<TableEntry> tables, List<String> warnings, Map<String, String> scripts) {
        this(formatVersion, ferryVersion, createdAt, source, options, schemas, qualifiedNames, scriptDialect, tables,
                warnings, scripts, null, null);
    }

    /** Whether the data files were read in more than one snapshot (a resumed export). */
    @JsonIgnore
    public boolean resumed() {
        return RESUMED.equals(snapshot);
    }

    /** Whether the export holds the schema alone ({@code SCHEMA_ONLY}). */
    @JsonIgnore
    public boolean schemaOnly() {
        return SCHEMA_ONLY.equals(contents);
    }

    /** Whether the export holds the data alone ({@code DATA_ONLY}), for a database that has the schema. */
    @JsonIgnore
    public boolean dataOnly() {
        return DATA_ONLY.equals(contents);
    }

    /** The dialect the scripts are written for: that of {@code DIALECT}, else the source's. */
    public String scriptsWrittenFor() {
        return scriptDialect != null ? scriptDialect : source.dialect();
    }

    /**
     * The engine an export was taken from.
     *
     * @param engine        the product name, as the driver reports it
     * @param version       the product version
     * @param driver        the JDBC driver's name
     * @param driverVersion the JDBC driver's version
     * @param dialect       the Ferry dialect used
     */
    public record Source(String engine, String version, String driver, String driverVersion, String dialect) {
    }

    /**
     * One table's data: one file, or (a chunked table) several, each holding a range of its key.
     *
     * @param schema the table's schema, or null
     * @param name   the table's name
     * @param file   the data file, relative to the export directory; null for a chunked table
     * @param rows   rows in the table (all its chunks)
     * @param bytes  the size of its data (all its chunks)
     * @param sha256 the data file's SHA-256 checksum; null for a chunked table
     * @param chunks a chunked table's data files, in key order; null (and left out of the JSON) for a table written
     *               as one file, as in every export of layout version {@value #FORMAT_VERSION}
     */
    public record TableEntry(String schema, String name, String file, long rows, long bytes, String sha256,
                             @JsonInclude(JsonInclude.Include.NON_NULL) List<DataFile> chunks) {

        public TableEntry {
            chunks = chunks == null ? null : List.copyOf(chunks);
        }

        /** A table written as one data file. */
        public TableEntry(String schema, String name, String file, long rows, long bytes, String sha256) {
            this(schema, name, file, rows, bytes, sha256, null);
        }

        /** A table written as the data files {@code chunks}; its rows and bytes are theirs added up. */
        public static TableEntry chunked(String schema, String name, List<DataFile> chunks) {
            return new TableEntry(schema, name, null, chunks.stream().mapToLong(DataFile::rows).sum(),
                    chunks.stream().mapToLong(DataFile::bytes).sum(), null, chunks);
        }

        /** Whether the table is written as several data files. */
        @JsonIgnore
        public boolean chunked() {
            return chunks != null;
        }

        /** The table's data files: its chunks, else its one file. */
        @JsonIgnore
        public List<DataFile> files() {
            return chunked() ? chunks : List.of(new DataFile(file, rows, bytes, sha256));
        }
    }

    /**
     * One data file of a chunked table.
     *
     * @param file   the file, relative to the export directory
     * @param rows   rows in the file
     * @param bytes  the file's size
     * @param sha256 the file's SHA-256 checksum
     */
    public record DataFile(String file, long rows, long bytes, String sha256) {
    }

    /**
     * One run of a resumed export: the data files it read, all in one snapshot.
     *
     * @param readAt when its snapshot began, ISO 8601 in UTC
     * @param files  the data files it read, relative to the export directory, in the manifest's order
     */
    public record Run(String readAt, List<String> files) {
        public Run {
            files = List.copyOf(files);
        }
    }
}
