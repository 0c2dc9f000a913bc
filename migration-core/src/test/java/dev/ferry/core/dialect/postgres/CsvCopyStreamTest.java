package dev.ferry.core.dialect.postgres;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.model.options.CsvCompression;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.progress.ProgressListener;
import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ValueText;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytes streamed from a CSV file are those the converting path (Ferry's reader, each value written again) sends,
 * for files Ferry writes with awkward values of every kind; a file not in Ferry's CSV form is left to that path.
 */
class CsvCopyStreamTest {
    private static final List<String> NAMES = List.of("s", "bin", "d", "ts", "tz", "num", "dbl", "id", "flag", "i",
            "big", "arr", "j", "t");
    private static final List<ValueKind> KINDS = List.of(ValueKind.STRING, ValueKind.BINARY, ValueKind.DATE,
            ValueKind.TIMESTAMP, ValueKind.TIMESTAMP_WITH_TIME_ZONE, ValueKind.DECIMAL, ValueKind.DOUBLE,
            ValueKind.UUID, ValueKind.BOOLEAN, ValueKind.INTEGER, ValueKind.BIGINT, ValueKind.ENGINE_TEXT,
            ValueKind.JSON, ValueKind.TIME);
    private static final int[] TYPES = {Types.VARCHAR, Types.BINARY, Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP,
            Types.NUMERIC, Types.DOUBLE, Types.OTHER, Types.BIT, Types.INTEGER, Types.BIGINT, Types.ARRAY,
            Types.OTHER, Types.TIME};
    private static final LoadTarget TARGET = new LoadTarget("t", NAMES, NAMES, KINDS, TYPES);

    @TempDir
    Path temp;

    @Test
    void ferryFilesStreamAsTheConvertingPathSendsThem() throws Exception {
        for (ValueText text : ValueText.values()) {
            Path file = write(FormatOptions.DEFAULTS, text, rows(3000));
            assertArrayEquals(converted(file, FormatOptions.DEFAULTS), streamed(file, FormatOptions.DEFAULTS, null),
                    text.name());
        }
    }

    @Test
    void otherDelimitersAndQuotesCarryTheSameValues() throws Exception {
        for (FormatOptions options : List.of(options(';', '\'', true), options('\t', '"', true),
                options('|', '\'', true))) {
            Path file = write(options, ValueText.FERRY, rows(50));
            assertEquals(records(converted(file, options), FormatOptions.DEFAULTS),
                    records(streamed(file, options, null), options));
        }
    }

    @Test
    void aFileWithoutHeaderOrFinalLineFeedStreams() throws Exception {
        FormatOptions noHeader = options(',', '"', false);
        Path file = write(noHeader, ValueText.FERRY, rows(10));
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 1));
        byte[] streamed = streamed(file, noHeader, null);
        List<List<String>> expected = records(converted(file, noHeader), FormatOptions.DEFAULTS);
        assertEquals(expected.subList(1, expected.size()), records(streamed, noHeader));
        assertNotEquals('\n', streamed[streamed.length - 1]);
    }

    @Test
    void progressIsReportedEveryTenThousandRows() throws Exception {
        Path file = write(FormatOptions.DEFAULTS, ValueText.FERRY, rows(25_000));
        List<Long> reported = new ArrayList<>();
        long rows = new CsvCopyStream(file, CsvCompression.AUTO, true, ',', '"', TARGET, null).copy((b, n) -> { },
                new ProgressListener() {
                    @Override
                    public void rowsDone(String table, long done) {
                        reported.add(done);
                    }
                });
        assertEquals(25_000, rows);
        assertEquals(List.of(10_000L, 20_000L), reported);
    }

    @Test
    void theChecksumIsCheckedOnTheBytesStreamed() throws Exception {
        Path file = write(FormatOptions.DEFAULTS, ValueText.FERRY, rows(100));
        String sha256 = FileChecksum.sha256(file);
        streamed(file, FormatOptions.DEFAULTS, sha256);
        String other = (sha256.charAt(0) == '0' ? "1" : "0") + sha256.substring(1);
        SQLException error = assertThrows(SQLException.class, () -> streamed(file, FormatOptions.DEFAULTS, other));
        assertEquals("22000", error.getSQLState());
        assertTrue(error.getMessage().contains("checksum"), error.getMessage());
    }

    @Test
    void filesNotInFerrysFormAreLeftToTheReader() throws Exception {
        String header = String.join(",", NAMES.stream().map(n -> "\"" + n + "\"").toList()) + "\n";
        String good = "\"a\",\"00ff\",\"2024-01-01\",\"2024-01-01 10:00:00\",\"2024-01-01 10:00:00+00:00\",\"1.5\","
                + "\"0.1\",\"47acd9a8-ba45-4bee-82fc-f0f42faa7e27\",\"true\",\"1\",\"2\",\"{1}\",\"{}\",\"10:00:00\"\n";
        assertEquals(1, streamedRows(header + good));
        for (String odd : List.of(
                good.replace("\"a\"", "a"),                 // an unquoted value
                good.replace("\n", "\r\n"),                  // CRLF
                good.replace(",\"10:00:00\"", ""),           // too few fields
                good.replace("\n", ",\"x\"\n"),               // too many
                good.replace("\"a\"", "\"a\"b"),              // text after a quoted value
                good.replace("\"a\"", " \"a\""),              // text before it
                good.substring(0, 5),                          // a quote not closed
                good.replace("\"1.5\"", "\"x\""),             // a value the reader refuses
                good.replace("\"0.1\"", "\"0,1\""),           // a converted value the reader refuses
                good.replace("\"2024-01-01\"", "\"2024-02-30\""))) {
            assertThrows(CsvCopyStream.NotCopyText.class, () -> streamedRows(header + odd), odd);
        }
        assertThrows(CsvCopyStream.NotCopyText.class, () -> streamedRows(header.replace("\"s\"", "\"x\"") + good));
        assertThrows(CsvCopyStream.NotCopyText.class, () -> streamedRows(""));
        assertEquals(1, streamedRows(header.replace("\"", "") + good), "an unquoted header");
        Path file = temp.resolve("latin1.csv");
        Files.write(file, (header + good.replace("\"a\"", "\"caf\u00e9\"")).getBytes(StandardCharsets.ISO_8859_1));
        assertThrows(CsvCopyStream.NotCopyText.class, () -> streamed(file, FormatOptions.DEFAULTS, null));
    }

    /**
     * A compressed file streams the bytes the plain one does, its checksum checked on the file as written
     * (compressed); one that cannot be decompressed is left to the reader, which names where it breaks off.
     */
    @Test
    void compressedFilesStreamTheirTextAndAreCheckedAsWritten() throws Exception {
        Path plain = write(FormatOptions.DEFAULTS, ValueText.FERRY, rows(3000));
        byte[] expected = streamed(plain, FormatOptions.DEFAULTS, null);
        for (String codec : List.of("gzip", "zstd")) {
            FormatOptions options = FormatOptions.from(Map.of("COMPRESSION", codec), "COPY");
            Path file = write(options, ValueText.FERRY, rows(3000));
            assertArrayEquals(expected, streamed(file, options, FileChecksum.sha256(file)), codec);
            SQLException altered = assertThrows(SQLException.class,
                    () -> streamed(file, options, FileChecksum.sha256(plain)));
            assertTrue(altered.getMessage().contains("checksum"), altered.getMessage());
            byte[] bytes = Files.readAllBytes(file);
            Files.write(file, Arrays.copyOf(bytes, bytes.length - 10));
            CsvCopyStream.NotCopyText cut = assertThrows(CsvCopyStream.NotCopyText.class,
                    () -> streamed(file, options, null));
            assertTrue(cut.getMessage().contains(codec + " data truncated or corrupt"), cut.getMessage());
        }
    }

    @Test
    void aValueLargerThanTheBufferStreams() throws Exception {
        List<Object[]> rows = rows(3);
        rows.get(1)[0] = "é".repeat(300_000) + "\"";
        rows.get(1)[1] = new byte[200_000];
        Path file = write(FormatOptions.DEFAULTS, ValueText.FERRY, rows);
        assertArrayEquals(converted(file, FormatOptions.DEFAULTS), streamed(file, FormatOptions.DEFAULTS, null));
    }

    private long streamedRows(String csv) throws Exception {
        Path file = Files.writeString(temp.resolve("odd.csv"), csv);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return new CsvCopyStream(file, CsvCompression.AUTO, true, ',', '"', TARGET, null)
                .copy((bytes, length) -> out.write(bytes, 0, length), ProgressListener.NONE);
    }

    private byte[] streamed(Path file, FormatOptions options, String sha256) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        long rows = new CsvCopyStream(file, options.csvCompression(), options.header(), options.delimiter(),
                options.quote(), TARGET, sha256)
                .copy((bytes, length) -> out.write(bytes, 0, length), ProgressListener.NONE);
        assertTrue(rows > 0);
        return out.toByteArray();
    }

    /** What the converting path sends for the file. */
    private static byte[] converted(Path file, FormatOptions options) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (TableReader reader = DataFiles.reader(file, options, DataColumn.of(NAMES, KINDS))) {
            PostgresCopyLoader.printRows(TARGET, reader, (bytes, length) -> out.write(bytes, 0, length),
                    ProgressListener.NONE);
        }
        return out.toByteArray();
    }

    private Path write(FormatOptions options, ValueText text, List<Object[]> rows) throws Exception {
        Path file = Files.createTempFile(temp, "t", ".csv");
        Files.delete(file);
        try (TableWriter writer = DataFiles.writer(file, options, DataColumn.of(NAMES, KINDS), text)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
        }
        return file;
    }

    private static FormatOptions options(char delimiter, char quote, boolean header) throws SQLException {
        return FormatOptions.from(Map.of("DELIMITER", String.valueOf(delimiter), "QUOTE", String.valueOf(quote),
                "HEADER", String.valueOf(header)), "COPY");
    }

    /** The records of COPY data, as CSV with the options' delimiter and quote. */
    private static List<List<String>> records(byte[] data, FormatOptions options) throws Exception {
        List<List<String>> records = new ArrayList<>();
        for (CSVRecord record : CSVFormat.DEFAULT.builder().setDelimiter(options.delimiter())
                .setQuote(options.quote()).build().parse(new StringReader(new String(data, StandardCharsets.UTF_8)))) {
            records.add(record.toList());
        }
        return records;
    }

    /** Rows cycling through awkward values of every column, NULLs among them. */
    private static List<Object[]> rows(int count) {
        String[] texts = {"", "NULL", "\\N", "\\.", "a,\"b\"\nc\r\nd\te", "'single' \\ backslash", "😀 𝄞 שלום",
                "\"", "\"\"", ",", " lead and trail ", "x".repeat(5000)};
        byte[][] binaries = {new byte[0], {0, -1, 127, -128}, "\\x41".getBytes(StandardCharsets.US_ASCII)};
        LocalDate[] dates = {LocalDate.MAX, LocalDate.MIN, LocalDate.of(-43, 3, 15), LocalDate.of(0, 1, 1),
                LocalDate.of(1, 1, 1), LocalDate.of(2024, 2, 29), LocalDate.of(12345, 6, 7)};
        LocalTime[] times = {LocalTime.MIDNIGHT, LocalTime.of(23, 59, 59, 999_999_999), LocalTime.of(10, 0, 0, 500)};
        ZoneOffset[] offsets = {ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(-0, -30),
                ZoneOffset.ofHoursMinutesSeconds(1, 2, 3), ZoneOffset.MAX, ZoneOffset.MIN};
        Object[] decimals = {"NaN", "Infinity", "-Infinity", new BigDecimal("-0.00"), new BigDecimal("1.50"),
                new BigDecimal("-99999999999999999999999999999999999999"), new BigDecimal("1E+5"),
                new BigDecimal("0.000000000000000000000000000000000000000001")};
        double[] doubles = {Double.NaN, Double.POSITIVE_INFINITY, -0.0, 4.9e-324, 1.7976931348623157e308, 0.1};
        String[] arrays = {"{1,2,NULL}", "[1, 2, NULL]", "[0:1]={1,2}", "{\"a,b\",\"c\\\"d\",NULL,\"\"}", "[]",
                "{}"};
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            LocalDateTime stamp = i % 11 == 0 ? LocalDateTime.MAX : i % 13 == 0 ? LocalDateTime.MIN
                    : LocalDateTime.of(dates[2 + i % 4], times[i % times.length]).plusNanos(i * 1000L);
            OffsetDateTime moment = i % 17 == 0 ? OffsetDateTime.MAX : i % 19 == 0 ? OffsetDateTime.MIN
                    : OffsetDateTime.of(stamp.equals(LocalDateTime.MAX) || stamp.equals(LocalDateTime.MIN)
                    ? LocalDateTime.of(2020, 1, 1, 0, 0) : stamp, offsets[i % offsets.length]);
            Object[] row = {texts[i % texts.length], binaries[i % binaries.length], dates[i % dates.length], stamp,
                    moment, decimals[i % decimals.length], doubles[i % doubles.length], UUID.nameUUIDFromBytes(
                    new byte[] {(byte) i}), i % 2 == 0, i % 3 == 0 ? Integer.MIN_VALUE : -i, i % 3 == 0
                    ? Long.MIN_VALUE : (long) i * 1_000_000_007L, arrays[i % arrays.length], "{\"a\": " + i + "}",
                    times[i % times.length]};
            if (i % 7 == 3) {
                row[i % row.length] = null;
            }
            rows.add(row);
        }
        return rows;
    }
}
