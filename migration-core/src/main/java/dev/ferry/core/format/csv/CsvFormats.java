package dev.ferry.core.format.csv;

import dev.ferry.core.model.options.FormatOptions;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The one CSV dialect Ferry writes and reads. Every non-null value is quoted, so that NULL (an empty unquoted
 * field) and the empty string (a quoted empty field, {@code ""}) stay apart; a quote inside a value is doubled.
 */
final class CsvFormats {

    private CsvFormats() {
    }

    /** A new format per file: Commons CSV synchronises on the format instance. */
    static CSVFormat of(FormatOptions options) {
        return CSVFormat.Builder.create()
                .setDelimiter(options.delimiter())
                .setQuote(options.quote())
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setRecordSeparator('\n')
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .build();
    }
}
