package dev.ferry.core.model.options;

import java.io.Serializable;
import dev.ferry.core.FerryErrors;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How data files are written and read: the options of EXPORT DATABASE, which are also those of COPY.
 *
 * @param format       the file format (CSV by default)
 * @param header       whether a CSV file starts with a line of column names (default true)
 * @param delimiter    the CSV field separator (default {@code ,})
 * @param quote        the CSV quote character (default {@code "})
 * @param compression  the codec of Parquet pages (default snappy)
 * @param rowGroupRows the most rows in one Parquet row group (default 122,880, as DuckDB's ROW_GROUP_SIZE); a
 *                     row group is also closed when its buffered data reaches {@link #ROW_GROUP_BYTES}
 * @param parquetTypes which Parquet types a Parquet file is written with (default {@link ParquetTypes#DUCKDB})
 * @param csvCompression how a CSV file is compressed as a whole (default {@link CsvCompression#AUTO}: as its name
 *                     says, so an export's files are plain)
 */
public record FormatOptions(DataFormat format, boolean header, char delimiter, char quote,
                            ParquetCompression compression, int rowGroupRows, ParquetTypes parquetTypes,
                            CsvCompression csvCompression) implements Serializable {

    /** The defaults: CSV with a header, comma-separated, double-quoted. */
    public static final FormatOptions DEFAULTS = new FormatOptions(DataFormat.CSV, true, ',', '"',
            ParquetCompression.SNAPPY, 122_880, ParquetTypes.DUCKDB, CsvCompression.AUTO);

    /** Options with the default {@link ParquetTypes} and {@link CsvCompression}. */
    public FormatOptions(DataFormat format, boolean header, char delimiter, char quote, ParquetCompression compression,
                         int rowGroupRows) {
        this(format, header, delimiter, quote, compression, rowGroupRows, ParquetTypes.DUCKDB, CsvCompression.AUTO);
    }

    /** A Parquet writer holds one row group in memory: it is written out once it reaches this size. */
    public static final long ROW_GROUP_BYTES = 32L << 20;

    /**
     * DuckDB's CSV option that a quoted empty field is NULL; Ferry reads it as the empty string, and takes the option
     * only as {@code false}, as load scripts written for DuckDB say it.
     */
    public static final String ALLOW_QUOTED_NULLS = "ALLOW_QUOTED_NULLS";

    private static final Set<String> CSV_ONLY = StatementOption.namesOf(DataFormat.CSV);
    private static final Set<String> PARQUET_ONLY = StatementOption.namesOf(DataFormat.PARQUET);

    private static final String VALID = StatementOption.formatValid();

    /**
     * Reads options as given in a statement; names in any case.
     *
     * @param statement the statement's name, for error messages
     * @throws SQLException naming the option and the valid ones, for an unknown option, a bad value or an option of
     *                      the other format
     */
    public static FormatOptions from(Map<String, String> options, String statement) throws SQLException {
        return from(options, statement, null);
    }

    /**
     * Reads options as given in a statement that takes options of its own besides these (which the caller has taken
     * out), so that an error lists them too.
     *
     * @param statement  the statement's name, for error messages
     * @param otherValid the statement's own options as an error lists them, or null
     */
    public static FormatOptions from(Map<String, String> options, String statement, String otherValid)
            throws SQLException {
        String valid = otherValid == null ? VALID : VALID + "; " + otherValid;
        DataFormat format = DEFAULTS.format;
        boolean header = DEFAULTS.header;
        char delimiter = DEFAULTS.delimiter;
        char quote = DEFAULTS.quote;
        String compressionGiven = null;
        int rowGroupRows = DEFAULTS.rowGroupRows;
        ParquetTypes parquetTypes = DEFAULTS.parquetTypes;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = canonicalName(option.getKey());
            String value = option.getValue();
            switch (name) {
                case "FORMAT" -> format = format(value);
                case "HEADER" -> header = bool(name, value);
                case "DELIMITER" -> delimiter = character(name, value);
                case "QUOTE" -> quote = character(name, value);
                case "COMPRESSION" -> compressionGiven = value;
                case "ROW_GROUP_SIZE" -> rowGroupRows = positiveInt(name, value);
                case ParquetTypes.OPTION -> parquetTypes = parquetTypes(value);
                case ALLOW_QUOTED_NULLS -> refuseQuotedNulls(value);
                default -> throw FerryErrors.invalidParameter((StatementOption.named(name,
                        StatementOption.Command.EXPORT)
                        ? name + " is an option of EXPORT DATABASE, not of " + statement
                        : "Unknown option " + name + " for " + statement) + "; valid options: " + valid);
            }
        }
        for (String given : options.keySet()) {
            String name = canonicalName(given);
            if (format == DataFormat.PARQUET && CSV_ONLY.contains(name)
                    || format == DataFormat.CSV && PARQUET_ONLY.contains(name)) {
                throw FerryErrors.invalidParameter(name + " is not an option of FORMAT " + format.optionValue()
                        + " (" + statement + "); valid options: " + valid);
            }
        }
        if (delimiter == quote) {
            throw FerryErrors.invalidParameter("DELIMITER and QUOTE must differ, both are '" + quote + "'");
        }
        ParquetCompression compression = format == DataFormat.PARQUET && compressionGiven != null
                ? compression(compressionGiven) : DEFAULTS.compression;
        CsvCompression csvCompression = format == DataFormat.CSV && compressionGiven != null
                ? csvCompression(compressionGiven) : DEFAULTS.csvCompression;
        return new FormatOptions(format, header, delimiter, quote, compression, rowGroupRows, parquetTypes,
                csvCompression);
    }

    /**
     * These options for {@code file}, a file a user named (COPY): a CSV file's {@link CsvCompression#AUTO} becomes the
     * codec that name says. Settled here, as COPY TO writes under a hidden name first and renames the file at the end.
     */
    public FormatOptions forFile(Path file) {
        return new FormatOptions(format, header, delimiter, quote, compression, rowGroupRows, parquetTypes,
                csvCompression.of(file));
    }

    /**
     * The extension of the data files an export writes with these options, without the leading dot: {@code csv},
     * {@code csv.gz}, {@code csv.zst}, {@code parquet}.
     */
    public String fileExtension() {
        return format.extension() + (format == DataFormat.CSV ? csvCompression.exported().suffix() : "");
    }

    /**
     * These options as a reader needs them, to be written into a {@code COPY ... FROM} statement: the options that
     * only shape how a file is written (Parquet's compression, row groups and types: a file Ferry writes with
     * {@link ParquetTypes#SPARK} says so in its own metadata) are left out. A compressed CSV file's COMPRESSION is
     * kept, though its name says it too, so that a reader that goes by the options alone reads it.
     */
    public Map<String, String> readerOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("FORMAT", format.optionValue());
        if (format == DataFormat.CSV) {
            options.put("HEADER", Boolean.toString(header));
            options.put("DELIMITER", String.valueOf(delimiter));
            options.put("QUOTE", String.valueOf(quote));
            if (csvCompression.exported() != CsvCompression.NONE) {
                options.put("COMPRESSION", csvCompression.optionValue());
            }
        }
        return options;
    }

    private static String canonicalName(String name) {
        String upper = name.toUpperCase(Locale.ROOT);
        return switch (upper) {
            case "DELIM", "SEP" -> "DELIMITER";
            case "CODEC" -> "COMPRESSION";
            default -> upper;
        };
    }

    private static DataFormat format(String value) throws SQLException {
        for (DataFormat format : DataFormat.values()) {
            if (format.optionValue().equalsIgnoreCase(value)) {
                return format;
            }
        }
        throw FerryErrors.invalidParameter("Invalid FORMAT '" + value + "'; valid formats: csv, parquet");
    }

    private static ParquetTypes parquetTypes(String value) throws SQLException {
        for (ParquetTypes types : ParquetTypes.values()) {
            if (types.optionValue().equalsIgnoreCase(value.trim())) {
                return types;
            }
        }
        throw FerryErrors.invalidParameter("Invalid " + ParquetTypes.OPTION + " '" + value + "'; valid: duckdb, spark");
    }

    private static ParquetCompression compression(String value) throws SQLException {
        String name = value.toUpperCase(Locale.ROOT);
        if (name.equals("NONE")) {
            return ParquetCompression.UNCOMPRESSED;
        }
        for (ParquetCompression compression : ParquetCompression.values()) {
            if (compression.name().equals(name)) {
                return compression;
            }
        }
        throw FerryErrors.invalidParameter(
                "Invalid COMPRESSION '" + value + "' for FORMAT parquet; valid: snappy, zstd, gzip, uncompressed");
    }

    private static CsvCompression csvCompression(String value) throws SQLException {
        CsvCompression compression = CsvCompression.named(value);
        if (compression == null) {
            throw FerryErrors.invalidParameter("Invalid COMPRESSION '" + value + "' for FORMAT csv; valid: gzip, zstd,"
                    + " none (or uncompressed), auto (by the file's name: .gz gzip, .zst zstd)");
        }
        return compression;
    }

    private static int positiveInt(String name, String value) throws SQLException {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw FerryErrors.invalidParameter(name + " must be a positive whole number of rows, got '" + value + "'");
    }

    /**
     * Refuses the options that only say how a file is read ({@value #ALLOW_QUOTED_NULLS}) in a statement that writes
     * files, so that no writer takes one silently.
     *
     * @throws SQLException (22023) naming the option and the statement
     */
    public static void refuseReaderOptions(Map<String, String> options, String statement) throws SQLException {
        for (String name : options.keySet()) {
            if (canonicalName(name).equals(ALLOW_QUOTED_NULLS)) {
                throw FerryErrors.invalidParameter(ALLOW_QUOTED_NULLS + " is an option of reading a file (COPY ... FROM,"
                        + " load.sql), not of " + statement);
            }
        }
    }

    private static void refuseQuotedNulls(String value) throws SQLException {
        if (bool(ALLOW_QUOTED_NULLS, value)) {
            throw FerryErrors.invalidParameter(ALLOW_QUOTED_NULLS + " true is not supported: Ferry reads a quoted empty"
                    + " field (\"\") as the empty string and an unquoted empty field as NULL");
        }
    }

    private static boolean bool(String name, String value) throws SQLException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw FerryErrors.invalidParameter(name + " must be true or false, got '" + value + "'");
        };
    }

    private static char character(String name, String value) throws SQLException {
        if (value.length() != 1 || value.charAt(0) == '\n' || value.charAt(0) == '\r') {
            throw FerryErrors.invalidParameter(
                    name + " must be a single character other than CR or LF, got '" + value + "'");
        }
        return value.charAt(0);
    }
}
