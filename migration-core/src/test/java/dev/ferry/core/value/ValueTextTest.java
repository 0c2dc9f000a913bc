package dev.ferry.core.value;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The text forms written for DuckDB's CSV reader, and Ferry reading them back as it reads its own. */
class ValueTextTest {
    private static final byte[] BYTES = {0, (byte) 0xff, 0x10, '\\', 'x'};

    @Test
    void binaryIsHexForFerryAndEscapedForDuckDb() {
        assertEquals("00ff105c78", ValueText.FERRY.format(ValueKind.BINARY, BYTES));
        assertEquals("\\x00\\xFF\\x10\\x5C\\x78", ValueText.DUCKDB.format(ValueKind.BINARY, BYTES));
        assertArrayEquals(BYTES, (byte[]) ValueKind.BINARY.parse("00ff105c78"));
        assertArrayEquals(BYTES, (byte[]) ValueKind.BINARY.parse("\\x00\\xFF\\x10\\x5C\\x78"));
        assertArrayEquals(new byte[0], (byte[]) ValueKind.BINARY.parse(""));
        assertArrayEquals(BYTES, (byte[]) ValueKind.BINARY.parse("\\x00ff105c78"), "PostgreSQL's bytea text");
        assertArrayEquals(new byte[] {(byte) 0xde}, (byte[]) ValueKind.BINARY.parse("\\xde"));
    }

    @Test
    void malformedEscapesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> ValueKind.BINARY.parse("\\x0"));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.BINARY.parse("\\x00\\x0"));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.BINARY.parse("\\x00x\\01"));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.BINARY.parse("\\xZZ"));
    }

    @Test
    void arraysAreListsInSquareBracketsForDuckDb() {
        Object[] array = {"a,b", "c\"d", null, "", "NULL", "back\\slash", new Object[] {"1", "2"}, new Object[0]};
        assertEquals("{\"a,b\",\"c\\\"d\",NULL,\"\",\"NULL\",\"back\\\\slash\",{\"1\",\"2\"},{}}",
                ValueText.FERRY.format(ValueKind.ARRAY, array));
        String list = ValueText.DUCKDB.format(ValueKind.ARRAY, array);
        assertEquals("[\"a,b\",\"c\\\"d\",NULL,\"\",\"NULL\",\"back\\\\slash\",[\"1\",\"2\"],[]]", list);
        assertArrayEquals(array, (Object[]) ValueKind.ARRAY.parse(list));
        assertEquals("[\"\\\\x01\\\\xAB\"]", ValueText.DUCKDB.format(ValueKind.ARRAY, new Object[] {new byte[] {1, (byte) 0xab}}));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.ARRAY.parse("[\"a\"}"));
    }

    /** PostgreSQL's text of an array, which its exports carry, read as an array where the target has them. */
    @Test
    void postgresArrayTextIsReadToo() {
        assertArrayEquals(new Object[] {"1", null, "3"}, (Object[]) ValueKind.ARRAY.parse("{1,NULL,3}"));
        assertArrayEquals(new Object[] {"a,b", "c\"d", "", null, "NULL", "x y", "null2", "back\\"},
                (Object[]) ValueKind.ARRAY.parse("{\"a,b\",\"c\\\"d\",\"\",null,\"NULL\",\"x y\",null2,back\\\\}"));
        assertArrayEquals(new Object[] {new Object[] {"1", "2"}, new Object[] {"3", "4"}},
                (Object[]) ValueKind.ARRAY.parse("{{1,2},{3,4}}"));
        assertArrayEquals(new Object[] {"[abc]", "a[1]", "{x}"},
                (Object[]) ValueKind.ARRAY.parse("{[abc],a[1],\"{x}\"}"), "PostgreSQL quotes braces, not brackets");
        assertArrayEquals(new Object[] {"{x}", new Object[] {"1"}}, (Object[]) ValueKind.ARRAY.parse("[\"{x}\",[\"1\"]]"));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.ARRAY.parse("{1,,2}"));
        assertThrows(IllegalArgumentException.class, () -> ValueKind.ARRAY.parse("[1:2]={1,2}"),
                "explicit bounds, which a list cannot hold");
    }

    /** DuckDB's CSV reader takes no year beyond 9999 with a sign, so Ferry's infinities are written as DuckDB's. */
    @Test
    void infinitiesAreDuckDbsWords() {
        Object[][] infinities = {{ValueKind.DATE, LocalDate.MAX, LocalDate.MIN},
                {ValueKind.TIMESTAMP, LocalDateTime.MAX, LocalDateTime.MIN},
                {ValueKind.TIMESTAMP_WITH_TIME_ZONE, OffsetDateTime.MAX, OffsetDateTime.MIN}};
        for (Object[] infinity : infinities) {
            ValueKind kind = (ValueKind) infinity[0];
            assertEquals("infinity", ValueText.DUCKDB.format(kind, infinity[1]));
            assertEquals("-infinity", ValueText.DUCKDB.format(kind, infinity[2]));
            assertEquals(infinity[1], kind.parse("infinity"));
            assertEquals(infinity[2], kind.parse("-infinity"));
            assertEquals(infinity[1], kind.parse(ValueText.FERRY.format(kind, infinity[1])));
        }
        assertEquals("2024-02-29", ValueText.DUCKDB.format(ValueKind.DATE, LocalDate.of(2024, 2, 29)));
    }

    @Test
    void otherKindsAreWrittenAsFerryWritesThem() {
        assertEquals("12.50", ValueText.DUCKDB.format(ValueKind.DECIMAL, new BigDecimal("12.50")));
        assertEquals("NaN", ValueText.DUCKDB.format(ValueKind.DOUBLE, Double.NaN));
        assertEquals("line\n\"x\"", ValueText.DUCKDB.format(ValueKind.STRING, "line\n\"x\""));
    }
}
