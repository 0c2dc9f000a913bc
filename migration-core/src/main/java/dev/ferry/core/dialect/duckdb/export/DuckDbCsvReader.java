package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.KindConversion;
import dev.ferry.core.format.KindConversion.BinaryText;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.csv.CsvRecords;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;

/**
 * Reads a CSV file written by DuckDB's EXPORT DATABASE, one row at a time: NULL and the empty string told apart as
 * DuckDB writes them ({@link CsvSettings}), each field read from DuckDB's text form by its column's DuckDB type
 * ({@link DuckDbValueText}) and converted to the kind the caller asked for ({@link KindConversion}).
 */
final class DuckDbCsvReader implements TableReader {
    private final FileColumns columns;
    private final CsvSettings settings;
    private final CsvRecords records;

    DuckDbCsvReader(Path file, CsvSettings settings, FileColumns columns) throws IOException, SQLException {
        this.columns = columns;
        this.settings = settings;
        this.records = CsvRecords.open(file, settings.compression(), format(settings), settings.header(),
                columns.names());
    }

    /**
     * DuckDB's CSV: quotes strict, so that an unquoted field equal to the NULL text (by default the empty one) is
     * NULL and a quoted one is text.
     */
    private static CSVFormat format(CsvSettings settings) {
        return CSVFormat.Builder.create()
                .setDelimiter(settings.delimiter())
                .setQuote(settings.quote())
                .setQuoteMode(QuoteMode.ALL_NON_NULL)
                .setNullString(settings.nullString())
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(false)
                .setTrim(false)
                .build();
    }

    @Override
    public Object[] next() throws IOException, SQLException {
        CSVRecord record = records.next(columns.size());
        if (record == null) {
            return null;
        }
        Object[] row = new Object[columns.requestedSize()];
        for (int i = 0; i < row.length; i++) {
            int field = columns.fieldOf(i);
            String text = record.get(field);
            if (text == null && settings.forceNotNull().contains(columns.lowerCaseName(field))) {
                text = "";
            }
            if (text != null) {
                row[i] = value(i, field, text);
            }
        }
        return row;
    }

    private Object value(int requested, int field, String text) throws SQLException {
        DuckDbType type = columns.type(field);
        DataColumn target = columns.requested(requested);
        try {
            return KindConversion.convert(DuckDbValueText.parse(type, text), type.kind(), target.kind(),
                    BinaryText.HEX);
        } catch (RuntimeException e) {
            throw FerryErrors.data(position() + ", column " + columns.names().get(field) + ": cannot read "
                    + CsvRecords.quoted(text) + " as " + type.name()
                    + (target.kind() == type.kind() ? "" : " for a column of kind " + target.kind()) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String position() {
        return records.position();
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
