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
 * the export takes ({@code SCHEMAS}, {@code TABLES}, {@code EXCLUDE_TABLES}, {@code SCHEMA_ONLY}, {@code DATA_ONLY},
 * EXPORT DATABASE's own). Only the format's reader options reach the export's {@code load.sql}; the others shape what
 * is exported, not how a file is read. Each option is described in {@link StatementOption}.
 *
 * @param format  how the data files are written
 * @param schemas the schemas to export as named, in the order named; empty for the default: every user schema
 *                (PostgreSQL, H2), the connection's current database (MariaDB)
 * @param dialect the engine the scripts are written for ({@code DIALECT}: a dialect's name, such as
 *                {@code postgresql}; an unknown one is refused with the names there are when the export starts), or
 *                null for the engine exported from
 * @param jobs    how many connections read tables at once ({@code JOBS}, 1 to {@value #MAX_JOBS}), or 0 where not
 *                given: then {@link #defaultJobs()}
 * @param chunkRows the rows above which a table with a single-column integer primary key is written as several data
 *                files, split by ranges of its key ({@code CHUNK_ROWS}); 0 for never
 * @param resume  whether an export to the same directory that did not finish is resumed ({@code RESUME}): the data
 *                files it finished are kept and only the others read; false to remove it and export afresh
 * @param tables  the tables, views and sequences to export, as names or patterns ({@code TABLES}), in the order
 *                named; empty for all of the schemas exported
 * @param excludeTables the tables, views and sequences to leave out, as names or patterns ({@code EXCLUDE_TABLES});
 *                they win over {@code tables}
 * @param contents what the export holds: schema and data, or one of them ({@code SCHEMA_ONLY}, {@code DATA_ONLY})
 */
public record ExportOptions(FormatOptions format, List<String> schemas, String dialect, int jobs, long chunkRows,
                            boolean resume, List<String> tables, List<String> excludeTables,
                            ExportContents contents) {

    /** The defaults: {@link FormatOptions#DEFAULTS}, the default schemas, the default JOBS. */
    public static final ExportOptions DEFAULTS = new ExportOptions(FormatOptions.DEFAULTS, List.of(), null);

    /** The option naming how many connections read tables at once. */
    public static final String JOBS = "JOBS";

    /** The most JOBS allowed. */
    public static final int MAX_JOBS = 64;

    /** JOBS by default is the number of cores, at most this many. */
    static final int DEFAULT_JOBS_CAP = 4;

    /** The option naming the rows above which a table is split into chunks. */
    public static final String CHUNK_ROWS = "CHUNK_ROWS";

    /** CHUNK_ROWS by default. */
    public static final long DEFAULT_CHUNK_ROWS = 1_000_000;

    /** The option naming the engine the scripts are written for. */
    public static final String DIALECT = "DIALECT";

    /** The option naming the schemas to export. */
    public static final String SCHEMAS = "SCHEMAS";

    /** The option that resumes an export to the same directory that did not finish. */
    public static final String RESUME = "RESUME";

    /** The option naming the tables (views, sequences) to export. */
    public static final String TABLES = "TABLES";

    /** The option naming the tables (views, sequences) to leave out. */
    public static final String EXCLUDE_TABLES = "EXCLUDE_TABLES";

    /** The option that exports the schema without the data. */
    public static final String SCHEMA_ONLY = "SCHEMA_ONLY";

    /** The option that exports the data without the schema. */
    public static final String DATA_ONLY = "DATA_ONLY";

    private static final String STATEMENT = StatementOption.Command.EXPORT.statement();
    private static final String VALID = StatementOption.ownValid(StatementOption.Command.EXPORT);

    public ExportOptions {
        if (format == null || contents == null) {
            throw new IllegalArgumentException(format == null ? "format" : "contents");
        }
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        excludeTables = List.copyOf(excludeTables);
        if (jobs < 0 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        if (chunkRows < 0) {
            throw new IllegalArgumentException("chunkRows " + chunkRows);
        }
    }

    /** The given options, exporting schema and data of every table of the schemas. */
    public ExportOptions(FormatOptions format, List<String> schemas, String dialect, int jobs, long chunkRows,
                         boolean resume) {
        this(format, schemas, dialect, jobs, chunkRows, resume, List.of(), List.of(), ExportContents.ALL);
    }

    /** The given options, not resuming. */
    public ExportOptions(FormatOptions format, List<String> schemas, String dialect, int jobs, long chunkRows) {
        this(format, schemas, dialect, jobs, chunkRows, false);
    }

    /** The given options with the default CHUNK_ROWS. */
    public ExportOptions(FormatOptions format, List<String> schemas, String dialect, int jobs) {
        this(format, schemas, dialect, jobs, DEFAULT_CHUNK_ROWS);
    }

    /** The given options with the default JOBS and CHUNK_ROWS. */
    public ExportOptions(FormatOptions format, List<String> schemas, String dialect) {
        this(format, schemas, dialect, 0);
    }

    /** The given format options with the default schemas. */
    public static ExportOptions of(FormatOptions format) {
        return new ExportOptions(format, List.of(), null);
    }

    /**
     * Reads EXPORT DATABASE's options as given in the statement; names in any case.
     *
     * @throws SQLException (22023) for an unknown option, a bad value or an option of the other format, naming the
     *                      valid ones; for an empty SCHEMAS or a schema named twice, an empty TABLES or
     *                      EXCLUDE_TABLES or a name given twice in one; for SCHEMA_ONLY with DATA_ONLY
     */
    public static ExportOptions from(Map<String, String> options) throws SQLException {
        Map<String, String> formatOptions = new LinkedHashMap<>();
        List<String> schemas = List.of();
        String dialect = null;
        int jobs = 0;
        long chunkRows = DEFAULT_CHUNK_ROWS;
        boolean resume = false;
        List<String> tables = List.of();
        List<String> excludeTables = List.of();
        boolean schemaOnly = false;
        boolean dataOnly = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            if (name.equals(SCHEMAS)) {
                schemas = nameList(SCHEMAS, "schemas", option.getValue());
            } else if (name.equals(TABLES)) {
                tables = nameList(TABLES, "tables or patterns", option.getValue());
            } else if (name.equals(EXCLUDE_TABLES)) {
                excludeTables = nameList(EXCLUDE_TABLES, "tables or patterns", option.getValue());
            } else if (name.equals(SCHEMA_ONLY)) {
                schemaOnly = bool(SCHEMA_ONLY, option.getValue());
            } else if (name.equals(DATA_ONLY)) {
                dataOnly = bool(DATA_ONLY, option.getValue());
            } else if (name.equals(DIALECT)) {
                dialect = option.getValue().strip().toLowerCase(Locale.ROOT);
            } else if (name.equals(JOBS)) {
                jobs = jobs(option.getValue(), JOBS);
            } else if (name.equals(CHUNK_ROWS)) {
                chunkRows = chunkRows(option.getValue());
            } else if (name.equals(RESUME)) {
                resume = bool(RESUME, option.getValue());
            } else {
                formatOptions.put(option.getKey(), option.getValue());
            }
        }
        if (schemaOnly && dataOnly) {
            throw FerryErrors.invalidParameter(SCHEMA_ONLY + " and " + DATA_ONLY + " exclude each other (an export"
                    + " of neither would be empty); give one, or neither for the schema and the data");
        }
        FormatOptions.refuseReaderOptions(formatOptions, STATEMENT);
        return new ExportOptions(FormatOptions.from(formatOptions, STATEMENT, VALID), schemas, dialect, jobs,
                chunkRows, resume, tables, excludeTables, schemaOnly ? ExportContents.SCHEMA_ONLY
                : dataOnly ? ExportContents.DATA_ONLY : ExportContents.ALL);
    }

    /** These options with RESUME {@code resume}. */
    public ExportOptions withResume(boolean resume) {
        return new ExportOptions(format, schemas, dialect, jobs, chunkRows, resume, tables, excludeTables, contents);
    }


    /** Whether JOBS was given, rather than left to {@link #defaultJobs()}. */
    public boolean jobsNamed() {
        return jobs != 0;
    }

    /** JOBS as given, else {@link #defaultJobs()}. */
    public int effectiveJobs() {
        return jobsNamed() ? jobs : defaultJobs();
    }

    /** These options with JOBS {@code jobs} where JOBS was not given (a connection's own default); else these. */
    public ExportOptions withDefaultJobs(int jobs) {
        return jobsNamed() || jobs == 0 ? this : new ExportOptions(format, schemas, dialect, jobs, chunkRows, resume,
                tables, excludeTables, contents);
    }

    /** Whether tables above {@link #chunkRows} rows are split into chunks. */
    public boolean chunked() {
        return chunkRows > 0;
    }

    /**
     * A CHUNK_ROWS value: a whole number, 0 or more.
     *
     * @throws SQLException (22023) naming the value given
     */
    static long chunkRows(String value) throws SQLException {
        String text = value == null ? "" : value.strip();
        try {
            long rows = Long.parseLong(text);
            if (rows >= 0) {
                return rows;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a negative number is
        }
        throw FerryErrors.invalidParameter(CHUNK_ROWS + " must be a whole number, 0 or more (0: no table is split),"
                + " got '" + value + "'");
    }

    private static boolean bool(String name, String value) throws SQLException {
        return switch (value == null ? "" : value.strip().toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw FerryErrors.invalidParameter(name + " must be true or false, got '" + value + "'");
        };
    }

    /** The number of cores the JVM may use, at most {@value #DEFAULT_JOBS_CAP}. */
    public static int defaultJobs() {
        return Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), DEFAULT_JOBS_CAP));
    }

    /**
     * A JOBS value: a whole number from 1 to {@value #MAX_JOBS}.
     *
     * @param name the option's name for the message ({@code JOBS}, {@code ferry.jobs})
     * @throws SQLException (22023) naming the option and the value given
     */
    public static int jobs(String value, String name) throws SQLException {
        String text = value == null ? "" : value.strip();
        try {
            int jobs = Integer.parseInt(text);
            if (jobs >= 1 && jobs <= MAX_JOBS) {
                return jobs;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as a number out of range is
        }
        throw FerryErrors.invalidParameter(name + " must be a whole number from 1 to " + MAX_JOBS + ", got '" + value
                + "'");
    }

    /** Whether the schemas to export are named, rather than the default ones. */
    public boolean schemasNamed() {
        return !schemas.isEmpty();
    }

    /**
     * {@code 'sales, hr'} as {@code [sales, hr]}: split at commas, each name trimmed and kept in its case.
     */
    static List<String> schemaList(String value) throws SQLException {
        return nameList(SCHEMAS, "schemas", value);
    }

    /**
     * A list option's value ({@code 'sales, hr'}) as {@code [sales, hr]}: split at commas, each name trimmed and kept
     * in its case.
     *
     * @param option the option, for the message
     * @param what   what it names, in words
     * @throws SQLException (22023) for an empty name, or one named twice
     */
    private static List<String> nameList(String option, String what, String value) throws SQLException {
        Set<String> names = new LinkedHashSet<>();
        for (String part : (value == null ? "" : value).split(",", -1)) {
            String name = part.strip();
            if (name.isEmpty()) {
                throw FerryErrors.invalidParameter(option + " must name one or more " + what
                        + " separated by commas, got '" + value + "'");
            }
            if (!names.add(name)) {
                throw FerryErrors.invalidParameter(option + " names " + name + " twice");
            }
        }
        return new ArrayList<>(names);
    }
}
