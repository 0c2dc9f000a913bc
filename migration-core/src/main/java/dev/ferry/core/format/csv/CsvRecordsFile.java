package dev.ferry.core.format.csv;

import dev.ferry.core.format.DigestingOutputStream;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.model.options.FormatOptions;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * A CSV data file whose records arrive already encoded (an engine's own CSV output, PostgreSQL's COPY TO STDOUT):
 * the header is written here as {@link CsvTableWriter} writes it, the records' bytes follow as they are (both
 * compressed where the file is), and the file is summarised as it is written.
 */
public final class CsvRecordsFile implements Closeable {
    private final DigestingOutputStream file;
    private final OutputStream records;

    private CsvRecordsFile(DigestingOutputStream file, OutputStream compressed) {
        this.file = file;
        this.records = new BufferedOutputStream(compressed, 1 << 16);
    }

    /**
     * Creates {@code path} (which must not exist), compressed as the options or its name say, and writes its header,
     * where {@code options} ask for one.
     */
    public static CsvRecordsFile create(Path path, FormatOptions options, List<String> columnNames)
            throws IOException {
        DigestingOutputStream file = new DigestingOutputStream(
                Files.newOutputStream(path, StandardOpenOption.CREATE_NEW));
        CsvRecordsFile created;
        try {
            created = new CsvRecordsFile(file, CompressedStreams.compress(file, options.csvCompression().of(path)));
        } catch (IOException | RuntimeException e) {
            file.close();
            throw e;
        }
        try {
            if (options.header()) {
                Writer header = new OutputStreamWriter(created.records, StandardCharsets.UTF_8.newEncoder());
                CsvRecordWriter printer = new CsvRecordWriter(header, options);
                printer.write(columnNames);
                printer.flush();
            }
        } catch (IOException | RuntimeException e) {
            created.close();
            throw e;
        }
        return created;
    }

    /** Where the records go, each ended by the format's record separator. */
    public OutputStream records() {
        return records;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }

    /** The size and checksum of the file written; valid once it is closed. */
    public FileSummary summary() {
        return file.summary();
    }
}
