package dev.ferry.core.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRoundTripTest {
    @TempDir
    Path temp;

    private static final List<String> NAMES = List.of("s", "b", "d", "x", "ts", "tz");
    private static final List<ValueKind> KINDS = List.of(ValueKind.STRING, ValueKind.BINARY, ValueKind.DOUBLE,
            ValueKind.DECIMAL, ValueKind.TIMESTAMP, ValueKind.TIMESTAMP_WITH_TIME_ZONE);

    @Test
    void nullEmptyAndAwkwardTextSurvive() throws Exception {
        for (FormatOptions options : List.of(FormatOptions.DEFAULTS, csv(false, '|', '\''),
                csv(true, '\t', '"'))) {
            Object[][] rows = {
                    {null, null, null, null, null, null},
                    {"", new byte[0], -0.0, new BigDecimal("-0.00"), LocalDateTime.of(1, 1, 1, 0, 0),
                            OffsetDateTime.parse("2024-01-01T10:00:00.123456789+05:30")},
                    {"a,b|c\"d'e\r\nf\tg\rh\n", new byte[] {0, -1, 127, -128}, Double.NaN,
                            new BigDecimal("12345678901234567890123456789012345678"),
                            LocalDateTime.parse("9999-12-31T23:59:59.999999999"),
                            OffsetDateTime.parse("2000-01-01T00:00:00-12:00")},
                    {"NULL", new byte[] {1}, Double.POSITIVE_INFINITY, new BigDecimal("1E-30"), null, null},
                    {"\\N", null, Double.NEGATIVE_INFINITY, null, null, null},
                    {"\uD83D\uDE00 \u05E9\u05DC\u05D5\u05DD", null, Double.MIN_VALUE, null, null, null},
                    {" leading and trailing ", null, 0.1, null, null, null}};
            Path file = temp.resolve("t" + options.delimiter() + ".csv");
            try (CsvTableWriter writer = new CsvTableWriter(file, options, DataColumn.of(NAMES, KINDS))) {
                for (Object[] row : rows) {
                    writer.write(row);
                }
            }
            try (CsvTableReader reader = new CsvTableReader(file, options, DataColumn.of(NAMES, KINDS))) {
                for (Object[] expected : rows) {
                    Object[] actual = reader.next();
                    assertEquals(expected.length, actual.length);
                    for (int i = 0; i < expected.length; i++) {
                        if (expected[i] instanceof byte[] bytes) {
                            assertArrayEquals(bytes, (byte[]) actual[i]);
                        } else if (expected[i] instanceof BigDecimal decimal) {
                            assertEquals(decimal.toPlainString(), ((BigDecimal) actual[i]).toPlainString());
                        } else if (expected[i] instanceof Double d) {
                            assertEquals(Double.doubleToRawLongBits(d), Double.doubleToRawLongBits((Double) actual[i]));
                        } else {
                            assertEquals(expected[i], actual[i]);
                        }
                    }
                }
                assertNull(reader.next());
            }
        }
    }

    @Test
    void nullIsAnEmptyUnquotedFieldAndEmptyStringIsQuoted() throws Exception {
        Path file = temp.resolve("n.csv");
        try (CsvTableWriter writer = new CsvTableWriter(file, FormatOptions.DEFAULTS, DataColumn.of(List.of("a", "b"),
                List.of(ValueKind.STRING, ValueKind.STRING)))) {
            writer.write(new Object[] {null, ""});
        }
        assertEquals("\"a\",\"b\"\n,\"\"\n", Files.readString(file, StandardCharsets.UTF_8));
    }

    @Test
    void badValueNamesFileLineAndColumn() throws Exception {
        Path file = temp.resolve("bad.csv");
        Files.writeString(file, "\"id\",\"amount\"\n\"1\",\"2.5\"\n\"2\",\"two\"\n");
        try (CsvTableReader reader = new CsvTableReader(file, FormatOptions.DEFAULTS, DataColumn.of(List.of("id", "amount"),
                List.of(ValueKind.INTEGER, ValueKind.DECIMAL)))) {
            reader.next();
            SQLException error = assertThrows(SQLException.class, reader::next);
            assertEquals(FerryErrors.DATA, error.getSQLState());
            assertTrue(error.getMessage().startsWith("line 3 of bad.csv, column amount: cannot read 'two' as DECIMAL"),
                    error.getMessage());
        }
    }

    @Test
    void aHeaderThatDoesNotNameTheColumnsIsRefused() throws Exception {
        Path file = temp.resolve("swapped.csv");
        Files.writeString(file, "\"amount\",\"id\"\n\"1\",\"2\"\n");
        SQLException error = assertThrows(SQLException.class, () -> new CsvTableReader(file, FormatOptions.DEFAULTS,
                DataColumn.of(List.of("id", "amount"), List.of(ValueKind.INTEGER, ValueKind.DECIMAL))));
        assertEquals(FerryErrors.DATA, error.getSQLState());
        assertEquals("line 1 of swapped.csv: the header names the columns [amount, id] but the table's columns,"
                + " in load order, are [id, amount]", error.getMessage());
    }

    @Test
    void wrongFieldCountNamesTheLine() throws Exception {
        Path file = temp.resolve("short.csv");
        Files.writeString(file, "\"id\",\"amount\"\n\"1\"\n");
        try (CsvTableReader reader = new CsvTableReader(file, FormatOptions.DEFAULTS, DataColumn.of(List.of("id", "amount"),
                List.of(ValueKind.INTEGER, ValueKind.DECIMAL)))) {
            SQLException error = assertThrows(SQLException.class, reader::next);
            assertEquals("line 2 of short.csv: expected 2 fields, found 1", error.getMessage());
        }
    }

    private static FormatOptions csv(boolean header, char delimiter, char quote) {
        return new FormatOptions(DataFormat.CSV, header, delimiter, quote, FormatOptions.DEFAULTS.compression(),
                FormatOptions.DEFAULTS.rowGroupRows());
    }

    /**
     * Issue 14, item 7: an invalid UTF-8 byte on line 61 was reported at line 1 (the reader decodes 8 KB ahead of the
     * parser). The message names the line and character of the byte.
     */
    @Test
    void aByteThatIsNotUtf8IsNamedByItsLineAndCharacter() throws Exception {
        Path file = temp.resolve("bad.csv");
        StringBuilder text = new StringBuilder("id,name\n");
        for (int i = 1; i < 60; i++) {
            text.append(i).append(",row ").append(i).append('\n');
        }
        byte[] good = text.append("60,caf").toString().getBytes(StandardCharsets.UTF_8);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 3);
        bytes[good.length] = (byte) 0xFF;
        bytes[good.length + 1] = 'e';
        bytes[good.length + 2] = '\n';
        Files.write(file, bytes);
        SQLException error = assertThrows(SQLException.class, () -> {
            try (CsvTableReader reader = new CsvTableReader(file, FormatOptions.DEFAULTS,
                    DataColumn.of(List.of("id", "name"), List.of(ValueKind.INTEGER, ValueKind.STRING)))) {
                while (reader.next() != null) {
                    // read to the bad byte
                }
            }
        });
        assertEquals("line 61, character 7 of bad.csv is not UTF-8 (a byte sequence no character is written with);"
                + " the file must be UTF-8", error.getMessage());
    }
}
