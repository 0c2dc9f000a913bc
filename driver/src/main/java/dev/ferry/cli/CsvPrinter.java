package dev.ferry.cli;

import dev.ferry.core.format.csv.CsvRecordWriter;
import dev.ferry.core.model.options.FormatOptions;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Prints a result set as CSV, every row: a header of the column labels, then each value as text in Ferry's CSV dialect
 * (non-null values quoted, NULL an empty unquoted field, so that an empty string and NULL stay apart).
 */
final class CsvPrinter implements ResultPrinter {
    private final PrintStream out;

    CsvPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void print(ResultSet resultSet) throws SQLException {
        ResultSetMetaData metaData = resultSet.getMetaData();
        String[] fields = new String[metaData.getColumnCount()];
        // Not closed: closing would close stdout.
        CsvRecordWriter csv = new CsvRecordWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                FormatOptions.DEFAULTS);
        try {
            for (int i = 0; i < fields.length; i++) {
                fields[i] = metaData.getColumnLabel(i + 1);
            }
            csv.write(fields);
            while (resultSet.next()) {
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = resultSet.getString(i + 1);
                }
                csv.write(fields);
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
