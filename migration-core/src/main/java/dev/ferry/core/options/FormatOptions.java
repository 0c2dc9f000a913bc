package dev.ferry.core.options;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How data files are written and read: the options of EXPORT DATABASE, which are also those of the
 * {@code COPY ... FROM} statements in the load script.
 *
 * @param format    the file format (CSV by default)
 * @param header    whether a CSV file starts with a line of column names (default true)
 * @param delimiter the CSV field separator (default {@code ,})
 * @param quote     the CSV quote character (default {@code "})
 */
public record FormatOptions(DataFormat format, boolean header, char delimiter, char quote) {

    /** The defaults: CSV with a header, comma-separated, double-quoted. */
    public static final FormatOptions DEFAULTS = new FormatOptions(DataFormat.CSV, true, ',', '"');

    private static final String VALID = "FORMAT (csv), HEADER (true or false), DELIMITER (one character),"
            + " QUOTE (one character)";

    /**
     * Reads options as given in a statement; names in any case.
     *
     * @param statement the statement's name, for error messages
     * @throws SQLException naming the option and the valid ones, for an unknown option or a bad value
     */
    public static FormatOptions from(Map<String, String> options, String statement) throws SQLException {
        DataFormat format = DEFAULTS.format;
        boolean header = DEFAULTS.header;
        char delimiter = DEFAULTS.delimiter;
        char quote = DEFAULTS.quote;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            String value = option.getValue();
            switch (name) {
                case "FORMAT" -> format = format(value);
                case "HEADER" -> header = bool(name, value);
                case "DELIMITER", "DELIM", "SEP" -> delimiter = character(name, value);
                case "QUOTE" -> quote = character(name, value);
                default -> throw FerryErrors.invalidParameter(
                        "Unknown option " + name + " for " + statement + "; valid options: " + VALID);
            }
        }
        if (delimiter == quote) {
            throw FerryErrors.invalidParameter("DELIMITER and QUOTE must differ, both are '" + quote + "'");
        }
        return new FormatOptions(format, header, delimiter, quote);
    }

    /** These options as a reader needs them, to be written into a {@code COPY ... FROM} statement. */
    public Map<String, String> readerOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("FORMAT", format.optionValue());
        if (format == DataFormat.CSV) {
            options.put("HEADER", Boolean.toString(header));
            options.put("DELIMITER", String.valueOf(delimiter));
            options.put("QUOTE", String.valueOf(quote));
        }
        return options;
    }

    private static DataFormat format(String value) throws SQLException {
        String format = value.toLowerCase(Locale.ROOT);
        if (format.equals("csv")) {
            return DataFormat.CSV;
        }
        if (format.equals("parquet")) {
            throw FerryErrors.notSupported("FORMAT parquet is not yet supported; use FORMAT csv");
        }
        throw FerryErrors.invalidParameter("Invalid FORMAT '" + value + "'; valid formats: csv");
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
