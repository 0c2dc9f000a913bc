package dev.ferry.core.format.parquet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import dev.ferry.core.format.TableReader;
import dev.ferry.core.format.TableWriter;
import dev.ferry.core.format.files.DataFiles;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.MessageType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFilesTest {
    @TempDir
    Path temp;

    private static final List<DataColumn> COLUMNS = List.of(
            new DataColumn("b", ValueKind.BOOLEAN, 1, 0),
            new DataColumn("i", ValueKind.INTEGER, 10, 0),
            new DataColumn("l", ValueKind.BIGINT, 19, 0),
            new DataColumn("d9", ValueKind.DECIMAL, 9, 2),
            new DataColumn("d18", ValueKind.DECIMAL, 18, 4),
            new DataColumn("d38", ValueKind.DECIMAL, 38, 10),
            new DataColumn("dx", ValueKind.DECIMAL, 0, 0),
            new DataColumn("r", ValueKind.REAL, 0, 0),
            new DataColumn("f", ValueKind.DOUBLE, 0, 0),
            new DataColumn("s", ValueKind.STRING, 100, 0),
            new DataColumn("bin", ValueKind.BINARY, 0, 0),
            new DataColumn("dt", ValueKind.DATE, 0, 0),
            new DataColumn("tm", ValueKind.TIME, 0, 6),
            new DataColumn("tm9", ValueKind.TIME, 0, 9),
            new DataColumn("ttz", ValueKind.TIME_WITH_TIME_ZONE, 0, 3),
            new DataColumn("ts", ValueKind.TIMESTAMP, 0, 6),
            new DataColumn("ts9", ValueKind.TIMESTAMP, 0, 9),
            new DataColumn("tstz", ValueKind.TIMESTAMP_WITH_TIME_ZONE, 0, 6),
            new DataColumn("u", ValueKind.UUID, 0, 0),
            new DataColumn("j", ValueKind.JSON, 0, 0),
            new DataColumn("a", ValueKind.ARRAY, 0, 0),
            new DataColumn("e", ValueKind.ENGINE_TEXT, 0, 0));

    private static final Object[][] ROWS = {
            new Object[COLUMNS.size()],
            {true, Integer.MIN_VALUE, Long.MIN_VALUE, new BigDecimal("-9999999.99"), new BigDecimal("99999999999999.9999"),
                    new BigDecimal("-9999999999999999999999999999.9999999999"), "NaN", Float.NaN, -0.0, "",
                    new byte[0], LocalDate.MIN, LocalTime.MIN, LocalTime.MAX, OffsetTime.parse("00:00Z"),
                    LocalDateTime.MIN, LocalDateTime.parse("1677-09-22T00:00:00.000000001"), OffsetDateTime.MIN,
                    new UUID(0, 0), "\"text\"", new Object[0], "{1,2}"},
            {false, Integer.MAX_VALUE, Long.MAX_VALUE, new BigDecimal("0.01"), new BigDecimal("-0.0001"),
                    new BigDecimal("1E-10"), new BigDecimal("1.5E+40"), Float.NEGATIVE_INFINITY, Double.MAX_VALUE,
                    "NULL \\N 😀 שלום,\"'\r\n", new byte[] {0, -1, 127, -128}, LocalDate.MAX,
                    LocalTime.parse("23:59:59.999999"), LocalTime.parse("12:00:00.000000001"),
                    OffsetTime.parse("23:59:59.999Z"), LocalDateTime.parse("0001-01-01T00:00:00"),
                    LocalDateTime.parse("2262-04-11T23:47:16.854775806"), OffsetDateTime.MAX,
                    UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), "{\"a\":[1,null]}",
                    new Object[] {"a,b", null, "", "{x}"}, "1 day"},
            {null, 0, 0L, BigDecimal.ZERO.setScale(2), new BigDecimal("1.5000"), new BigDecimal("0E-10"),
                    new BigDecimal("-0.000000000000000000000000000000000000000001"), 1.4e-45f, Double.MIN_VALUE,
                    null, null, LocalDate.parse("-0043-03-15"), null, null, null,
                    LocalDateTime.parse("9999-12-31T23:59:59.999999"), null,
                    OffsetDateTime.parse("2024-01-01T04:30:00.5Z"), null, null, new Object[] {null}, null}};

    @Test
    void everyKindComesBackExactly() throws Exception {
        Path file = temp.resolve("t.parquet");
        FormatOptions options = parquet();
        try (TableWriter writer = DataFiles.writer(file, options, COLUMNS)) {
            for (Object[] row : ROWS) {
                writer.write(row);
            }
            writer.close();
            assertEquals(List.of(), writer.warnings());
        }
        try (TableReader reader = DataFiles.reader(file, options, COLUMNS)) {
            for (Object[] expected : ROWS) {
                Object[] actual = reader.next();
                for (int i = 0; i < expected.length; i++) {
                    String what = COLUMNS.get(i).name() + " in " + reader.position();
                    if (expected[i] instanceof Object[] array) {
                        assertArrayEquals(array, (Object[]) actual[i], what);
                    } else if (expected[i] instanceof BigDecimal decimal) {
                        assertEquals(0, decimal.compareTo((BigDecimal) actual[i]), what + ": " + actual[i]);
                    } else if (expected[i] instanceof byte[] bytes) {
                        assertArrayEquals(bytes, (byte[]) actual[i], what);
                    } else {
                        assertEquals(expected[i], actual[i], what);
                    }
                }
            }
            assertNull(reader.next());
        }
    }

    @Test
    void theSchemaHasTheLogicalTypesOfTheSpecification() throws Exception {
        Path file = temp.resolve("types.parquet");
        try (TableWriter writer = DataFiles.writer(file, parquet(), COLUMNS)) {
            writer.write(ROWS[0]);
        }
        MessageType schema;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), LocalReadOptions.create())) {
            schema = reader.getFooter().getFileMetaData().getSchema();
        }
        Map<String, String> expected = Map.ofEntries(
                Map.entry("b", "optional boolean b"), Map.entry("i", "optional int32 i"),
                Map.entry("l", "optional int64 l"), Map.entry("d9", "optional int32 d9 (DECIMAL(9,2))"),
                Map.entry("d18", "optional int64 d18 (DECIMAL(18,4))"),
                Map.entry("d38", "optional fixed_len_byte_array(16) d38 (DECIMAL(38,10))"),
                Map.entry("dx", "optional binary dx (STRING)"), Map.entry("r", "optional float r"),
                Map.entry("f", "optional double f"), Map.entry("s", "optional binary s (STRING)"),
                Map.entry("bin", "optional binary bin"), Map.entry("dt", "optional int32 dt (DATE)"),
                Map.entry("tm", "optional int64 tm (TIME(MICROS,false))"),
                Map.entry("tm9", "optional int64 tm9 (TIME(NANOS,false))"),
                Map.entry("ttz", "optional int64 ttz (TIME(MICROS,true))"),
                Map.entry("ts", "optional int64 ts (TIMESTAMP(MICROS,false))"),
                Map.entry("ts9", "optional int64 ts9 (TIMESTAMP(NANOS,false))"),
                Map.entry("tstz", "optional int64 tstz (TIMESTAMP(MICROS,true))"),
                Map.entry("u", "optional fixed_len_byte_array(16) u (UUID)"),
                Map.entry("j", "optional binary j (JSON)"), Map.entry("e", "optional binary e (STRING)"));
        for (Map.Entry<String, String> column : expected.entrySet()) {
            assertEquals(column.getValue(), schema.getType(column.getKey()).toString());
        }
        String list = schema.getType("a").toString().replaceAll("\\s+", " ");
        assertEquals("optional group a (LIST) { repeated group list { optional binary element (STRING); } }", list);
    }

    @Test
    void offsetsAreMovedToUtcWithAWarning() throws Exception {
        Path file = temp.resolve("tz.parquet");
        List<DataColumn> columns = List.of(new DataColumn("at", ValueKind.TIMESTAMP_WITH_TIME_ZONE, 0, 6));
        TableWriter writer = DataFiles.writer(file, parquet(), columns);
        writer.write(new Object[] {OffsetDateTime.parse("2024-01-01T10:00:00.5+05:30")});
        writer.write(new Object[] {OffsetDateTime.parse("2024-01-01T10:00:00Z")});
        writer.close();
        assertEquals(List.of("column at: 1 values had an offset other than +00:00; Parquet keeps their instant,"
                + " so they are imported at +00:00 (CSV keeps offsets)"), writer.warnings());
        try (TableReader reader = DataFiles.reader(file, parquet(), columns)) {
            assertEquals(OffsetDateTime.parse("2024-01-01T04:30:00.5Z"), reader.next()[0]);
        }
    }

    @Test
    void aValueTheColumnsTypeCannotHoldNamesTheColumn() throws Exception {
        List<DataColumn> columns = List.of(new DataColumn("id", ValueKind.INTEGER, 10, 0),
                new DataColumn("amount", ValueKind.DECIMAL, 5, 2));
        try (TableWriter writer = DataFiles.writer(temp.resolve("bad.parquet"), parquet(), columns)) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> writer.write(new Object[] {1, new BigDecimal("1.234")}));
            assertEquals("column amount: 1.234 has more than 2 digits after the decimal point, which the column's"
                    + " type declares", error.getMessage());
        }
    }

    @Test
    void aValueTheTableCannotTakeNamesRowAndColumn() throws Exception {
        Path file = temp.resolve("text.parquet");
        List<DataColumn> written = List.of(DataColumn.of("id", ValueKind.INTEGER), DataColumn.of("n", ValueKind.STRING));
        try (TableWriter writer = DataFiles.writer(file, parquet(), written)) {
            writer.write(new Object[] {1, "12"});
            writer.write(new Object[] {2, "twelve"});
        }
        List<DataColumn> table = List.of(DataColumn.of("n", ValueKind.BIGINT), DataColumn.of("id", ValueKind.INTEGER));
        try (TableReader reader = DataFiles.reader(file, parquet(), table)) {
            assertArrayEquals(new Object[] {12L, 1}, reader.next(), "columns are matched by name");
            SQLException error = assertThrows(SQLException.class, reader::next);
            assertEquals(FerryErrors.DATA, error.getSQLState());
            assertTrue(error.getMessage().startsWith("row 2 of text.parquet, column n: cannot read the STRING value"
                    + " twelve as BIGINT"), error.getMessage());
        }
    }

    @Test
    void aFileWithOtherColumnsIsRefused() throws Exception {
        Path file = temp.resolve("other.parquet");
        try (TableWriter writer = DataFiles.writer(file, parquet(), List.of(DataColumn.of("x", ValueKind.INTEGER)))) {
            writer.write(new Object[] {1});
        }
        SQLException error = assertThrows(SQLException.class,
                () -> DataFiles.reader(file, parquet(), List.of(DataColumn.of("id", ValueKind.INTEGER))));
        assertEquals("other.parquet holds the columns [x] but the table's columns are [id]", error.getMessage());
    }

    @Test
    void manyRowGroupsStayInOrder() throws Exception {
        Path file = temp.resolve("groups.parquet");
        FormatOptions options = FormatOptions.from(Map.of("FORMAT", "parquet", "ROW_GROUP_SIZE", "100",
                "COMPRESSION", "zstd"), "COPY");
        List<DataColumn> columns = List.of(DataColumn.of("n", ValueKind.BIGINT));
        try (TableWriter writer = DataFiles.writer(file, options, columns)) {
            for (long n = 0; n < 1_000; n++) {
                writer.write(new Object[] {n});
            }
        }
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file), LocalReadOptions.create())) {
            assertEquals(10, footer.getRowGroups().size());
        }
        List<Object> read = new ArrayList<>();
        try (TableReader reader = DataFiles.reader(file, options, columns)) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                read.add(row[0]);
            }
        }
        assertEquals(1_000, read.size());
        assertEquals(999L, read.get(999));
    }

    @Test
    void twentyFourOClockIsAWholeDayInMicroseconds() throws Exception {
        Path file = temp.resolve("midnight.parquet");
        List<DataColumn> columns = List.of(new DataColumn("t", ValueKind.TIME, 0, 6));
        try (TableWriter writer = DataFiles.writer(file, parquet(), columns)) {
            writer.write(new Object[] {LocalTime.MAX});
        }
        try (TableReader reader = DataFiles.reader(file, parquet(), columns)) {
            assertEquals(LocalTime.MAX, reader.next()[0]);
        }
    }

    /** Files of other writers: text in untyped binary columns, timestamps with and without a zone. */
    @Test
    void valuesAreConvertedToTheTablesKinds() throws Exception {
        Path file = temp.resolve("other.parquet");
        List<DataColumn> written = List.of(DataColumn.of("text", ValueKind.BINARY),
                new DataColumn("at", ValueKind.TIMESTAMP_WITH_TIME_ZONE, 0, 6),
                new DataColumn("local", ValueKind.TIMESTAMP, 0, 6));
        try (TableWriter writer = DataFiles.writer(file, parquet(), written)) {
            writer.write(new Object[] {"naïve".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    OffsetDateTime.parse("2024-01-01T10:00:00Z"), LocalDateTime.parse("2024-01-01T10:00:00")});
            writer.write(new Object[] {new byte[] {(byte) 0xff}, OffsetDateTime.MAX, LocalDateTime.MIN});
        }
        List<DataColumn> table = List.of(DataColumn.of("text", ValueKind.STRING),
                DataColumn.of("at", ValueKind.TIMESTAMP), DataColumn.of("local", ValueKind.TIMESTAMP_WITH_TIME_ZONE));
        try (TableReader reader = DataFiles.reader(file, parquet(), table)) {
            assertArrayEquals(new Object[] {"naïve", LocalDateTime.parse("2024-01-01T10:00:00"),
                    OffsetDateTime.parse("2024-01-01T10:00:00Z")}, reader.next());
            SQLException error = assertThrows(SQLException.class, reader::next);
            assertTrue(error.getMessage().startsWith("row 2 of other.parquet, column text: cannot read the BINARY"
                    + " value ff as STRING: the bytes are not UTF-8 text"), error.getMessage());
        }
    }

    @Test
    void twoColumnsOfOneNameAreRefused() {
        List<DataColumn> columns = List.of(DataColumn.of("id", ValueKind.INTEGER), DataColumn.of("id", ValueKind.INTEGER));
        Path file = temp.resolve("twice.parquet");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DataFiles.writer(file, parquet(), columns));
        assertTrue(error.getMessage().startsWith("the column name id appears twice"), error.getMessage());
        assertTrue(!java.nio.file.Files.exists(file), "refused before the file is created");
    }

    /**
     * Issue 14, item 6: bytes flipped in an uncompressed page loaded 1515870731 where 11 was, silently, where no
     * manifest guarded the file (COPY FROM, a foreign export). Pages carry their CRC, and a page whose CRC does not
     * match is refused, naming the file.
     */
    @Test
    void aCorruptPageIsRefusedNotReadAsOtherValues() throws Exception {
        Path file = temp.resolve("crc.parquet");
        FormatOptions options = FormatOptions.from(Map.of("FORMAT", "parquet", "COMPRESSION", "uncompressed"),
                "EXPORT DATABASE");
        List<DataColumn> columns = List.of(new DataColumn("n", ValueKind.INTEGER, 10, 0));
        try (TableWriter writer = DataFiles.writer(file, options, columns)) {
            for (int i = 0; i < 1000; i++) {
                writer.write(new Object[] {i * 7});
            }
        }
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        for (int i = bytes.length / 4; i < bytes.length / 4 + 16; i++) {
            bytes[i] = 0x5A;
        }
        java.nio.file.Files.write(file, bytes);
        SQLException refused = assertThrows(SQLException.class, () -> {
            try (TableReader reader = DataFiles.reader(file, options, columns)) {
                int i = 0;
                for (Object[] row = reader.next(); row != null; row = reader.next(), i++) {
                    assertEquals(i * 7, row[0], "a value read from the corrupt page");
                }
            }
        });
        assertTrue(refused.getMessage().contains("crc.parquet"), refused.getMessage());
    }

    /**
     * PARQUET_TYPES spark: no type Spark 3.5 refuses (TIME, UUID, TIMESTAMP in nanoseconds), the file names its plain
     * TIME columns and says it is in the proleptic Gregorian calendar, and every value comes back exactly, offsets of
     * TIME WITH TIME ZONE included (their text keeps them).
     */
    @Test
    void sparkTypes_holdNothingSparkRefuses_andComeBackExactly() throws Exception {
        Path file = temp.resolve("spark.parquet");
        FormatOptions spark = FormatOptions.from(Map.of("FORMAT", "parquet", "PARQUET_TYPES", "spark"), "COPY");
        List<DataColumn> columns = List.of(new DataColumn("tm", ValueKind.TIME, 0, 6),
                new DataColumn("tm9", ValueKind.TIME, 0, 9), new DataColumn("ttz", ValueKind.TIME_WITH_TIME_ZONE, 0, 3),
                new DataColumn("ts", ValueKind.TIMESTAMP, 0, 6), new DataColumn("ts9", ValueKind.TIMESTAMP, 0, 9),
                new DataColumn("tstz9", ValueKind.TIMESTAMP_WITH_TIME_ZONE, 0, 9),
                new DataColumn("u", ValueKind.UUID, 0, 0), new DataColumn("n", ValueKind.BIGINT, 19, 0));
        Object[][] rows = {
                {LocalTime.parse("23:59:59.999999"), LocalTime.parse("12:00:00.000000001"),
                        OffsetTime.parse("12:34:56.5+05:30"), LocalDateTime.parse("0001-01-01T00:00:00"),
                        LocalDateTime.parse("2024-02-29T23:59:59.123456789"),
                        OffsetDateTime.parse("2024-01-01T10:00:00.123456789+05:30"),
                        UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), 86_399_999_999L},
                {LocalTime.MAX, LocalTime.MIN, OffsetTime.parse("23:59:59.999-15:59"), LocalDateTime.MAX,
                        LocalDateTime.parse("1969-12-31T23:59:59.999999999"), null, new UUID(0, 0), -1L},
                new Object[columns.size()]};
        try (TableWriter writer = DataFiles.writer(file, spark, columns)) {
            for (Object[] row : rows) {
                writer.write(row);
            }
            writer.close();
            assertEquals(List.of(), writer.warnings(), "no offset is lost");
        }
        MessageType schema;
        Map<String, String> metadata;
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), LocalReadOptions.create())) {
            schema = reader.getFooter().getFileMetaData().getSchema();
            metadata = reader.getFooter().getFileMetaData().getKeyValueMetaData();
        }
        assertEquals("message table { optional int64 tm; optional binary tm9 (STRING); optional binary ttz (STRING);"
                + " optional int64 ts (TIMESTAMP(MICROS,false)); optional binary ts9 (STRING);"
                + " optional binary tstz9 (STRING); optional binary u (STRING); optional int64 n; }",
                schema.toString().replaceAll("\\s+", " ").trim());
        assertEquals("[\"tm\"]", metadata.get(PlainTimeColumns.KEY), "n, a plain int64 too, is a number");
        assertEquals("3.0.0", metadata.get("org.apache.spark.version"));
        for (FormatOptions readWith : List.of(spark, parquet())) {
            try (TableReader reader = DataFiles.reader(file, readWith, columns)) {
                for (Object[] expected : rows) {
                    Object[] actual = reader.next();
                    for (int i = 0; i < expected.length; i++) {
                        assertEquals(expected[i], actual[i], columns.get(i).name() + " in " + reader.position());
                    }
                }
                assertNull(reader.next());
            }
        }
    }

    @Test
    void theDefaultTypes_nameNoPlainTimeAndNoSparkCalendar() throws Exception {
        Path file = temp.resolve("duckdb.parquet");
        try (TableWriter writer = DataFiles.writer(file, parquet(),
                List.of(new DataColumn("tm", ValueKind.TIME, 0, 6)))) {
            writer.write(new Object[] {LocalTime.NOON});
        }
        try (ParquetFileReader reader = ParquetFileReader.open(new LocalInputFile(file), LocalReadOptions.create())) {
            Map<String, String> metadata = reader.getFooter().getFileMetaData().getKeyValueMetaData();
            assertNull(metadata.get(PlainTimeColumns.KEY));
            assertNull(metadata.get("org.apache.spark.version"));
        }
    }

    private static FormatOptions parquet() throws SQLException {
        return FormatOptions.from(Map.of("FORMAT", "parquet"), "EXPORT DATABASE");
    }
}
