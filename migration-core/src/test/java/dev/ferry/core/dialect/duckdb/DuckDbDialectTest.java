package dev.ferry.core.dialect.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DuckDB dialect's type mappings and value texts, without a database. */
class DuckDbDialectTest {
    private final Dialect duckdb = new DuckDbDialect();

    private PortableType portable(String duckDbType) {
        return duckdb.portableType(new Column("c", duckDbType, DuckDbTypes.jdbcType(duckDbType), 0, 0, true, null, null,
                null));
    }

    @Test
    void duckDbTypesInEngineNeutralTerms() {
        assertEquals(PortableType.of(TypeFamily.BOOLEAN, "BOOLEAN"), portable("BOOLEAN"));
        assertEquals(TypeFamily.TINYINT, portable("TINYINT").family());
        assertEquals(TypeFamily.BIGINT, portable("BIGINT").family());
        assertEquals(PortableType.decimal(18, 4, "DECIMAL(18,4)"), portable("DECIMAL(18,4)"));
        assertEquals(PortableType.decimal(38, 10, "DECIMAL(38,10)"), portable("DECIMAL(38,10)"));
        assertEquals(TypeFamily.REAL, portable("FLOAT").family());
        assertEquals(TypeFamily.DOUBLE, portable("DOUBLE").family());
        assertEquals(TypeFamily.TEXT, portable("VARCHAR").family());
        assertEquals(TypeFamily.BLOB, portable("BLOB").family());
        assertEquals(PortableType.temporal(TypeFamily.TIME, 6, "TIME"), portable("TIME"));
        assertEquals(PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, 6, "TIME WITH TIME ZONE"),
                portable("TIME WITH TIME ZONE"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 6, "TIMESTAMP WITH TIME ZONE"),
                portable("TIMESTAMP WITH TIME ZONE"));
        assertEquals(TypeFamily.UUID, portable("UUID").family());
        assertEquals(TypeFamily.JSON, portable("JSON").family());
        assertEquals(TypeFamily.INTERVAL, portable("INTERVAL").family());
    }

    @Test
    void unsignedAndWideIntegersAreWidenedToWhatHoldsThem() {
        assertEquals(TypeFamily.SMALLINT, portable("UTINYINT").family());
        assertEquals(TypeFamily.INTEGER, portable("USMALLINT").family());
        assertEquals(TypeFamily.BIGINT, portable("UINTEGER").family());
        assertEquals(PortableType.decimal(20, 0, "UBIGINT"), portable("UBIGINT"));
        // 170141183460469231731687303715884105727 has 39 digits
        assertEquals(PortableType.decimal(39, 0, "HUGEINT"), portable("HUGEINT"));
        assertEquals(PortableType.decimal(39, 0, "UHUGEINT"), portable("UHUGEINT"));
        assertEquals(PortableType.decimal(0, 0, "BIGNUM"), portable("BIGNUM"));
    }

    @Test
    void timestampsKeepTheirFractionalDigits() {
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 0, "TIMESTAMP_S"), portable("TIMESTAMP_S"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 3, "TIMESTAMP_MS"), portable("TIMESTAMP_MS"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 6, "TIMESTAMP"), portable("TIMESTAMP"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 9, "TIMESTAMP_NS"), portable("TIMESTAMP_NS"));
    }

    @Test
    void listsAreArraysOfTheirElementAndNestedTypesAreOther() {
        assertEquals(PortableType.array(PortableType.of(TypeFamily.INTEGER, "INTEGER"), "INTEGER[]"),
                portable("INTEGER[]"));
        PortableType nested = portable("DECIMAL(9,2)[][]");
        assertEquals(TypeFamily.ARRAY, nested.family());
        assertEquals(PortableType.decimal(9, 2, "DECIMAL(9,2)"), nested.element().element());
        assertEquals(TypeFamily.ARRAY, portable("VARCHAR[3]").family());
        assertEquals(PortableType.of(TypeFamily.OTHER, "STRUCT(a INTEGER, b VARCHAR[])"),
                portable("STRUCT(a INTEGER, b VARCHAR[])"));
        assertEquals(TypeFamily.OTHER, portable("MAP(VARCHAR, INTEGER)").family());
        assertEquals(TypeFamily.OTHER, portable("ENUM('a', 'b')").family());
    }

    @Test
    void portableTypesAsDuckDbDeclaresThem() {
        assertEquals(TargetType.exact("BOOLEAN"), duckdb.typeFor(PortableType.of(TypeFamily.BOOLEAN, "bool")));
        assertEquals(TargetType.exact("SMALLINT"), duckdb.typeFor(PortableType.of(TypeFamily.SMALLINT, "int2")));
        assertEquals(TargetType.exact("DECIMAL(38, 10)"), duckdb.typeFor(PortableType.decimal(38, 10, "numeric")));
        assertEquals(TargetType.exact("VARCHAR"), duckdb.typeFor(PortableType.sized(TypeFamily.VARCHAR, 20, "varchar")));
        assertEquals(TargetType.exact("VARCHAR"), duckdb.typeFor(PortableType.sized(TypeFamily.CHAR, 5, "bpchar")));
        assertEquals(TargetType.exact("BLOB"), duckdb.typeFor(PortableType.sized(TypeFamily.VARBINARY, 8, "bytea")));
        assertEquals(TargetType.exact("TIMESTAMP"),
                duckdb.typeFor(PortableType.temporal(TypeFamily.TIMESTAMP, 3, "timestamp(3)")));
        assertEquals(TargetType.exact("TIME"), duckdb.typeFor(PortableType.temporal(TypeFamily.TIME, -1, "time")));
        assertEquals(TargetType.exact("UUID"), duckdb.typeFor(PortableType.of(TypeFamily.UUID, "uuid")));
        assertEquals(TargetType.exact("JSON"), duckdb.typeFor(PortableType.of(TypeFamily.JSON, "jsonb")));
        assertEquals(TargetType.exact("INTERVAL"), duckdb.typeFor(PortableType.of(TypeFamily.INTERVAL, "interval")));
        assertEquals(TargetType.exact("INTEGER[][]"), duckdb.typeFor(PortableType.array(
                PortableType.array(PortableType.of(TypeFamily.INTEGER, "int4"), "_int4"), "_int4")));
    }

    @Test
    void whatDuckDbCannotHoldIsDeclaredWithALossNote() {
        TargetType wide = duckdb.typeFor(PortableType.decimal(65, 30, "decimal(65,30)"));
        assertEquals("VARCHAR", wide.sql());
        assertTrue(wide.loss().contains("at most 38 digits"), wide.loss());
        TargetType unconstrained = duckdb.typeFor(PortableType.decimal(0, 0, "numeric"));
        assertEquals("VARCHAR", unconstrained.sql());
        assertTrue(unconstrained.isLossy());
        TargetType nanos = duckdb.typeFor(PortableType.temporal(TypeFamily.TIMESTAMP, 9, "TIMESTAMP(9)"));
        assertEquals("TIMESTAMP_NS", nanos.sql());
        assertTrue(nanos.loss().contains("1677"), nanos.loss());
        TargetType offsets = duckdb.typeFor(PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 6, "timestamptz"));
        assertEquals("TIMESTAMPTZ", offsets.sql());
        assertTrue(offsets.loss().contains("not its offset"), offsets.loss());
        TargetType time = duckdb.typeFor(PortableType.temporal(TypeFamily.TIME, 9, "TIME(9)"));
        assertEquals("TIME", time.sql());
        assertTrue(time.loss().contains("beyond six"), time.loss());
        TargetType geometry = duckdb.typeFor(PortableType.of(TypeFamily.OTHER, "geometry"));
        assertEquals("VARCHAR", geometry.sql());
        assertTrue(geometry.isLossy());
        TargetType arrayOfWide = duckdb.typeFor(PortableType.array(PortableType.decimal(40, 0, "numeric(40)"), "_numeric"));
        assertEquals("VARCHAR[]", arrayOfWide.sql());
        assertTrue(arrayOfWide.isLossy());
    }

    @Test
    void everyDuckDbTypeSurvivesItsWayThroughPortableTerms() {
        for (String type : List.of("BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL(18,4)", "FLOAT",
                "DOUBLE", "VARCHAR", "BLOB", "DATE", "TIME", "TIMESTAMP", "TIMESTAMP_NS", "TIMESTAMP WITH TIME ZONE",
                "UUID", "JSON", "INTERVAL", "INTEGER[]")) {
            String declared = duckdb.typeFor(portable(type)).sql();
            assertEquals(portable(type).family(), portable(declared).family(), type + " declared as " + declared);
        }
    }

    @Test
    void valueKindsByDuckDbsTypeNames() {
        assertEquals(ValueKind.DECIMAL, duckdb.valueKind(Types.OTHER, "HUGEINT"));
        assertEquals(ValueKind.DECIMAL, duckdb.valueKind(Types.OTHER, "UBIGINT"));
        assertEquals(ValueKind.BIGINT, duckdb.valueKind(Types.JAVA_OBJECT, "UINTEGER"));
        assertEquals(ValueKind.INTEGER, duckdb.valueKind(Types.JAVA_OBJECT, "UTINYINT"));
        assertEquals(ValueKind.REAL, duckdb.valueKind(Types.FLOAT, "FLOAT"));
        assertEquals(ValueKind.TIMESTAMP, duckdb.valueKind(Types.TIMESTAMP, "TIMESTAMP_NS"));
        assertEquals(ValueKind.TIME_WITH_TIME_ZONE, duckdb.valueKind(Types.JAVA_OBJECT, "TIME WITH TIME ZONE"));
        assertEquals(ValueKind.STRING, duckdb.valueKind(Types.JAVA_OBJECT, "ENUM"));
        assertEquals(ValueKind.ENGINE_TEXT, duckdb.valueKind(Types.BIT, "BIT"));
        assertEquals(ValueKind.ENGINE_TEXT, duckdb.valueKind(Types.JAVA_OBJECT, "INTERVAL"));
        assertEquals(ValueKind.ARRAY, duckdb.valueKind(Types.ARRAY, "INTEGER[][]"));
        assertEquals(ValueKind.OTHER, duckdb.valueKind(Types.STRUCT, "STRUCT(a INTEGER)"));
        assertEquals(ValueKind.OTHER, duckdb.valueKind(Types.OTHER, "MAP(VARCHAR, INTEGER)"));
    }

    @Test
    void anExportSelectsWhatTheDriversCannotReadExactlyAsAnotherType() {
        assertEquals("\"c\"", duckdb.selectColumn("c", Types.INTEGER, "INTEGER"));
        assertEquals("CAST(\"u\" AS DECIMAL(20,0)) AS \"u\"", duckdb.selectColumn("u", Types.OTHER, "UBIGINT"));
        assertEquals("CAST(\"h\" AS VARCHAR) AS \"h\"", duckdb.selectColumn("h", Types.OTHER, "HUGEINT"));
        assertEquals("CAST(\"s\" AS TIMESTAMP) AS \"s\"", duckdb.selectColumn("s", Types.TIMESTAMP, "TIMESTAMP_S"));
        assertEquals("CAST(\"l\" AS VARCHAR[]) AS \"l\"", duckdb.selectColumn("l", Types.ARRAY, "INTEGER[][]"));
        assertEquals("CAST(\"m\" AS VARCHAR) AS \"m\"", duckdb.selectColumn("m", Types.OTHER, "MAP(VARCHAR, INTEGER[])"));
        assertEquals("\"n\"", duckdb.selectColumn("n", Types.TIMESTAMP, "TIMESTAMP_NS"));
    }

    @Test
    void valuesAreHandedOverAsTheTextDuckDbCastsFrom() {
        assertEquals("infinity", DuckDbLiterals.date(LocalDate.MAX));
        assertEquals("-infinity", DuckDbLiterals.date(LocalDate.MIN));
        assertEquals("-0043-03-15", DuckDbLiterals.date(LocalDate.of(-43, 3, 15)));
        assertEquals("12345-01-01", DuckDbLiterals.date(LocalDate.of(12345, 1, 1)));
        assertEquals("2024-02-29 00:00:00", DuckDbLiterals.timestamp(LocalDateTime.of(2024, 2, 29, 0, 0)));
        assertEquals("2024-02-29 23:59:59.123456789",
                DuckDbLiterals.timestamp(LocalDateTime.of(2024, 2, 29, 23, 59, 59, 123_456_789)));
        assertEquals("infinity", DuckDbLiterals.timestamp(LocalDateTime.MAX));
        assertEquals("2024-01-01 04:30:00.5+00", DuckDbLiterals.timestampWithOffset(
                OffsetDateTime.of(2024, 1, 1, 10, 0, 0, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("-infinity", DuckDbLiterals.timestampWithOffset(OffsetDateTime.MIN));
        assertEquals("24:00:00", DuckDbLiterals.time(LocalTime.MAX));
        assertEquals("12:34:56.5+05:30", DuckDbLiterals.timeWithOffset(
                OffsetTime.of(12, 34, 56, 500_000_000, ZoneOffset.ofHoursMinutes(5, 30))));
        assertEquals("\\x00\\xFF\\x5C", DuckDbLiterals.blob(new byte[] {0, (byte) 0xff, '\\'}));
        assertEquals("[\"a,b\", NULL, \"\", \"x\\\"y\", \"back\\\\slash\", [\"1\"]]", DuckDbLiterals.list(
                new Object[] {"a,b", null, "", "x\"y", "back\\slash", new Object[] {"1"}}));
        assertEquals("[\"a,b\",null,\"x\\\"y\\nz\",[\"1\"]]",
                DuckDbLiterals.jsonList(new Object[] {"a,b", null, "x\"y\nz", new Object[] {"1"}}));
    }

    @Test
    void theDriversInfinitiesAreReadAsJavasLargestAndSmallestValues() {
        assertEquals(LocalDate.MAX, DuckDbResults.date("+5881580-07-11"), "1.4: the largest stored day");
        assertEquals(LocalDate.MIN, DuckDbResults.date("-5877641-06-24"));
        assertEquals(LocalDate.MAX, DuckDbResults.date("+999999999-12-31"), "0.8.1: LocalDate.MAX itself");
        assertEquals(LocalDate.of(-43, 3, 15), DuckDbResults.date("-0043-03-15"));
        assertNull(DuckDbResults.date(null));
        assertEquals(LocalDateTime.MAX, DuckDbResults.infinite(LocalDateTime.parse("+294247-01-10T04:00:54.775807")));
        assertEquals(LocalDateTime.MIN, DuckDbResults.infinite(LocalDateTime.parse("-290308-12-21T19:59:05.224193")));
        assertEquals(LocalDateTime.MAX, DuckDbResults.infinite(LocalDateTime.parse("2262-04-11T23:47:16.854775807")));
        LocalDateTime finite = LocalDateTime.parse("2262-04-11T23:47:16.854775");
        assertEquals(finite, DuckDbResults.infinite(finite));
        assertEquals(OffsetDateTime.MIN, DuckDbResults.timestampWithOffset(
                OffsetDateTime.parse("-290308-12-21T15:03:03.224193-04:56:02")), "in the session's zone, as 1.4 gives it");
    }

    @Test
    void foreignKeyColumnsAsDuckDbWritesThem() {
        assertEquals(List.of("x y", "z", "a\"b"), DuckDbConstraints.identifiers("\"x y\", z, \"a\"\"b\""));
        assertEquals(List.of("id"), DuckDbConstraints.identifiers("id"));
    }

    @Test
    void generatedColumnsAreFoundInDuckDbsCreateTable() {
        assertEquals(java.util.Map.of("b", "(id * 2)"), DuckDbGeneratedColumns.of(
                "CREATE TABLE s2.\"odd (\"\"t\"\"\"(id INTEGER PRIMARY KEY, \"Col A\" INTEGER,"
                        + " b INTEGER GENERATED ALWAYS AS((id * 2)));"));
        assertEquals(java.util.Map.of("name, length", "CAST(length(\"name\") AS INTEGER)"), DuckDbGeneratedColumns.of(
                "CREATE TABLE c(id INTEGER, \"name\" VARCHAR DEFAULT('GENERATED ALWAYS AS(x)'),"
                        + " \"name, length\" INTEGER GENERATED ALWAYS AS(CAST(length(\"name\") AS INTEGER)), x INTEGER,"
                        + " CHECK((x > 0)));"), "0.8.1's form, a name with a comma, the words inside a string");
        assertEquals(java.util.Map.of(), DuckDbGeneratedColumns.of("CREATE TABLE t(a INTEGER DEFAULT(1));"));
    }

    @Test
    void versionsAreReadFromTheProductVersion() {
        assertFalse(DuckDbVersion.parse("v0.8.1").describesForeignKeys());
        assertFalse(DuckDbVersion.parse("v0.8.1").showsMacros());
        assertTrue(DuckDbVersion.parse("v1.4.2").describesForeignKeys());
        assertTrue(DuckDbVersion.parse("v1.4.2").showsMacros());
        assertTrue(DuckDbVersion.parse("something else").atLeast(1, 0));
    }
}
