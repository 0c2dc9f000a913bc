package dev.ferry.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spark 3.5 (local mode, in a JVM of its own: see the spark-reader module) reads a DuckDB database exported with
 * {@code FORMAT parquet, PARQUET_TYPES spark} as it is, one table folder at a time ({@code spark.read.parquet(dir +
 * "/data/main.every_type")}, through {@link SparkReader}), every value as in the source; with the default
 * {@code duckdb} types it refuses the
 * tables of UUID, TIME, TIME WITH TIME ZONE and TIMESTAMP_NS; and IMPORT reads the {@code spark} export back exactly.
 * Dates and timestamps before the Gregorian reform are read as they are, with Spark's default settings (its reader
 * refuses them in a file that does not say it is in the proleptic Gregorian calendar).
 * One Spark run reads every folder of both exports.
 */
class SparkReadsExportIT {
    /** How Spark's text of a value is compared with DuckDB's text of the source value ({@link Column#expected}). */
    private enum Compare {
        TEXT(String::equals),
        HEX(String::equalsIgnoreCase),
        REAL((spark, source) -> Float.compare(Float.parseFloat(spark), Float.parseFloat(duckFloat(source))) == 0),
        DOUBLE((spark, source) -> Double.compare(Double.parseDouble(spark),
                Double.parseDouble(duckFloat(source))) == 0),
        DECIMAL((spark, source) -> new BigDecimal(spark).equals(new BigDecimal(source))),
        EPOCH_DAYS((spark, source) -> LocalDate.parse(spark).toEpochDay() == Long.parseLong(source)),
        /** Spark's TIMESTAMP_NTZ as a LocalDateTime, the source as microseconds since 1970 (epoch_us). */
        LOCAL_MICROS((spark, source) -> micros(LocalDateTime.parse(spark).toInstant(ZoneOffset.UTC))
                == Long.parseLong(source)),
        INSTANT_MICROS((spark, source) -> micros(Instant.parse(spark)) == Long.parseLong(source)),
        OFFSET_TIME((spark, source) -> OffsetTime.parse(spark).equals(OffsetTime.parse(source))),
        NANOS_TEXT((spark, source) -> LocalDateTime.parse(spark.replace(' ', 'T'))
                .equals(LocalDateTime.parse(source.replace(' ', 'T'))));

        private final BiPredicate<String, String> same;

        Compare(BiPredicate<String, String> same) {
            this.same = same;
        }
    }

    /**
     * A column of the source table.
     *
     * @param name     its name
     * @param type     its DuckDB type
     * @param literals a value for each of the first rows (the others NULL)
     * @param expected DuckDB's SQL, on {@code v}, whose text Spark's value matches by {@code compare}
     * @param compare  how
     */
    private record Column(String name, String type, List<String> literals, String expected, Compare compare) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("b", "BOOLEAN", List.of("true", "false"), "v::VARCHAR", Compare.TEXT),
            new Column("ti", "TINYINT", List.of("-128", "127"), "v::VARCHAR", Compare.TEXT),
            new Column("si", "SMALLINT", List.of("-32768"), "v::VARCHAR", Compare.TEXT),
            new Column("i", "INTEGER", List.of("2147483647"), "v::VARCHAR", Compare.TEXT),
            new Column("bi", "BIGINT", List.of("-9223372036854775808", "9223372036854775807"), "v::VARCHAR",
                    Compare.TEXT),
            new Column("hi", "HUGEINT", List.of("'-170141183460469231731687303715884105728'"), "v::VARCHAR",
                    Compare.TEXT),
            new Column("ut", "UTINYINT", List.of("255"), "v::VARCHAR", Compare.TEXT),
            new Column("us", "USMALLINT", List.of("65535"), "v::VARCHAR", Compare.TEXT),
            new Column("ui", "UINTEGER", List.of("4294967295"), "v::VARCHAR", Compare.TEXT),
            new Column("ub", "UBIGINT", List.of("18446744073709551615"), "v::VARCHAR", Compare.DECIMAL),
            new Column("uh", "UHUGEINT", List.of("'340282366920938463463374607431768211455'"), "v::VARCHAR",
                    Compare.TEXT),
            new Column("d1", "DECIMAL(4,1)", List.of("-999.9"), "v::VARCHAR", Compare.DECIMAL),
            new Column("d2", "DECIMAL(18,4)", List.of("12345678901234.5678"), "v::VARCHAR", Compare.DECIMAL),
            new Column("d3", "DECIMAL(38,10)", List.of("-1234567890123456789012345678.0123456789"), "v::VARCHAR",
                    Compare.DECIMAL),
            new Column("r", "REAL", List.of("'NaN'", "'inf'", "'-0.0'", "0.1", "3.4028235e38"), "v::VARCHAR",
                    Compare.REAL),
            new Column("dbl", "DOUBLE", List.of("'-inf'", "4.9e-324", "0.1", "'-0.0'", "'NaN'"), "v::VARCHAR",
                    Compare.DOUBLE),
            new Column("s", "VARCHAR", List.of("''", "'a,b\"c''d' || chr(13) || chr(10) || chr(9) || 'e'",
                    "'😀 𝄞 שלום مرحبا'", "'NULL'"), "v", Compare.TEXT),
            new Column("bl", "BLOB", List.of("''::BLOB", "'\\x00\\xFF\\x7F\\x80'::BLOB"), "hex(v)", Compare.HEX),
            new Column("dt", "DATE", List.of("'0001-01-01'", "'9999-12-31'", "'1970-01-01'", "'-0043-03-15'",
                    "'1582-10-04'"),
                    "datediff('day', DATE '1970-01-01', v)::VARCHAR", Compare.EPOCH_DAYS),
            new Column("tm", "TIME", List.of("'23:59:59.999999'", "'00:00:00'", "'24:00:00'", "'12:00:00.5'"),
                    "((hour(v)::BIGINT * 60 + minute(v)) * 60000000 + microsecond(v))::VARCHAR", Compare.TEXT),
            new Column("tz", "TIMETZ", List.of("'12:34:56.5+05:30'", "'23:59:59.999999-15:59'"), "v::VARCHAR",
                    Compare.OFFSET_TIME),
            new Column("ts", "TIMESTAMP", List.of("'2024-02-29 23:59:59.123456'", "'0001-01-01 00:00:00'",
                    "'1582-10-04 12:00:00'"),
                    "epoch_us(v)::VARCHAR", Compare.LOCAL_MICROS),
            new Column("tss", "TIMESTAMP_S", List.of("'2024-02-29 23:59:59'"), "epoch_us(v)::VARCHAR",
                    Compare.LOCAL_MICROS),
            new Column("tsm", "TIMESTAMP_MS", List.of("'1969-12-31 23:59:59.999'"), "epoch_us(v)::VARCHAR",
                    Compare.LOCAL_MICROS),
            new Column("tsn", "TIMESTAMP_NS", List.of("'2024-02-29 23:59:59.123456789'",
                    "'1969-12-31 23:59:59.999999999'"), "v::VARCHAR", Compare.NANOS_TEXT),
            new Column("tstz", "TIMESTAMPTZ", List.of("'2024-01-01 10:00:00.5+05:30'", "'0001-01-01 00:00:00+00'"), "epoch_us(v)::VARCHAR",
                    Compare.INSTANT_MICROS),
            new Column("u", "UUID", List.of("'47acd9a8-ba45-4bee-82fc-f0f42faa7e27'",
                    "'00000000-0000-0000-0000-000000000000'"), "v::VARCHAR", Compare.TEXT),
            new Column("j", "JSON", List.of("'{\"a\":[1,\"x\",null]}'"), "v::VARCHAR", Compare.TEXT),
            new Column("l", "INTEGER[]", List.of("[1, 2, NULL]", "[]"), "v::VARCHAR", Compare.TEXT),
            new Column("iv", "INTERVAL", List.of("INTERVAL '1 year 2 months 3 days 04:05:06.789'"), "v::VARCHAR",
                    Compare.TEXT),
            new Column("e", "mood", List.of("'happy'"), "v::VARCHAR", Compare.TEXT),
            new Column("bt", "BIT", List.of("'10101'::BIT"), "v::VARCHAR", Compare.TEXT));

    /** The tables of the types Spark 3.5 refuses in their exact Parquet types, each with its column's type. */
    private static final Map<String, String> REFUSED = Map.of("refused_uuid", "UUID", "refused_time", "TIME",
            "refused_timetz", "TIMETZ", "refused_timestamp_ns", "TIMESTAMP_NS");

    @TempDir
    static Path temp;

    private static Path source;
    private static Path sparkExport;
    private static Path duckDbExport;
    private static final Map<String, JsonNode> READ = new HashMap<>();

    @BeforeAll
    static void exportAndReadWithSpark() throws Exception {
        source = temp.resolve("source.duckdb");
        try (Connection duckdb = DriverManager.getConnection("jdbc:ferry:duckdb:" + source);
             Statement s = duckdb.createStatement()) {
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
            StringBuilder create = new StringBuilder("CREATE TABLE every_type (id INTEGER PRIMARY KEY");
            COLUMNS.forEach(c -> create.append(", ").append(c.name()).append(' ').append(c.type()));
            s.execute(create + ")");
            int rows = COLUMNS.stream().mapToInt(c -> c.literals().size()).max().orElseThrow() + 1;
            for (int row = 0; row < rows; row++) {
                StringBuilder insert = new StringBuilder("INSERT INTO every_type VALUES (" + row);
                for (Column column : COLUMNS) {
                    insert.append(", ").append(row < column.literals().size() ? column.literals().get(row) : "NULL");
                }
                s.execute(insert + ")");
            }
            for (Map.Entry<String, String> refused : REFUSED.entrySet()) {
                String column = COLUMNS.stream().filter(c -> c.type().equals(refused.getValue())).findFirst()
                        .orElseThrow().name();
                s.execute("CREATE TABLE " + refused.getKey() + " AS SELECT id, " + column + " AS v FROM every_type");
            }
            sparkExport = temp.resolve("spark");
            duckDbExport = temp.resolve("duckdb");
            s.execute("EXPORT DATABASE '" + sparkExport + "' (FORMAT parquet, PARQUET_TYPES spark)");
            s.execute("EXPORT DATABASE '" + duckDbExport + "' (FORMAT parquet)");
        }
        List<Path> folders = new ArrayList<>();
        for (Path export : List.of(sparkExport, duckDbExport)) {
            folders.add(folder(export, "every_type"));
            REFUSED.keySet().forEach(table -> folders.add(folder(export, table)));
        }
        READ.putAll(SparkReader.read(temp, folders));
    }

    /**
     * What Spark reads of a table: its folder; in the export with DuckDB's types, whose scripts are for DuckDB's own
     * IMPORT (which finds data files by name alone), its one file beside the scripts.
     */
    private static Path folder(Path export, String table) {
        return export.equals(duckDbExport) ? export.resolve("main." + table + ".parquet")
                : export.resolve("data").resolve("main." + table);
    }

    private static JsonNode read(Path export, String table) {
        return READ.get(folder(export, table).toString());
    }

    @Test
    void sparkReadsEveryValueOfTheSparkTypedExport_asInTheSource() throws Exception {
        JsonNode read = read(sparkExport, "every_type");
        assertNull(read.get("error"), () -> read.get("error").asText());
        List<String> names = new ArrayList<>();
        read.get("schema").fieldNames().forEachRemaining(names::add);
        Map<Integer, JsonNode> byId = new HashMap<>();
        read.get("rows").forEach(row -> byId.put(Integer.parseInt(row.get(0).asText()), row));
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + source);
             Statement s = duckdb.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            int checked = 0;
            for (Column column : COLUMNS) {
                int position = names.indexOf(column.name());
                assertTrue(position > 0, column.name() + " in " + names);
                try (ResultSet rs = s.executeQuery("SELECT id, " + column.expected().replace("v", column.name())
                        + " FROM every_type ORDER BY id")) {
                    while (rs.next()) {
                        JsonNode row = byId.get(rs.getInt(1));
                        assertNotNull(row, "row " + rs.getInt(1));
                        String expected = rs.getString(2);
                        JsonNode value = row.get(position);
                        String where = column.name() + " " + column.type() + ", row " + rs.getInt(1) + ": Spark read "
                                + value + " (" + read.get("schema").get(column.name()) + "), the source holds "
                                + expected;
                        if (expected == null) {
                            assertTrue(value.isNull(), where);
                            continue;
                        }
                        String spark = value.isArray() ? list(value) : value.asText();
                        assertTrue(column.compare().same.test(spark, expected), where);
                        checked++;
                    }
                }
            }
            assertEquals(COLUMNS.stream().mapToInt(c -> c.literals().size()).sum(), checked);
        }
    }

    @Test
    void sparkRefusesTheExactTypes_andReadsTheirSparkTypes() {
        assertTrue(Files.isRegularFile(duckDbExport.resolve("main.every_type.parquet")),
                "written for DuckDB's own IMPORT, the default export has its files beside the scripts");
        assertFalse(Files.exists(duckDbExport.resolve("data")));
        for (String table : REFUSED.keySet()) {
            JsonNode exact = read(duckDbExport, table);
            assertNotNull(exact.get("error"), table + " in duckdb types: " + exact);
            String refusal = "Illegal Parquet type: " + switch (REFUSED.get(table)) {
                case "UUID" -> "FIXED_LEN_BYTE_ARRAY (UUID)";
                case "TIME" -> "INT64 (TIME(MICROS,false))";
                case "TIMETZ" -> "INT64 (TIME(MICROS,true))";
                default -> "INT64 (TIMESTAMP(NANOS,false))";
            };
            assertTrue(exact.get("error").asText().contains(refusal), exact.get("error").asText());
            JsonNode spark = read(sparkExport, table);
            assertNull(spark.get("error"), () -> table + ": " + spark.get("error").asText());
            assertEquals(read(sparkExport, "every_type").get("rows").size(), spark.get("rows").size(), table);
        }
        assertNotNull(read(duckDbExport, "every_type").get("error"));
    }

    @Test
    void importReadsTheSparkTypedExportBackExactly() throws Exception {
        Path target = temp.resolve("target.duckdb");
        try (Connection duckdb = DriverManager.getConnection("jdbc:ferry:duckdb:" + target);
             Statement s = duckdb.createStatement()) {
            s.execute("IMPORT DATABASE '" + sparkExport + "'");
        }
        StringBuilder text = new StringBuilder("SELECT id");
        COLUMNS.forEach(c -> text.append(", ").append(c.name()).append("::VARCHAR, typeof(").append(c.name())
                .append(")"));
        String query = text + " FROM every_type ORDER BY id";
        try (Connection from = DriverManager.getConnection("jdbc:duckdb:" + source);
             Connection to = DriverManager.getConnection("jdbc:duckdb:" + target)) {
            List<List<Object>> expected = TestDatabases.rows(from, query);
            assertEquals(COLUMNS.stream().mapToInt(c -> c.literals().size()).max().orElseThrow() + 1, expected.size());
            assertEquals(expected, TestDatabases.rows(to, query));
        }
    }

    @Test
    void duckDbReadsTheTableFolders_andTheWholeDataFolder() throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duckdb.createStatement()) {
            String data = sparkExport.resolve("data").toString().replace("'", "''");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT filename) FROM read_parquet('" + data
                    + "/*/*.parquet', union_by_name = true, filename = true)")) {
                rs.next();
                int rows = read(sparkExport, "every_type").get("rows").size();
                assertEquals(rows * (1 + REFUSED.size()), rs.getLong(1));
                assertEquals(1 + REFUSED.size(), rs.getLong(2));
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM read_parquet('" + data
                    + "/main.every_type/*.parquet') WHERE u = '47acd9a8-ba45-4bee-82fc-f0f42faa7e27'")) {
                rs.next();
                assertEquals(1, rs.getLong(1));
            }
        }
    }

    private static String list(JsonNode array) {
        List<String> elements = new ArrayList<>();
        array.forEach(e -> elements.add(e.isNull() ? "NULL" : e.asText()));
        return "[" + String.join(", ", elements) + "]";
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    private static String duckFloat(String text) {
        return switch (text) {
            case "nan" -> "NaN";
            case "inf" -> "Infinity";
            case "-inf" -> "-Infinity";
            default -> text;
        };
    }
}
