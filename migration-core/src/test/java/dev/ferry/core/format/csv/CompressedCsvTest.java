package dev.ferry.core.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.FileSummary;
import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import io.airlift.compress.zstd.ZstdInputStream;
import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/** CSV files compressed as a whole (COMPRESSION gzip, zstd): written, read back, and refused where they are broken. */
class CompressedCsvTest {
    private static final List<DataColumn> COLUMNS = DataColumn.of(List.of("id", "txt"),
            List.of(ValueKind.INTEGER, ValueKind.STRING));
    private static final int ROWS = 100_000;

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(value = CsvCompression.class, names = {"GZIP", "ZSTD"})
    void aFileRoundTripsInItsCodec_andIsThatCodecsFormatThroughout(CsvCompression codec) throws Exception {
        Path file = temp.resolve("t.csv" + codec.suffix());
        FileSummary summary = write(file, options(codec));
        assertEquals(Files.size(file), summary.bytes());
        assertEquals(FileChecksum.sha256(file), summary.sha256(), "the checksum is of the file as written");
        assertEquals(plainText(), new String(decompressedByTheCodecsOwnStream(file, codec), StandardCharsets.UTF_8));
        assertTrue(Files.size(file) * 4 < plainText().length(), "compressed: " + Files.size(file) + " bytes");
        assertAllRowsRead(file, options(codec));
        assertAllRowsRead(file, FormatOptions.DEFAULTS);
    }

    @Test
    void autoWritesAndReadsByTheFilesName() throws Exception {
        for (CsvCompression codec : List.of(CsvCompression.NONE, CsvCompression.GZIP, CsvCompression.ZSTD)) {
            Path file = temp.resolve("auto.csv" + codec.suffix());
            write(file, FormatOptions.DEFAULTS);
            byte[] head = Arrays.copyOf(Files.readAllBytes(file), 4);
            byte[] expected = switch (codec) {
                case GZIP -> new byte[] {0x1f, (byte) 0x8b, 8, 0};
                case ZSTD -> new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};
                default -> "\"id\"".getBytes(StandardCharsets.UTF_8);
            };
            assertArrayEquals(expected, head, codec.toString());
            assertAllRowsRead(file, FormatOptions.DEFAULTS);
        }
    }

    /** Files of other writers: gzip of several members (as `cat a.gz b.gz` makes), zstd of several frames. */
    @Test
    void filesOfSeveralMembersOrFramesAreReadWhole() throws Exception {
        byte[] header = "\"id\",\"txt\"\n".getBytes(StandardCharsets.UTF_8);
        byte[] rows = "\"1\",\"a\"\n\"2\",\"b\"\n".getBytes(StandardCharsets.UTF_8);
        Path gzip = temp.resolve("members.csv.gz");
        try (OutputStream out = Files.newOutputStream(gzip)) {
            out.write(gzipped(header));
            out.write(gzipped(rows));
        }
        Path zstd = temp.resolve("frames.csv.zst");
        try (OutputStream out = Files.newOutputStream(zstd)) {
            out.write(zstded(header));
            out.write(zstded(rows));
        }
        for (Path file : List.of(gzip, zstd)) {
            try (CsvTableReader reader = new CsvTableReader(file, FormatOptions.DEFAULTS, COLUMNS)) {
                assertArrayEquals(new Object[] {1, "a"}, reader.next());
                assertArrayEquals(new Object[] {2, "b"}, reader.next());
                assertNull(reader.next());
            }
        }
    }

    /**
     * zstd is written as frames of 1 MiB of text each: a file of several frames is read back whole by Ferry, by
     * aircompressor's stream and by DuckDB's read_csv; and it is smaller than aircompressor's own stream writes.
     */
    @Test
    void zstdFilesOfSeveralFramesAreReadByFerryAndDuckDb() throws Exception {
        Path file = temp.resolve("frames.csv.zst");
        write(file, FormatOptions.DEFAULTS);
        assertTrue(plainText().length() > 3 * ZstdFrames.FRAME_BYTES, "several frames: " + plainText().length());
        assertEquals(plainText(), new String(decompressedByTheCodecsOwnStream(file, CsvCompression.ZSTD),
                StandardCharsets.UTF_8));
        assertAllRowsRead(file, FormatOptions.DEFAULTS);
        java.io.ByteArrayOutputStream stream = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(stream)) {
            out.write(plainText().getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(Files.size(file) < stream.size(), Files.size(file) + " bytes, the stream " + stream.size());
        try (java.sql.Connection duckdb = java.sql.DriverManager.getConnection("jdbc:duckdb:");
             java.sql.Statement s = duckdb.createStatement();
             java.sql.ResultSet rs = s.executeQuery("SELECT count(*), sum(id), max(length(txt)) FROM read_csv('"
                     + file + "', header = true, quote = '\"', escape = '\"')")) {
            assertTrue(rs.next());
            assertEquals(ROWS, rs.getLong(1));
            assertEquals((long) ROWS * (ROWS + 1) / 2, rs.getLong(2));
        }
    }

    /** A file of no text is one empty frame, not an empty file (which no zstd reader takes). */
    @Test
    void anEmptyZstdFileIsOneEmptyFrame() throws Exception {
        Path file = temp.resolve("empty.csv.zst");
        FormatOptions noHeader = new FormatOptions(DataFormat.CSV, false, ',', '"', FormatOptions.DEFAULTS.compression(),
                FormatOptions.DEFAULTS.rowGroupRows());
        new CsvTableWriter(file, noHeader, COLUMNS).close();
        assertTrue(Files.size(file) > 0);
        assertEquals(0, decompressedByTheCodecsOwnStream(file, CsvCompression.ZSTD).length);
        try (CsvTableReader reader = new CsvTableReader(file, noHeader, COLUMNS)) {
            assertNull(reader.next());
        }
    }

    @ParameterizedTest
    @EnumSource(value = CsvCompression.class, names = {"GZIP", "ZSTD"})
    void aTruncatedFileIsRefused_namingTheFileAndTheLineItBreaksOffIn(CsvCompression codec) throws Exception {
        Path whole = temp.resolve("whole.csv" + codec.suffix());
        write(whole, options(codec));
        byte[] bytes = Files.readAllBytes(whole);
        Path file = Files.write(temp.resolve("cut.csv" + codec.suffix()), Arrays.copyOf(bytes, bytes.length / 2));
        SQLException error = readAll(file, FormatOptions.DEFAULTS);
        assertEquals(FerryErrors.DATA, error.getSQLState());
        String message = error.getMessage();
        assertTrue(message.matches("cut\\.csv" + codec.suffix().replace(".", "\\.") + " cannot be decompressed"
                + " after line \\d+: " + codec.optionValue() + " data truncated or corrupt: .*; its name or"
                + " COMPRESSION option says it is " + codec.optionValue() + ": export or copy it again, or give the"
                + " COMPRESSION it was written with"), message);
        int after = message.indexOf("after line ") + "after line ".length();
        long line = Long.parseLong(message.substring(after, message.indexOf(':', after)));
        assertEquals(decompressedLinesBefore(file, codec), line, "the lines the codec gave whole");
        assertTrue(line > 2 && line < ROWS, "in the middle: " + line);
    }

    @Test
    void aCorruptZstdFileIsRefused() throws Exception {
        Path file = temp.resolve("bad.csv.zst");
        write(file, options(CsvCompression.ZSTD));
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(file, bytes);
        SQLException error = readAll(file, FormatOptions.DEFAULTS);
        assertEquals(FerryErrors.DATA, error.getSQLState());
        assertTrue(error.getMessage().startsWith("bad.csv.zst cannot be decompressed after line "), error.getMessage());
        assertTrue(error.getMessage().contains(": zstd data truncated or corrupt: "), error.getMessage());
    }

    @Test
    void aFileNamedGzOrZstThatIsNotIsRefusedFromItsStart() throws Exception {
        for (String name : List.of("plain.csv.gz", "plain.csv.zst")) {
            Path file = Files.writeString(temp.resolve(name), "\"id\",\"txt\"\n\"1\",\"a\"\n");
            SQLException error = readAll(file, FormatOptions.DEFAULTS);
            assertEquals(FerryErrors.DATA, error.getSQLState());
            assertTrue(error.getMessage().startsWith(name + " cannot be decompressed from its start: "),
                    error.getMessage());
            SQLException stated = readAll(Files.copy(file, temp.resolve("plain.csv"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING), options(CsvCompression.GZIP));
            assertTrue(stated.getMessage().startsWith("plain.csv cannot be decompressed from its start: gzip data"
                    + " truncated or corrupt: Not in GZIP format"), stated.getMessage());
        }
    }

    /** The first byte that is not UTF-8 is found in the decompressed text, by line and character. */
    @Test
    void textThatIsNotUtf8InsideGzipIsNamedByLineAndCharacter() throws Exception {
        byte[] text = "\"id\",\"txt\"\n\"1\",\"a\"\n\"2\",\"b\u00ff\"\n".getBytes(StandardCharsets.UTF_8);
        text[text.length - 3] = (byte) 0xff;
        Path file = Files.write(temp.resolve("latin.csv.gz"), gzipped(text));
        SQLException error = readAll(file, FormatOptions.DEFAULTS);
        assertTrue(error.getMessage().startsWith("line 3, character 7 of latin.csv.gz is not UTF-8"),
                error.getMessage());
    }

    /** An engine's own CSV output (PostgreSQL's COPY TO STDOUT) is compressed as Ferry's writer compresses. */
    @ParameterizedTest
    @EnumSource(value = CsvCompression.class, names = {"GZIP", "ZSTD"})
    void recordsFilesAreCompressedToo(CsvCompression codec) throws Exception {
        Path file = temp.resolve("records.csv" + codec.suffix());
        CsvRecordsFile records = CsvRecordsFile.create(file, FormatOptions.DEFAULTS, List.of("id", "txt"));
        try (records) {
            records.records().write("\"1\",\"a\"\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FileChecksum.sha256(file), records.summary().sha256());
        assertEquals("\"id\",\"txt\"\n\"1\",\"a\"\n",
                new String(decompressedByTheCodecsOwnStream(file, codec), StandardCharsets.UTF_8));
    }

    private static FormatOptions options(CsvCompression codec) {
        return new FormatOptions(DataFormat.CSV, true, ',', '"', FormatOptions.DEFAULTS.compression(),
                FormatOptions.DEFAULTS.rowGroupRows(), FormatOptions.DEFAULTS.parquetTypes(), codec);
    }

    private static FileSummary write(Path file, FormatOptions options) throws IOException {
        CsvTableWriter writer = new CsvTableWriter(file, options, COLUMNS);
        try (writer) {
            for (int i = 1; i <= ROWS; i++) {
                writer.write(new Object[] {i, text(i)});
            }
        }
        return writer.summary();
    }

    private static String text(int i) {
        return i % 7 == 0 ? "line\nbreak " + i : "row " + i + " of the table, \"quoted\"";
    }

    private static String plainText() {
        StringBuilder text = new StringBuilder("\"id\",\"txt\"\n");
        for (int i = 1; i <= ROWS; i++) {
            text.append('"').append(i).append("\",\"").append(text(i).replace("\"", "\"\"")).append("\"\n");
        }
        return text.toString();
    }

    private static void assertAllRowsRead(Path file, FormatOptions options) throws Exception {
        try (CsvTableReader reader = new CsvTableReader(file, options, COLUMNS)) {
            for (int i = 1; i <= ROWS; i++) {
                assertArrayEquals(new Object[] {i, text(i)}, reader.next(), "row " + i);
            }
            assertNull(reader.next());
        }
    }

    private static SQLException readAll(Path file, FormatOptions options) {
        return assertThrows(SQLException.class, () -> {
            try (CsvTableReader reader = new CsvTableReader(file, options, COLUMNS)) {
                while (reader.next() != null) {
                    // read on to the end
                }
            }
        });
    }

    private static byte[] decompressedByTheCodecsOwnStream(Path file, CsvCompression codec) throws IOException {
        try (InputStream in = codecStream(new ByteArrayInputStream(Files.readAllBytes(file)), codec)) {
            return in.readAllBytes();
        }
    }

    /** The lines a truncated file holds whole: its LFs until the codec fails, counted here without Ferry's code. */
    private static long decompressedLinesBefore(Path file, CsvCompression codec) throws IOException {
        long lines = 0;
        try (InputStream in = codecStream(new ByteArrayInputStream(Files.readAllBytes(file)), codec)) {
            for (int b; (b = in.read()) >= 0; ) {
                lines += b == '\n' ? 1 : 0;
            }
        } catch (IOException | RuntimeException e) {
            return lines;
        }
        throw new AssertionError("the truncated file decompressed whole");
    }

    private static InputStream codecStream(InputStream in, CsvCompression codec) throws IOException {
        return codec == CsvCompression.GZIP ? new GZIPInputStream(in) : new ZstdInputStream(in);
    }

    private static byte[] gzipped(byte[] text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }

    private static byte[] zstded(byte[] text) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(bytes)) {
            out.write(text);
        }
        return bytes.toByteArray();
    }
}
