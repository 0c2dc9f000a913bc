package dev.ferry.core.model.manifest;

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
 */
public record Manifest(int formatVersion, String ferryVersion, String createdAt, Source source,
                       Map<String, String> options, List<String> schemas, boolean qualifiedNames, String scriptDialect,
                       List<TableEntry> tables, List<String> warnings) {

    /** The layout version this Ferry writes and reads. */
    public static final int FORMAT_VERSION = 1;

    public Manifest {
        options = Collections.unmodifiableMap(new LinkedHashMap<>(options));
        schemas = schemas == null ? List.of() : List.copyOf(schemas);
        tables = List.copyOf(tables);
        warnings = List.copyOf(warnings);
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
     * One table's data file.
     *
     * @param schema the table's schema, or null
     * @param name   the table's name
     * @param file   the data file, relative to the export directory
     * @param rows   rows in the file
     * @param bytes  the file's size
     * @param sha256 the file's SHA-256 checksum
     */
    public record TableEntry(String schema, String name, String file, long rows, long bytes, String sha256) {
    }
}
