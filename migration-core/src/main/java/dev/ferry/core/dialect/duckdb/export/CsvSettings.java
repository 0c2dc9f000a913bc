package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * How DuckDB wrote a CSV file, as the options of its COPY statement in load.sql say.
 *
 * @param delimiter    the field separator ({@code delimiter}, {@code delim}, {@code sep})
 * @param quote        the quote character, doubled inside a quoted value ({@code quote}; {@code escape} may only be it)
 * @param header       whether the first line names the columns ({@code header})
 * @param nullString   the text of NULL ({@code nullstr}); null where NULL is an empty unquoted field (DuckDB's default).
 *                     With a NULLSTR, DuckDB writes the empty string as an empty unquoted field and quotes a value that
 *                     reads as the NULLSTR
 * @param forceNotNull the columns (in lower case) whose empty unquoted fields are empty strings rather than NULL
 *                     ({@code force_not_null}: DuckDB lists its NOT NULL columns)
 * @param compression  how the file is compressed ({@code compression 'gzip'} or {@code 'zstd'}; {@code auto}, DuckDB's
 *                     default, by its name: {@code .gz}, {@code .zst})
 */
record CsvSettings(char delimiter, char quote, boolean header, String nullString, Set<String> forceNotNull,
                   CsvCompression compression) {

    /** Options DuckDB may copy from EXPORT DATABASE into load.sql that only shaped how the file was written. */
    private static final Set<String> WRITE_ONLY = Set.of("FORCE_QUOTE", "PER_THREAD_OUTPUT", "OVERWRITE",
            "OVERWRITE_OR_IGNORE", "USE_TMP_FILE", "FILE_SIZE_BYTES", "ROW_GROUP_SIZE", "ROW_GROUP_SIZE_BYTES",
            "ROW_GROUPS_PER_FILE", "COMPRESSION_LEVEL", "PARQUET_VERSION", "FIELD_IDS", "KV_METADATA",
            "DICTIONARY_COMPRESSION_RATIO_THRESHOLD", "STRING_DICTIONARY_PAGE_SIZE_LIMIT", "DICTIONARY_SIZE_LIMIT",
            "BLOOM_FILTER_FALSE_POSITIVE_RATIO", "WRITE_BLOOM_FILTER", "PRESERVE_ORDER");

    public CsvSettings {
        forceNotNull = Set.copyOf(forceNotNull);
    }

    /** The file's format: the FORMAT option, else the file's extension, as DuckDB decides. */
    static DataFormat format(Map<String, Object> options, String path) {
        Object format = options.get("FORMAT");
        String name = format == null ? (path.toLowerCase(Locale.ROOT).endsWith(".parquet") ? "parquet" : "csv")
                : text("FORMAT", format).toLowerCase(Locale.ROOT);
        return switch (name) {
            case "csv" -> DataFormat.CSV;
            case "parquet" -> DataFormat.PARQUET;
            default -> throw new IllegalArgumentException("FORMAT " + name + " is not read by Ferry, which reads"
                    + " DuckDB's exports in CSV and Parquet");
        };
    }

    /**
     * The settings of a CSV file.
     *
     * @throws IllegalArgumentException for an option Ferry does not read, or a value it cannot follow
     */
    static CsvSettings of(Map<String, Object> options) {
        char delimiter = ',';
        char quote = '"';
        Character escape = null;
        boolean header = true;
        String nullString = null;
        Set<String> forceNotNull = new HashSet<>();
        String compression = CsvCompression.AUTO.optionValue();
        for (Map.Entry<String, Object> option : options.entrySet()) {
            String name = option.getKey();
            Object value = option.getValue();
            switch (name) {
                case "FORMAT", "ENCODING" -> {
                    if (name.equals("ENCODING") && !text(name, value).toLowerCase(Locale.ROOT).matches("utf-?8")) {
                        throw new IllegalArgumentException("ENCODING " + value + ": Ferry reads UTF-8 only");
                    }
                }
                case "DELIMITER", "DELIM", "SEP" -> delimiter = character(name, value);
                case "QUOTE" -> quote = character(name, value);
                case "ESCAPE" -> escape = character(name, value);
                case "HEADER" -> header = bool(name, value);
                case "NULLSTR", "NULL" -> nullString = nullString(value);
                case "FORCE_NOT_NULL" -> {
                    for (String column : value instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                            : List.of(text(name, value))) {
                        forceNotNull.add(column.toLowerCase(Locale.ROOT));
                    }
                }
                case "COMPRESSION" -> compression = text(name, value).toLowerCase(Locale.ROOT);
                default -> {
                    if (!WRITE_ONLY.contains(name)) {
                        throw new IllegalArgumentException("the CSV option " + name + " is not read by Ferry; it reads"
                                + " FORMAT, DELIMITER, QUOTE, ESCAPE (the quote), HEADER, NULLSTR, FORCE_NOT_NULL,"
                                + " COMPRESSION (gzip, zstd) and ENCODING (utf-8)");
                    }
                }
            }
        }
        if (escape != null && escape != quote) {
            throw new IllegalArgumentException("ESCAPE '" + escape + "' differs from QUOTE '" + quote
                    + "'; Ferry reads CSV whose quotes are escaped by doubling them, DuckDB's default");
        }
        if (delimiter == quote) {
            throw new IllegalArgumentException("DELIMITER and QUOTE are both '" + quote + "'");
        }
        return new CsvSettings(delimiter, quote, header, nullString, forceNotNull, compression(compression));
    }

    /**
     * The codec {@code compression} names; {@code none} and {@code uncompressed} are taken as {@code auto}, so that a
     * file named {@code .gz} or {@code .zst} is read in its codec whatever the option says.
     */
    private static CsvCompression compression(String compression) {
        return switch (compression) {
            case "gzip" -> CsvCompression.GZIP;
            case "zstd" -> CsvCompression.ZSTD;
            case "none", "uncompressed", "auto" -> CsvCompression.AUTO;
            default -> throw new IllegalArgumentException("COMPRESSION " + compression
                    + " is not read by Ferry; it reads CSV files compressed with gzip or zstd");
        };
    }

    /** These settings as Ferry's format options say them (all but the NULLSTR and the forced columns). */
    FormatOptions formatOptions() {
        return new FormatOptions(DataFormat.CSV, header, delimiter, quote, FormatOptions.DEFAULTS.compression(),
                FormatOptions.DEFAULTS.rowGroupRows(), FormatOptions.DEFAULTS.parquetTypes(), compression);
    }

    private static String nullString(Object value) {
        if (value instanceof List<?> list) {
            if (list.size() != 1) {
                throw new IllegalArgumentException("NULLSTR lists " + list.size() + " strings; Ferry reads one");
            }
            return String.valueOf(list.get(0));
        }
        return (String) value;
    }

    private static String text(String name, Object value) {
        if (value instanceof List<?>) {
            throw new IllegalArgumentException("the option " + name + " takes one value, not a list");
        }
        return (String) value;
    }

    private static char character(String name, Object value) {
        String text = text(name, value);
        if (text.length() != 1 || text.charAt(0) == '\n' || text.charAt(0) == '\r') {
            throw new IllegalArgumentException("the option " + name + " is '" + text
                    + "'; Ferry reads a single character other than CR or LF");
        }
        return text.charAt(0);
    }

    private static boolean bool(String name, Object value) {
        return switch (text(name, value).toLowerCase(Locale.ROOT)) {
            case "true", "1", "on", "yes" -> true;
            case "false", "0", "off", "no" -> false;
            default -> throw new IllegalArgumentException("the option " + name + " is '" + value
                    + "', neither true nor false");
        };
    }
}
