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
 * @param dialect the engine the scripts are written for ({@code DIALECT}: a dialect's name, such as
 *                {@code postgresql}; an unknown one is refused with the names there are when the export starts), or
 *                null for the engine exported from
 * @param jobs    how many connections read tables at once ({@code JOBS}, 1 to {@value #MAX_JOBS}), or 0 where not
 *                given: then {@link #defaultJobs()}
 * @param chunkRows the rows above which a table with a single-column integer primary key is written as several data
 *                files, split by ranges of its key ({@code CHUNK_ROWS}); 0 for never
 * @param resume  whether an export to the same directory that did not finish is resumed ({@code RESUME}): the data
 *                files it finished are kept and only the others read; false to remove it and export afresh
 */
public record ExportOptions(FormatOptions format, List<String> schemas, String dialect, int jobs, long chunkRows,
                            boolean resume) {

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

    private static final String STATEMENT = "EXPORT DATABASE";
    private static final String VALID = "SCHEMAS (schema names separated by commas; on MariaDB, databases),"
            + " DIALECT (a dialect's name, such as postgresql: the engine the scripts are written for),"
            + " JOBS (1 to " + MAX_JOBS + ": connections reading tables at once),"
            + " CHUNK_ROWS (0 or more: rows above which a table is split into several files; 0 for never),"
            + " RESUME (true or false: resume an export to the same directory that did not finish)";

    public ExportOptions {
        if (format == null) {
            throw new IllegalArgumentException("format");
        }
        schemas = List.copyOf(schemas);
        if (jobs < 0 || jobs > MAX_JOBS) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
        if (chunkRows < 0) {
            throw new IllegalArgumentException("chunkRows " + chunkRows);
        }
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
     *                      valid ones; for an empty SCHEMAS or a schema named twice
     */
    public static ExportOptions from(Map<String, String> options) throws SQLException {
        Map<String, String> formatOptions = new LinkedHashMap<>();
        List<String> schemas = List.of();
        String dialect = null;
        int jobs = 0;
        long chunkRows = DEFAULT_CHUNK_ROWS;
        boolean resume = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            if (name.equals(SCHEMAS)) {
                schemas = schemaList(option.getValue());
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
        FormatOptions.refuseReaderOptions(formatOptions, STATEMENT);
        return new ExportOptions(FormatOptions.from(formatOptions, STATEMENT, VALID), schemas, dialect, jobs,
                chunkRows, resume);
    }

    /** These options with RESUME {@code resume}. */
    public ExportOptions withResume(boolean resume) {
        return new ExportOptions(format, schemas, dialect, jobs, chunkRows, resume);
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
        return jobsNamed() || jobs == 0 ? this : new ExportOptions(format, schemas, dialect, jobs, chunkRows, resume);
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
