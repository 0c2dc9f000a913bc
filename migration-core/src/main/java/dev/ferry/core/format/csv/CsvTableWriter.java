package dev.ferry.core.format.csv;

import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.DigestingOutputStream;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ValueText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Writes rows as UTF-8 CSV, each value in its kind's text form (Ferry's own, or another engine's), compressed as the
 * options or the file's name say; the summary is of the file as written, compressed.
 */
public final class CsvTableWriter implements TableWriter {
    private final DigestingOutputStream file;
    private final CsvRecordWriter records;
    private final List<String> columnNames;
    private final ValueKind[] kinds;
    private final String[] fields;
    private final ValueText text;

    public CsvTableWriter(Path file, FormatOptions options, List<DataColumn> columns) throws IOException {
        this(file, options, columns, ValueText.FERRY);
    }

    /** A writer of the values in {@code text}'s forms. */
    public CsvTableWriter(Path file, FormatOptions options, List<DataColumn> columns, ValueText text)
            throws IOException {
        this.text = text;
        this.columnNames = columns.stream().map(DataColumn::name).toList();
        this.kinds = columns.stream().map(DataColumn::kind).toArray(ValueKind[]::new);
        this.fields = new String[this.kinds.length];
        this.file = new DigestingOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW));
        Writer out = new BufferedWriter(new OutputStreamWriter(
                CompressedStreams.compress(this.file, options.csvCompression().of(file)),
                StandardCharsets.UTF_8.newEncoder()), 1 << 16);
        this.records = new CsvRecordWriter(out, options);
        try {
            if (options.header()) {
                records.write(columnNames);
            }
        } catch (IOException | RuntimeException e) {
            records.close();
            throw e;
        }
    }

    @Override
    public void write(Object[] row) throws IOException {
        for (int i = 0; i < kinds.length; i++) {
            try {
                fields[i] = row[i] == null ? null : text.format(kinds[i], row[i]);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("column " + columnNames.get(i) + ": " + e.getMessage(), e);
            }
        }
        records.write(fields);
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    @Override
    public FileSummary summary() {
        return file.summary();
    }
}
