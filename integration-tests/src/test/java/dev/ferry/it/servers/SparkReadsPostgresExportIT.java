package dev.ferry.it.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ferry.it.SparkReader;
import dev.ferry.it.values.ValueCase;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL's type matrix ({@link PostgresValuesIT}) exported with {@code FORMAT parquet, PARQUET_TYPES spark}:
 * Spark 3.5 reads the table's folder as it is, and every value is the source's (infinities as the largest and smallest
 * dates and timestamps, PostgreSQL's own types as their text); IMPORT brings the export back to the same values.
 */
class SparkReadsPostgresExportIT {
    private static final List<ValueCase> CASES = ValueCase.table(PostgresValuesIT.CASES);

    @TempDir
    static Path temp;

    private static final TestServer SERVER = TestServer.postgres();
    private static String source;
    private static Path export;
    private static JsonNode read;

    @BeforeAll
    static void exportAndReadWithSpark() throws Exception {
        source = SERVER.createDatabase();
        export = temp.resolve("export");
        try (Connection ferry = SERVER.connectFerry(source); Statement s = ferry.createStatement()) {
            s.execute("CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')");
            s.execute("CREATE DOMAIN positive_int AS integer CHECK (VALUE > 0)");
            StringBuilder create = new StringBuilder("CREATE TABLE pg_values (id integer PRIMARY KEY");
            StringBuilder values = new StringBuilder("INSERT INTO pg_values VALUES (1");
            for (int i = 0; i < CASES.size(); i++) {
                create.append(", c").append(i).append(' ').append(CASES.get(i).type());
                values.append(", ").append(CASES.get(i).value());
            }
            s.execute(create + ")");
            s.execute(values + ")");
            s.execute("INSERT INTO pg_values (id) VALUES (2)");
            s.execute("EXPORT DATABASE '" + export + "' (FORMAT parquet, PARQUET_TYPES spark)");
        }
        Path folder = export.resolve("data").resolve("public.pg_values");
        read = SparkReader.read(temp, List.of(folder)).get(folder.toString());
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (source != null) {
            SERVER.dropDatabase(source);
        }
    }

    @Test
    void sparkReadsEveryValueAsInTheSource() throws Exception {
        assertNull(read.get("error"), () -> read.get("error").asText());
        List<String> sparkTypes = new ArrayList<>();
        read.get("schema").forEach(type -> sparkTypes.add(type.asText()));
        Map<Integer, JsonNode> byId = new HashMap<>();
        read.get("rows").forEach(row -> byId.put(row.get(0).asInt(), row));
        assertEquals(2, byId.size());
        int checked = 0;
        try (Connection plain = SERVER.connect(source); Statement s = plain.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            for (int i = 0; i < CASES.size(); i++) {
                ValueCase c = CASES.get(i);
                String sparkType = sparkTypes.get(i + 1);
                try (ResultSet rs = s.executeQuery("SELECT id, " + expected(c.type(), "c" + i)
                        + " FROM pg_values ORDER BY id")) {
                    while (rs.next()) {
                        String expected = rs.getString(2);
                        JsonNode value = byId.get(rs.getInt(1)).get(i + 1);
                        String where = c + ", row " + rs.getInt(1) + ": Spark read " + value + " (" + sparkType
                                + "), the source holds " + expected;
                        if (expected == null) {
                            assertTrue(value.isNull(), where);
                            continue;
                        }
                        assertNotNull(value.textValue(), where);
                        assertTrue(same(c.type(), sparkType, value.textValue(), expected), where);
                        checked++;
                    }
                }
            }
        }
        assertEquals(CASES.stream().filter(c -> !c.value().equals("NULL")).count(), checked);
    }

    @Test
    void importReadsTheSparkTypedExportBackExactly() throws Exception {
        String target = SERVER.createDatabase();
        try {
            try (Connection ferry = SERVER.connectFerry(target); Statement s = ferry.createStatement()) {
                s.execute("IMPORT DATABASE '" + export + "'");
            }
            StringBuilder text = new StringBuilder("SELECT id");
            for (int i = 0; i < CASES.size(); i++) {
                text.append(", c").append(i).append("::text, pg_typeof(c").append(i).append(")::text");
            }
            String query = text + " FROM pg_values ORDER BY id";
            try (Connection from = SERVER.connect(source); Connection to = SERVER.connect(target)) {
                ServerQueries.execute(from, "SET TIME ZONE 'UTC'");
                ServerQueries.execute(to, "SET TIME ZONE 'UTC'");
                List<List<String>> expected = ServerQueries.rows(from, query);
                assertEquals(2, expected.size());
                assertEquals(expected, ServerQueries.rows(to, query));
            }
        } finally {
            SERVER.dropDatabase(target);
        }
    }

    /**
     * The text PostgreSQL gives of {@code column} in the terms Spark's value is compared in: days and microseconds
     * since 1970 for dates, timestamps and times (infinities as the largest and smallest numbers Ferry writes), else
     * the value's own text.
     */
    private static String expected(String type, String column) {
        if (type.equals("date")) {
            return "CASE WHEN " + column + " = 'infinity' THEN '2147483647' WHEN " + column + " = '-infinity'"
                    + " THEN '-2147483647' ELSE (" + column + " - DATE '1970-01-01')::text END";
        }
        if (type.startsWith("timestamp")) {
            return "CASE WHEN " + column + " = 'infinity' THEN '9223372036854775807' WHEN " + column + " = '-infinity'"
                    + " THEN '-9223372036854775807' ELSE (extract(epoch FROM " + column + ") * 1000000)::bigint::text"
                    + " END";
        }
        if (type.startsWith("time(")) {
            return "(extract(epoch FROM " + column + ") * 1000000)::bigint::text";
        }
        return column + "::text";
    }

    private static boolean same(String type, String sparkType, String spark, String source) {
        if (sparkType.startsWith("decimal")) {
            return new BigDecimal(spark).equals(new BigDecimal(source));
        }
        return switch (sparkType) {
            case "string" -> type.equals("time with time zone") ? offsetTime(spark).equals(offsetTime(source))
                    : spark.equals(source);
            case "binary" -> ("\\x" + spark).equalsIgnoreCase(source);
            case "date" -> LocalDate.parse(spark).toEpochDay() == Long.parseLong(source);
            case "timestamp_ntz" -> micros(LocalDateTime.parse(spark).toInstant(ZoneOffset.UTC))
                    == Long.parseLong(source);
            case "timestamp" -> micros(Instant.parse(spark)) == Long.parseLong(source);
            case "float" -> Float.compare(Float.parseFloat(spark), Float.parseFloat(source)) == 0;
            case "double" -> Double.compare(Double.parseDouble(spark), Double.parseDouble(source)) == 0;
            case "boolean", "int", "bigint" -> spark.equals(source);
            default -> fail("Spark read " + type + " as " + sparkType + ", which this test does not compare");
        };
    }

    /** A time with its offset, PostgreSQL's {@code -12} as {@code -12:00}. */
    private static OffsetTime offsetTime(String text) {
        return OffsetTime.parse(text.matches(".*[+-]\\d\\d") ? text + ":00" : text);
    }

    /** Microseconds since 1970, also for the smallest number Ferry writes (whose seconds alone overflow). */
    private static long micros(Instant instant) {
        long seconds = instant.getEpochSecond();
        long micros = instant.getNano() / 1_000;
        if (seconds < 0 && micros > 0) {
            seconds++;
            micros -= 1_000_000;
        }
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000L), micros);
    }
}
