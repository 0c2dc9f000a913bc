package dev.ferry.core.dialect.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQLite dialect's reading of declared types: affinity, value kinds, portable types, and how it declares them. */
class SqliteTypesTest {
    private final SqliteDialect dialect = new SqliteDialect();

    /** A column as SQLite's PRAGMA table_xinfo declares it. */
    private static Column declared(String type) {
        SqliteDeclaredType parsed = SqliteDeclaredType.parse(type);
        return new Column("c", parsed.name(), Types.OTHER, parsed.length(), Math.max(parsed.scale(), 0), true, null,
                null, type);
    }

    private PortableType portable(String type) {
        return dialect.portableType(declared(type));
    }

    @Test
    void declaredTypesAreReadAsSqliteKeepsThem() {
        assertEquals(new SqliteDeclaredType("DECIMAL", 18, 4), SqliteDeclaredType.parse(" decimal ( 18 , 4 ) "));
        assertEquals(new SqliteDeclaredType("UNSIGNED BIG INT", 0, -1), SqliteDeclaredType.parse("unsigned  big\tint"));
        assertEquals(new SqliteDeclaredType("VARCHAR", 255, -1), SqliteDeclaredType.parse("VarChar(+255)"));
        assertEquals(new SqliteDeclaredType("", 0, -1), SqliteDeclaredType.parse(null));
        assertEquals(new SqliteDeclaredType("", 0, -1), SqliteDeclaredType.parse("  "));
        assertEquals(new SqliteDeclaredType("VARCHAR(MAX)", 0, -1), SqliteDeclaredType.parse("varchar(max)"));
    }

    @Test
    void affinityFollowsSqlitesRulesInTheirOrder() {
        assertEquals(SqliteAffinity.INTEGER, SqliteAffinity.of("CHARINT"), "INT is looked for first");
        assertEquals(SqliteAffinity.INTEGER, SqliteAffinity.of("POINT"));
        assertEquals(SqliteAffinity.TEXT, SqliteAffinity.of("DECIMAL_TEXT"));
        assertEquals(SqliteAffinity.TEXT, SqliteAffinity.of("NATIVE CHARACTER"));
        assertEquals(SqliteAffinity.BLOB, SqliteAffinity.of(""));
        assertEquals(SqliteAffinity.INTEGER, SqliteAffinity.of("FLOATING POINT"), "SQLite's own example: POINT holds INT");
        assertEquals(SqliteAffinity.REAL, SqliteAffinity.of("FLOAT8"));
        assertEquals(SqliteAffinity.NUMERIC, SqliteAffinity.of("DATETIME"));
        assertEquals(SqliteAffinity.NUMERIC, SqliteAffinity.of("BOOLEAN"));
        assertEquals(SqliteAffinity.NUMERIC, SqliteAffinity.of("DECIMAL"));
    }

    @Test
    void valuesAreCarriedByTheDeclaredTypeWhateverTheDriverSaysOfTheRow() {
        String[][] cases = {
                {"INTEGER", "BIGINT"}, {"TINYINT", "BIGINT"}, {"MEDIUMINT", "BIGINT"}, {"BOOLEAN", "BOOLEAN"},
                {"REAL", "DOUBLE"}, {"DOUBLE PRECISION", "DOUBLE"}, {"FLOAT", "DOUBLE"}, {"DECIMAL", "DECIMAL"},
                {"DECIMAL_TEXT", "DECIMAL"}, {"TEXT", "STRING"}, {"VARCHAR", "STRING"}, {"CLOB", "STRING"},
                {"DATETIME", "STRING"}, {"TIMESTAMP", "STRING"}, {"DATE", "STRING"}, {"UUID", "STRING"},
                {"JSON", "JSON"}, {"JSON_TEXT", "JSON"}, {"BLOB", "BINARY"}, {"VARBINARY", "BINARY"},
                {"", "ENGINE_TEXT"}, {"NUMERIC", "ENGINE_TEXT"}, {"ANY", "ENGINE_TEXT"}, {"MONEY", "ENGINE_TEXT"},
        };
        for (String[] c : cases) {
            for (int jdbcType : new int[] {Types.INTEGER, Types.VARCHAR, Types.NULL}) {
                assertEquals(ValueKind.valueOf(c[1]), dialect.valueKind(jdbcType, c[0]), c[0]);
            }
        }
    }

    @Test
    void columnsThatHoldAnyValueAreSelectedInSqlitesLiteralForm() {
        assertEquals("\"a\"\"b\"", dialect.selectColumn("a\"b", Types.INTEGER, "INTEGER"));
        String literal = dialect.selectColumn("n", Types.NUMERIC, "NUMERIC");
        assertTrue(literal.startsWith("CASE typeof(\"n\")") && literal.endsWith(" AS \"n\""), literal);
        assertEquals(literal, dialect.selectColumn("n", Types.BLOB, ""));
    }

    @Test
    void portableTypesByTheUsualNames() {
        assertEquals(PortableType.of(TypeFamily.BIGINT, "INTEGER"), portable("INTEGER"));
        assertEquals(PortableType.of(TypeFamily.INTEGER, "INT"), portable("INT"));
        assertEquals(PortableType.of(TypeFamily.BIGINT, "BIGINT"), portable("BIGINT"));
        assertEquals(PortableType.of(TypeFamily.SMALLINT, "smallint"), portable("smallint"));
        assertEquals(PortableType.of(TypeFamily.TINYINT, "TINYINT"), portable("TINYINT"));
        assertEquals(PortableType.of(TypeFamily.BOOLEAN, "BOOLEAN"), portable("BOOLEAN"));
        assertEquals(PortableType.decimal(18, 4, "DECIMAL(18,4)"), portable("DECIMAL(18,4)"));
        assertEquals(PortableType.decimal(10, 2, "NUMERIC(10, 2)"), portable("NUMERIC(10, 2)"));
        assertEquals(PortableType.decimal(10, 0, "DECIMAL(10)"), portable("DECIMAL(10)"));
        assertEquals(PortableType.decimal(0, 0, "NUMERIC"), portable("NUMERIC"));
        assertEquals(PortableType.of(TypeFamily.DOUBLE, "REAL"), portable("REAL"));
        assertEquals(PortableType.of(TypeFamily.DOUBLE, "DOUBLE PRECISION"), portable("DOUBLE PRECISION"));
        assertEquals(PortableType.of(TypeFamily.DOUBLE, "FLOAT"), portable("FLOAT"));
        assertEquals(PortableType.sized(TypeFamily.VARCHAR, 10, "VARCHAR(10)"), portable("VARCHAR(10)"));
        assertEquals(PortableType.of(TypeFamily.TEXT, "VARCHAR"), portable("VARCHAR"));
        assertEquals(PortableType.sized(TypeFamily.CHAR, 3, "CHAR(3)"), portable("CHAR(3)"));
        assertEquals(PortableType.of(TypeFamily.TEXT, "TEXT"), portable("TEXT"));
        assertEquals(PortableType.of(TypeFamily.TEXT, "CLOB"), portable("CLOB"));
        assertEquals(PortableType.of(TypeFamily.BLOB, "BLOB"), portable("BLOB"));
        assertEquals(PortableType.of(TypeFamily.DATE, "DATE"), portable("DATE"));
        assertEquals(PortableType.temporal(TypeFamily.TIME, -1, "TIME"), portable("TIME"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, -1, "DATETIME"), portable("DATETIME"));
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 3, "TIMESTAMP(3)"), portable("TIMESTAMP(3)"));
        assertEquals(PortableType.of(TypeFamily.UUID, "UUID"), portable("UUID"));
        assertEquals(PortableType.of(TypeFamily.JSON, "JSON"), portable("JSON"));
    }

    @Test
    void otherNamesByAffinity_andNoTypeIsOther() {
        assertEquals(PortableType.of(TypeFamily.BIGINT, "UNSIGNED BIG INT"), portable("UNSIGNED BIG INT"));
        assertEquals(PortableType.of(TypeFamily.BIGINT, "MY_INTEGERS"), portable("MY_INTEGERS"));
        assertEquals(PortableType.of(TypeFamily.TEXT, "NATIVE TEXT"), portable("NATIVE TEXT"));
        assertEquals(PortableType.of(TypeFamily.DOUBLE, "FLOATING"), portable("FLOATING"));
        assertEquals(PortableType.of(TypeFamily.BLOB, "BLOBBY"), portable("BLOBBY"));
        assertEquals(PortableType.of(TypeFamily.OTHER, "MONEY"), portable("MONEY"));
        assertEquals(PortableType.of(TypeFamily.OTHER, "(no type)"), portable(""));
        assertEquals(PortableType.of(TypeFamily.OTHER, "ANY"), portable("ANY"));
    }

    @Test
    void aPortableTypeFromTheDriversDescriptionAlone() {
        Column reported = new Column("c", "DECIMAL", Types.DECIMAL, 18, 4, true, null, null, null);
        assertEquals(PortableType.decimal(18, 4, "DECIMAL"), dialect.portableType(reported));
    }

    @Test
    void declaredTypesKeepValuesExactly() {
        assertEquals(TargetType.exact("DECIMAL_TEXT(18,4)"), dialect.typeFor(PortableType.decimal(18, 4, "x")));
        assertEquals(TargetType.exact("DECIMAL_TEXT"), dialect.typeFor(PortableType.decimal(0, 0, "x")));
        assertEquals(TargetType.exact("BOOLEAN"), dialect.typeFor(PortableType.of(TypeFamily.BOOLEAN, "x")));
        assertEquals(TargetType.exact("TIMESTAMP(9)"),
                dialect.typeFor(PortableType.temporal(TypeFamily.TIMESTAMP, 9, "x")));
        assertEquals(TargetType.exact("TIMESTAMPTZ(6)"),
                dialect.typeFor(PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 6, "x")));
        assertEquals(TargetType.exact("UUID"), dialect.typeFor(PortableType.of(TypeFamily.UUID, "x")));
        assertEquals(TargetType.exact("JSON_TEXT"), dialect.typeFor(PortableType.of(TypeFamily.JSON, "x")));
        assertEquals(TargetType.exact("VARCHAR(10)"), dialect.typeFor(PortableType.sized(TypeFamily.VARCHAR, 10, "x")));
        assertTrue(dialect.typeFor(PortableType.of(TypeFamily.DOUBLE, "x")).isLossy(), "NaN cannot be stored");
    }

    @Test
    void aDecimalIsNeverDeclaredWithNumericAffinity_norJson() {
        for (PortableType type : List.of(PortableType.decimal(18, 4, "x"), PortableType.decimal(38, 0, "x"),
                PortableType.decimal(0, 0, "x"), PortableType.of(TypeFamily.JSON, "x"))) {
            String sql = dialect.typeFor(type).sql();
            assertEquals(SqliteAffinity.TEXT, SqliteAffinity.of(sql), sql);
        }
    }

    @Test
    void arraysIntervalsAndOtherTypesAreTextWithALossNote() {
        for (PortableType type : List.of(PortableType.of(TypeFamily.INTERVAL, "INTERVAL DAY"),
                PortableType.array(PortableType.of(TypeFamily.INTEGER, "INTEGER"), "INTEGER ARRAY"),
                PortableType.of(TypeFamily.OTHER, "geometry"))) {
            TargetType target = dialect.typeFor(type);
            assertEquals("TEXT", target.sql());
            assertTrue(target.isLossy());
            assertTrue(target.loss().contains(type.describe()), target.loss());
        }
    }

    /** Every family comes back as itself from SQLite (H2 → SQLite → H2 keeps DECIMAL(18,4)). */
    @Test
    void everyFamilyDeclaredInSqliteReadsBackAsItself() {
        List<PortableType> types = new ArrayList<>();
        for (TypeFamily family : TypeFamily.values()) {
            switch (family) {
                case DECIMAL -> {
                    types.add(PortableType.decimal(18, 4, "x"));
                    types.add(PortableType.decimal(0, 0, "x"));
                }
                case CHAR, VARCHAR, BINARY, VARBINARY -> types.add(PortableType.sized(family, 16, "x"));
                case TIME, TIMESTAMP, TIME_WITH_TIME_ZONE, TIMESTAMP_WITH_TIME_ZONE -> {
                    types.add(PortableType.temporal(family, 6, "x"));
                    types.add(PortableType.temporal(family, -1, "x"));
                }
                case ARRAY, INTERVAL, OTHER -> { }
                default -> types.add(PortableType.of(family, "x"));
            }
        }
        for (PortableType type : types) {
            String sql = dialect.typeFor(type).sql();
            PortableType back = portable(sql);
            assertEquals(List.of(type.family(), type.length(), type.scale()),
                    List.of(back.family(), back.length(), back.scale()), type.describe() + " declared " + sql);
            assertFalse(dialect.typeFor(type).isLossy() && type.family() != TypeFamily.REAL
                    && type.family() != TypeFamily.DOUBLE, sql);
        }
        assertNull(dialect.typeFor(PortableType.of(TypeFamily.BIGINT, "x")).loss());
    }
}
