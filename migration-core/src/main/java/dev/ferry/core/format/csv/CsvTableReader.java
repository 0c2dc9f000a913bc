package dev.ferry.core.format.csv;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV written by {@link CsvTableWriter}, decompressed as the options or the file's name say: checks that the header names the expected columns in order, then
 * parses each field by its column's kind.
 */
public final class CsvTableReader implements TableReader {
    private final List<String> columnNames;
    private final ValueKind[] kinds;
    private final CsvRecords records;

    public CsvTableReader(Path file, FormatOptions options, List<DataColumn> columns)
            throws IOException, SQLException {
        this.columnNames = columns.stream().map(DataColumn::name).toList();
        this.kinds = columns.stream().map(DataColumn::kind).toArray(ValueKind[]::new);
        this.records = CsvRecords.open(file, options.csvCompression(), CsvFormats.of(options), options.header(),
                columnNames);
    }

    @Override
    public Object[] next() throws IOException, SQLException {
        CSVRecord record = records.next(kinds.length);
        if (record == null) {
            return null;
        }
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            String text = record.get(i);
            if (text != null) {
                try {
                    row[i] = kinds[i].parse(text);
                } catch (RuntimeException e) {
                    throw FerryErrors.data(position() + ", column " + columnNames.get(i) + ": cannot read "
                            + CsvRecords.quoted(text) + " as " + kinds[i] + ": " + e.getMessage(), e);
                }
            }
        }
        return row;
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
