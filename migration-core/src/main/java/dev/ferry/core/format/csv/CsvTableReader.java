package dev.ferry.core.format.csv;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV written by {@link CsvTableWriter}: checks that the header names the expected columns in order, then
 * parses each field by its column's kind.
 */
public final class CsvTableReader implements TableReader {
    private final Path file;
    private final List<String> columnNames;
    private final ValueKind[] kinds;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line = 1;

    public CsvTableReader(Path file, FormatOptions options, List<DataColumn> columns)
            throws IOException, SQLException {
        this.file = file;
        this.columnNames = columns.stream().map(DataColumn::name).toList();
        this.kinds = columns.stream().map(DataColumn::kind).toArray(ValueKind[]::new);
        Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        this.parser = CsvFormats.of(options).parse(in);
        this.records = parser.iterator();
        if (options.header()) {
            try {
                checkHeader();
            } catch (SQLException | RuntimeException e) {
                parser.close();
                throw e;
            }
        }
    }

    private void checkHeader() throws SQLException {
        CSVRecord header = nextRecord();
        if (header == null) {
            throw FerryErrors.data(file.getFileName() + " is empty but should start with a header line");
        }
        List<String> names = header.toList();
        if (!sameNamesIgnoringCase(names, columnNames)) {
            throw FerryErrors.data("line 1 of " + file.getFileName() + ": the header names the columns " + names
                    + " but the table's columns, in load order, are " + columnNames);
        }
    }

    /** A header may differ from the table's names in case alone: {@code id} for H2's {@code ID}. */
    private static boolean sameNamesIgnoringCase(List<String> names, List<String> expected) {
        if (names.size() != expected.size()) {
            return false;
        }
        for (int i = 0; i < names.size(); i++) {
            if (!names.get(i).equalsIgnoreCase(expected.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public Object[] next() throws IOException, SQLException {
        CSVRecord record = nextRecord();
        if (record == null) {
            return null;
        }
        if (record.size() != kinds.length) {
            throw FerryErrors.data(position() + ": expected " + kinds.length + " fields, found " + record.size());
        }
        Object[] row = new Object[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            String text = record.get(i);
            if (text != null) {
                try {
                    row[i] = kinds[i].parse(text);
                } catch (RuntimeException e) {
                    throw FerryErrors.data(position() + ", column " + columnNames.get(i) + ": cannot read "
                            + abbreviate(text) + " as " + kinds[i] + ": " + e.getMessage(), e);
                }
            }
        }
        return row;
    }

    private CSVRecord nextRecord() throws SQLException {
        line = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw FerryErrors.data("line " + line + " of " + file.getFileName() + " cannot be read as CSV in UTF-8: "
                    + e.getCause().getMessage(), e);
        }
    }

    @Override
    public String position() {
        return "line " + line + " of " + file.getFileName();
    }

    private static String abbreviate(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
