package dev.ferry.core.dialect.duckdb.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.format.TableReader;
import dev.ferry.core.model.options.DataFormat;
import dev.ferry.core.value.ValueKind;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DuckDB 1.4 exports tables of every type it has, with awkward values, in CSV (default, other delimiters, a NULLSTR,
 * gzip, zstd) and Parquet; every data file is read through the export's {@link DuckDbExport.TableLoad}s and each value
 * compared with what DuckDB holds. Both sides are compared as fingerprints that do not go through DuckDB's CSV text:
 * DuckDB computes its side in SQL (epoch microseconds, hexadecimal bytes, digits) or hands over binary values through
 * its JDBC driver (floating point numbers); the values read are fingerprinted in Java.
 */
class DuckDbExportDataTest {
    @TempDir
    static Path temp;

    private static DuckDb source;

    /**
     * A column: its DuckDB type, DuckDB's fingerprint of a value (SQL over {@code %1$s}, or {@code jdbc-...} for a
     * value the driver hands over), that of a value read, and DuckDB's fingerprint of what its Parquet file holds where
     * that is not the value (null where it is).
     */
    private record Probe(String column, String type, String sql, Function<Object, String> read, String parquetSql) {
        Probe(String column, String type, String sql, Function<Object, String> read) {
            this(column, type, sql, read, null);
        }

        String sql(DataFormat format) {
            return format == DataFormat.PARQUET && parquetSql != null ? parquetSql : sql;
        }
    }

    private static final Function<Object, String> TEXT = value -> value instanceof BigDecimal decimal
            ? decimal.toPlainString() : value.toString();

    private static final List<Probe> VALUES = List.of(
            new Probe("id", "INTEGER", "%1$s::VARCHAR", TEXT),
            new Probe("ti", "TINYINT", "%1$s::VARCHAR", TEXT),
            new Probe("si", "SMALLINT", "%1$s::VARCHAR", TEXT),
            new Probe("i", "INTEGER", "%1$s::VARCHAR", TEXT),
            new Probe("bi", "BIGINT", "%1$s::VARCHAR", TEXT),
            new Probe("hi", "HUGEINT", "%1$s::VARCHAR", TEXT),
            new Probe("ut", "UTINYINT", "%1$s::VARCHAR", TEXT),
            new Probe("us", "USMALLINT", "%1$s::VARCHAR", TEXT),
            new Probe("ui", "UINTEGER", "%1$s::VARCHAR", TEXT),
            new Probe("ub", "UBIGINT", "%1$s::VARCHAR", TEXT),
            new Probe("uh", "UHUGEINT", "%1$s::VARCHAR", TEXT),
            new Probe("bn", "BIGNUM", "%1$s::VARCHAR", TEXT),
            new Probe("d4", "DECIMAL(18,4)", "%1$s::VARCHAR", TEXT),
            new Probe("d38", "DECIMAL(38,10)", "%1$s::VARCHAR", TEXT),
            new Probe("d3", "DECIMAL(3,0)", "%1$s::VARCHAR", TEXT),
            new Probe("f", "FLOAT", "jdbc-float", value -> Float.toString((Float) value)),
            new Probe("db", "DOUBLE", "jdbc-double", value -> Double.toString((Double) value)),
            new Probe("bo", "BOOLEAN", "%1$s::VARCHAR", TEXT),
            new Probe("v", "VARCHAR", "hex(encode(%1$s))", DuckDbExportDataTest::utf8Hex),
            new Probe("bl", "BLOB", "hex(%1$s)", value -> HexFormat.of().withUpperCase().formatHex((byte[]) value)),
            new Probe("dt", "DATE", "CASE WHEN isinf(%1$s) THEN (CASE WHEN %1$s > DATE '2000-01-01' THEN 'inf' ELSE"
                    + " '-inf' END) ELSE date_diff('day', DATE '1970-01-01', %1$s)::VARCHAR END",
                    DuckDbExportDataTest::epochDay),
            new Probe("tm", "TIME", "((hour(%1$s) * 3600 + minute(%1$s) * 60)::BIGINT * 1000000"
                    + " + microsecond(%1$s))::VARCHAR", DuckDbExportDataTest::microsOfDay),
            // DuckDB's Parquet writer keeps a TIMETZ's local time and drops its offset (DuckDB reads 12:00:00+05:30
            // back from its own file as 12:00:00+00).
            new Probe("ttz", "TIMETZ", "((epoch_us(%1$s) - extract('timezone' FROM %1$s) * 1000000 + 86400000000)"
                    + " %% 86400000000)::VARCHAR", DuckDbExportDataTest::utcMicrosOfDay, "epoch_us(%1$s)::VARCHAR"),
            new Probe("ts", "TIMESTAMP", infiniteOr("epoch_us(%1$s)::VARCHAR"), DuckDbExportDataTest::epochMicros),
            new Probe("tss", "TIMESTAMP_S", "epoch_us(%1$s)::VARCHAR", DuckDbExportDataTest::epochMicros),
            new Probe("tms", "TIMESTAMP_MS", "epoch_us(%1$s)::VARCHAR", DuckDbExportDataTest::epochMicros),
            new Probe("tns", "TIMESTAMP_NS", "epoch_ns(%1$s)::VARCHAR", DuckDbExportDataTest::epochNanos),
            new Probe("tz", "TIMESTAMPTZ", infiniteOr("epoch_us(%1$s)::VARCHAR"), DuckDbExportDataTest::epochMicros),
            new Probe("uu", "UUID", "%1$s::VARCHAR", TEXT),
            new Probe("iv", "INTERVAL", "%1$s::VARCHAR", TEXT),
            new Probe("js", "JSON", "%1$s::VARCHAR", TEXT),
            new Probe("en", "mood", "%1$s::VARCHAR", TEXT),
            new Probe("bits", "BIT", "%1$s::VARCHAR", TEXT),
            new Probe("li", "INTEGER[]", elements("coalesce(x::VARCHAR, 'N')"), list(TEXT)),
            new Probe("la", "INTEGER[3]", elements("coalesce(x::VARCHAR, 'N')"), list(TEXT)),
            new Probe("lv", "VARCHAR[]", elements("coalesce(hex(encode(x)), 'N')"), list(DuckDbExportDataTest::utf8Hex)),
            new Probe("ld", "DOUBLE[]", "jdbc-array", list(TEXT)),
            new Probe("lb", "BLOB[]", elements("coalesce(hex(x), 'N')"), list(text -> ((String) text).toUpperCase())),
            new Probe("ltz", "TIMESTAMPTZ[]", elements("coalesce(epoch_us(x)::VARCHAR, 'N')"),
                    list(text -> epochMicros(ValueKind.TIMESTAMP_WITH_TIME_ZONE.parse((String) text)))));

    /** Types Ferry's Parquet reader does not read: DuckDB's CSV export carries them as text. */
    private static final List<Probe> NESTED = List.of(
            new Probe("id", "INTEGER", "%1$s::VARCHAR", TEXT),
            new Probe("st", "STRUCT(a INTEGER, \"b c\" VARCHAR)", "%1$s::VARCHAR", TEXT),
            new Probe("mp", "MAP(VARCHAR, INTEGER)", "%1$s::VARCHAR", TEXT),
            new Probe("un", "UNION(n INTEGER, s VARCHAR)", "%1$s::VARCHAR", TEXT),
            new Probe("lli", "INTEGER[][]", "CASE WHEN %1$s IS NULL THEN NULL WHEN len(%1$s) = 0 THEN '' ELSE"
                    + " array_to_string(list_transform(%1$s,"
                    + " l -> CASE WHEN l IS NULL THEN 'N' ELSE '[' || coalesce(array_to_string(list_transform(l, x ->"
                    + " coalesce(x::VARCHAR, 'N')), ','), '') || ']' END), ',') END", list(value -> value instanceof Object[] inner
                    ? "[" + list(TEXT).apply(inner) + "]" : TEXT.apply(value))),
            new Probe("ls", "STRUCT(a INTEGER)[]", elements("coalesce(x::VARCHAR, 'N')"), list(TEXT)));

    private static final List<Probe> ONE_STRING = List.of(new Probe("s", "VARCHAR", "hex(encode(%1$s))",
            DuckDbExportDataTest::utf8Hex));

    private static final Map<String, List<Probe>> TABLES = Map.of("main.all_types", VALUES,
            "Odd Schema.nested \"t\"", NESTED, "main.one_string", ONE_STRING);

    @BeforeAll
    static void createTables() throws SQLException {
        source = DuckDb.inMemory();
        source.execute("SET TimeZone = 'Asia/Kolkata'",
                "CREATE TYPE mood AS ENUM ('sad', 'it''s ok', 'x,y')",
                "CREATE SCHEMA \"Odd Schema\"",
                create("all_types", VALUES),
                create("\"Odd Schema\".\"nested \"\"t\"\"\"", NESTED),
                create("one_string", ONE_STRING),
                "INSERT INTO all_types VALUES (1, 1, -2, 3, -4, 5, 6, 7, 8, 9, 10, 11, 1.5, -2.25, 3, 0.1, 0.1, true,"
                        + " 'plain', 'ab'::BLOB, DATE '2024-02-29', TIME '13:45:07.123456', TIMETZ '12:00:00+05:30',"
                        + " TIMESTAMP '2024-02-29 12:34:56.123456', TIMESTAMP_S '2024-02-29 12:34:56',"
                        + " TIMESTAMP_MS '2024-02-29 12:34:56.789', TIMESTAMP_NS '2024-02-29 12:34:56.123456789',"
                        + " TIMESTAMPTZ '2024-01-01 10:00:00.5+05:30', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',"
                        + " INTERVAL '1 year 2 months 3 days 04:05:06.789', '{\"a\":[1,\"x\",null]}', 'sad', '0101',"
                        + " [1, NULL, 3], [1, 2, 3], ['a', 'b c'], [1.5, -2.0], ['\\x00\\xFF'::BLOB],"
                        + " [TIMESTAMPTZ '2020-01-01 00:00:00+00'])",
                "INSERT INTO all_types VALUES (2, -128, -32768, -2147483648, -9223372036854775808,"
                        + " -170141183460469231731687303715884105728, 255, 65535, 4294967295, 18446744073709551615,"
                        + " 340282366920938463463374607431768211455, -123456789012345678901234567890123456789012,"
                        + " -99999999999999.9999, 1234567890123456789012345678.0123456789, -999, 'NaN', '-inf', false,"
                        + " 'a,b|c;d\"e''f\\g\r\nh\ti 😀 שלום ', '\\x00\\x5C\\x22\\x27,\\x0A\\xFF'::BLOB,"
                        + " DATE '0044-03-15 (BC)', TIME '24:00:00', TIMETZ '23:59:59.999999-15:59',"
                        + " TIMESTAMP 'infinity', TIMESTAMP_S '1677-09-22 00:00:00', TIMESTAMP_MS '0001-01-01 00:00:00',"
                        + " TIMESTAMP_NS '2262-04-11 23:47:16.854775', TIMESTAMPTZ '-infinity',"
                        + " '00000000-0000-0000-0000-000000000000', INTERVAL '25 months 40 days 100:00:00.25',"
                        + " '\"\"', 'it''s ok', '1', [], [NULL, NULL, NULL],"
                        + " ['', 'NULL', NULL, 'it''s', 'a\"b', 'x]y', '[', ' sp ', '\\', 'new\nline', 'a, b'],"
                        + " ['nan', 'inf', '-inf', -0.0, 1e300, 5e-324], [], [NULL])",
                "INSERT INTO all_types VALUES (3, 127, 32767, 2147483647, 9223372036854775807, 0, 0, 0, 0, 0, 0, 0,"
                        + " 0, 0, 0, '-0.0', 'inf', NULL, '', ''::BLOB, DATE 'infinity', TIME '00:00:00',"
                        + " TIMETZ '00:00:00+00', TIMESTAMP '-infinity', NULL, NULL, NULL, TIMESTAMPTZ 'infinity',"
                        + " NULL, INTERVAL '0 seconds', '[]', 'x,y', '1', NULL, NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO all_types (id, dt, ts, tz, v) VALUES (4, DATE '294247-01-10',"
                        + " TIMESTAMP '294247-01-10 04:00:54.775806', TIMESTAMPTZ '1950-01-01 00:00:00+00', 'NULL'),"
                        + " (5, DATE '0001-01-01', TIMESTAMP '0044-03-15 (BC) 10:11:12.5', NULL, '\\N'), (6, NULL,"
                        + " NULL, NULL, NULL)",
                "INSERT INTO \"Odd Schema\".\"nested \"\"t\"\"\" VALUES"
                        + " (1, {'a': 1, 'b c': 'it''s, x'}, MAP {'k''1': 1, 'NULL': NULL}, union_value(n := 5),"
                        + " [[1, 2], [3, NULL], NULL, []], [{'a': 1}, NULL]),"
                        + " (2, NULL, MAP {}, union_value(s := 'x, y'), [], []), (3, NULL, NULL, NULL, NULL, NULL)",
                "INSERT INTO one_string VALUES (NULL), (''), ('x'), (NULL), ('\"'), ('')");
    }

    @AfterAll
    static void close() throws SQLException {
        source.close();
    }

    private static String create(String table, List<Probe> probes) {
        return "CREATE TABLE " + table + " (" + probes.stream().map(p -> p.column() + " " + p.type())
                .collect(Collectors.joining(", ")) + ")";
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "(FORMAT csv, DELIMITER '|')", "(FORMAT csv, DELIMITER ';', NULLSTR 'NULL', HEADER false)",
            "(FORMAT csv, COMPRESSION gzip)", "(FORMAT csv, COMPRESSION zstd)", "(FORMAT parquet)"})
    void everyValueReadsAsDuckDbHoldsIt(String options) throws Exception {
        Path export = temp.resolve("export-" + Integer.toHexString(options.hashCode()));
        source.export(export, options);
        DuckDbExport read = DuckDbExport.read(export);
        assertEquals(3, read.loads().size());
        int checked = 0;
        for (DuckDbExport.TableLoad load : read.loads()) {
            List<Probe> probes = TABLES.get(load.table().toString());
            if (load.options().format() == DataFormat.PARQUET && probes == NESTED) {
                SQLException refused = assertThrows(SQLException.class, () -> load.open(load.dataColumns()).close());
                assertEquals("22000", refused.getSQLState());
                assertTrue(read.schema().warnings().stream().anyMatch(w -> w.contains("Column st of Odd Schema.nested")
                        && w.contains("Parquet reader does not read")), read.schema().warnings().toString());
                continue;
            }
            assertEquals(expected(load, probes), actual(load, probes), options + ": " + load);
            checked++;
        }
        assertEquals(options.contains("parquet") ? 2 : 3, checked);
    }

    /** DuckDB's fingerprints of the table's rows. */
    private static List<List<String>> expected(DuckDbExport.TableLoad load, List<Probe> probes) throws SQLException {
        String table = "\"" + load.table().schema() + "\".\"" + load.table().name().replace("\"", "\"\"") + "\"";
        DataFormat format = load.options().format();
        String select = probes.stream().map(p -> p.sql().startsWith("jdbc-") ? p.column()
                : String.format(p.sql(format), p.column())).collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = source.connection().createStatement();
             ResultSet result = statement.executeQuery("SELECT " + select + " FROM " + table + " ORDER BY rowid")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < probes.size(); i++) {
                    row.add(switch (probes.get(i).sql()) {
                        case "jdbc-float" -> result.getObject(i + 1) == null ? null : Float.toString(result.getFloat(i + 1));
                        case "jdbc-double" -> result.getObject(i + 1) == null ? null
                                : Double.toString(result.getDouble(i + 1));
                        case "jdbc-array" -> result.getArray(i + 1) == null ? null
                                : Arrays.stream((Object[]) result.getArray(i + 1).getArray())
                                .map(e -> e == null ? "N" : e.toString()).collect(Collectors.joining(","));
                        default -> result.getString(i + 1);
                    });
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** The fingerprints of the rows read from the data file. */
    private static List<List<String>> actual(DuckDbExport.TableLoad load, List<Probe> probes) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (TableReader reader = load.open(load.dataColumns())) {
            for (Object[] row = reader.next(); row != null; row = reader.next()) {
                List<String> fingerprints = new ArrayList<>();
                for (int i = 0; i < probes.size(); i++) {
                    fingerprints.add(row[i] == null ? null : probes.get(i).read().apply(row[i]));
                }
                rows.add(fingerprints);
            }
        }
        return rows;
    }

    private static String infiniteOr(String finite) {
        return "CASE WHEN isinf(%1$s) THEN (CASE WHEN %1$s > TIMESTAMP '2000-01-01' THEN 'inf' ELSE '-inf' END) ELSE "
                + finite + " END";
    }

    private static String elements(String element) {
        return "CASE WHEN %1$s IS NULL THEN NULL WHEN len(%1$s) = 0 THEN '' ELSE array_to_string(list_transform(%1$s,"
                + " x -> " + element + "), ',') END";
    }

    private static Function<Object, String> list(Function<Object, String> element) {
        return value -> Arrays.stream((Object[]) value).map(e -> e == null ? "N" : element.apply(e))
                .collect(Collectors.joining(","));
    }

    private static String utf8Hex(Object text) {
        return HexFormat.of().withUpperCase().formatHex(((String) text).getBytes(StandardCharsets.UTF_8));
    }

    private static String epochDay(Object value) {
        LocalDate date = (LocalDate) value;
        return date.equals(LocalDate.MAX) ? "inf" : date.equals(LocalDate.MIN) ? "-inf"
                : Long.toString(date.toEpochDay());
    }

    /** Ferry carries DuckDB's 24:00:00 as the last nanosecond of the day, as it carries PostgreSQL's. */
    private static String microsOfDay(Object value) {
        LocalTime time = (LocalTime) value;
        return time.equals(LocalTime.MAX) ? "86400000000" : Long.toString(time.toNanoOfDay() / 1000);
    }

    private static String utcMicrosOfDay(Object value) {
        OffsetTime time = (OffsetTime) value;
        long micros = time.toLocalTime().toNanoOfDay() / 1000 - time.getOffset().getTotalSeconds() * 1_000_000L;
        return Long.toString(Math.floorMod(micros, 86_400_000_000L));
    }

    private static String epochMicros(Object value) {
        if (value instanceof OffsetDateTime timestamp) {
            return timestamp.equals(OffsetDateTime.MAX) ? "inf" : timestamp.equals(OffsetDateTime.MIN) ? "-inf"
                    : Long.toString(ChronoUnit.MICROS.between(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC),
                    timestamp));
        }
        LocalDateTime timestamp = (LocalDateTime) value;
        return timestamp.equals(LocalDateTime.MAX) ? "inf" : timestamp.equals(LocalDateTime.MIN) ? "-inf"
                : Long.toString(ChronoUnit.MICROS.between(LocalDateTime.of(1970, 1, 1, 0, 0), timestamp));
    }

    private static String epochNanos(Object value) {
        return Long.toString(ChronoUnit.NANOS.between(LocalDateTime.of(1970, 1, 1, 0, 0), (LocalDateTime) value));
    }
}
