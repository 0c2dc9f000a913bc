package dev.ferry.core.model.options;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The options of EXPORT DATABASE: how the data files are written ({@link FormatOptions}, which COPY shares) and what
 * the export takes ({@code SCHEMAS}, EXPORT DATABASE's own). Only the format's reader options reach the export's
 * {@code load.sql}; SCHEMAS shapes what is exported, not how a file is read.
 *
 * @param format  how the data files are written
 * @param schemas the schemas to export as named, in the order named; empty for the default: every user schema
 *                (PostgreSQL, H2), the connection's current database (MariaDB)
 * @param dialect the engine the scripts are written for ({@code DIALECT}: h2, postgresql, mariadb, sqlite, duckdb), or
 *                null for the engine exported from
 */
public record ExportOptions(FormatOptions format, List<String> schemas, String dialect) {

    /** The defaults: {@link FormatOptions#DEFAULTS}, the default schemas. */
    public static final ExportOptions DEFAULTS = new ExportOptions(FormatOptions.DEFAULTS, List.of(), null);

    /** The option naming the engine the scripts are written for. */
    public static final String DIALECT = "DIALECT";

    /** The option naming the schemas to export. */
    public static final String SCHEMAS = "SCHEMAS";

    private static final String STATEMENT = "EXPORT DATABASE";
    private static final String VALID = "SCHEMAS (schema names separated by commas; on MariaDB, databases),"
            + " DIALECT (h2, postgresql, mariadb, sqlite or duckdb: the engine the scripts are written for)";

    public ExportOptions {
        if (format == null) {
            throw new IllegalArgumentException("format");
        }
        schemas = List.copyOf(schemas);
    }

    /** The given format options with the default schemas. */
    public static ExportOptions of(FormatOptions format) {
        return new ExportOptions(format, List.of(), null);
    }

    /**
     * Reads EXPORT DATABASE's options as given in the statement; names in any case.
     *
     * @throws SQLException (22023) for an unknown option, a bad value or an option of the other format, naming the
     *                      valid ones; for an empty SCHEMAS or a schema named twice
     */
    public static ExportOptions from(Map<String, String> options) throws SQLException {
        Map<String, String> formatOptions = new LinkedHashMap<>();
        List<String> schemas = List.of();
        String dialect = null;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            if (name.equals(SCHEMAS)) {
                schemas = schemaList(option.getValue());
            } else if (name.equals(DIALECT)) {
                dialect = option.getValue().strip().toLowerCase(Locale.ROOT);
            } else {
                formatOptions.put(option.getKey(), option.getValue());
            }
        }
        FormatOptions.refuseReaderOptions(formatOptions, STATEMENT);
        return new ExportOptions(FormatOptions.from(formatOptions, STATEMENT, VALID), schemas, dialect);
    }

    /** Whether the schemas to export are named, rather than the default ones. */
    public boolean schemasNamed() {
        return !schemas.isEmpty();
    }

    /**
     * {@code 'sales, hr'} as {@code [sales, hr]}: split at commas, each name trimmed and kept in its case.
     */
    static List<String> schemaList(String value) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw FerryErrors.invalidParameter("SCHEMAS must name one or more schemas separated by commas, got '"
                        + value + "'");
            }
            if (!names.add(name)) {
                throw FerryErrors.invalidParameter("SCHEMAS names " + name + " twice");
            }
        }
        return new ArrayList<>(names);
    }
}
