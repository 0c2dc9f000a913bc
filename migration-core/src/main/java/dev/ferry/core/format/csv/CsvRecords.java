package dev.ferry.core.format.csv;

import dev.ferry.core.format.FileLabel;
import dev.ferry.core.FerryErrors;
import dev.ferry.core.model.options.CsvCompression;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file's records, read one at a time, each with the line it starts on: the header checked against the columns
 * a reader expects, each record's number of fields checked, and where a record or value cannot be read named in
 * messages. Ferry's CSV reader and the reader of DuckDB's CSV exports read through it.
 */
public final class CsvRecords implements Closeable {
    private final Path file;
    private final CsvCompression codec;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long line = 1;

    private CsvRecords(Path file, CsvCompression codec, CSVParser parser) {
        this.file = file;
        this.codec = codec;
        this.parser = parser;
        this.records = parser.iterator();
    }

    /**
     * The records of {@code file}, UTF-8 text compressed as {@code compression} says ({@code AUTO}: as its name
     * says); where the file starts with a header, that header read and checked to name {@code columns} in order (in
     * any case: {@code id} for H2's {@code ID}).
     *
     * @throws SQLException (22000) where the header is missing or names other columns, or the file cannot be
     *                      decompressed; the file is then closed
     */
    public static CsvRecords open(Path file, CsvCompression compression, CSVFormat format, boolean header,
                                  List<String> columns) throws IOException, SQLException {
        CsvCompression codec = compression.of(file);
        Reader in = new InputStreamReader(CompressedStreams.open(file, codec), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvRecords records;
        try {
            records = new CsvRecords(file, codec, format.parse(in));
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
        if (header) {
            try {
                records.checkHeader(columns);
            } catch (SQLException | RuntimeException e) {
                records.close();
                throw e;
            }
        }
        return records;
    }

    private void checkHeader(List<String> expected) throws SQLException {
        CSVRecord header = next();
        if (header == null) {
            throw FerryErrors.data(FileLabel.of(file) + " is empty but should start with a header line");
        }
        List<String> names = header.toList();
        boolean same = names.size() == expected.size();
        for (int i = 0; same && i < names.size(); i++) {
            same = names.get(i) != null && names.get(i).equalsIgnoreCase(expected.get(i));
        }
        if (!same) {
            throw FerryErrors.data("line 1 of " + FileLabel.of(file) + ": the header names the columns " + names
                    + " but the table's columns, in load order, are " + expected);
        }
    }

    /**
     * The next record, or null at the end.
     *
     * @throws SQLException (22000) where it does not have {@code fields} fields, or is not CSV in UTF-8
     */
    public CSVRecord next(int fields) throws SQLException {
        CSVRecord record = next();
        if (record != null && record.size() != fields) {
            throw FerryErrors.data(position() + ": expected " + fields + " fields, found " + record.size());
        }
        return record;
    }

    private CSVRecord next() throws SQLException {
        line = parser.getCurrentLineNumber() + 1;
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CorruptCompressedData corrupt) {
                String where = CompressedStreams.breakOff(file, codec);
                throw FerryErrors.data(FileLabel.of(file) + " cannot be decompressed "
                        + (where == null ? "at line " + line : where) + ": " + corrupt.getMessage() + "; its name or"
                        + " COMPRESSION option says it is " + codec.optionValue() + ": export or copy it again, or"
                        + " give the COMPRESSION it was written with", e);
            }
            String malformed = e.getCause() instanceof CharacterCodingException ? malformedAt() : null;
            if (malformed != null) {
                throw FerryErrors.data(malformed + " of " + FileLabel.of(file) + " is not UTF-8 (a byte sequence no"
                        + " character is written with); the file must be UTF-8", e);
            }
            throw FerryErrors.data("line " + line + " of " + FileLabel.of(file) + " cannot be read as CSV in UTF-8: "
                    + e.getCause().getMessage(), e);
        }
    }

    /** Where the file's first byte sequence that is not UTF-8 is, or null where that cannot be said. */
    private String malformedAt() {
        try (InputStream text = CompressedStreams.open(file, codec)) {
            return Utf8Position.firstMalformed(text);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the last record read starts: e.g. {@code line 12 of orders.csv}. */
    public String position() {
        return "line " + line + " of " + FileLabel.of(file);
    }

    /** A field's text as a message quotes it, cut after 40 characters. */
    public static String quoted(String text) {
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
