package dev.ferry.core.dialect.hsqldb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.Dialects;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TypeFamily;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hsqldb dialect's readings of HSQLDB's catalog text and types, and its choice for HSQLDB connections. */
class HsqldbDialectTest {
    private static final QualifiedName ORDERS = new QualifiedName("SALES", "ORDERS");

    @Test
    void chosenForHsqldbConnectionsWithTheDefaultSnapshotIsolation() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:hsqldb:mem:" + UUID.randomUUID(), "SA", "")) {
            Dialect dialect = Dialects.forConnection(connection);
            assertInstanceOf(HsqldbDialect.class, dialect);
            assertEquals(Connection.TRANSACTION_REPEATABLE_READ, dialect.snapshotIsolation(connection.getMetaData()));
            assertInstanceOf(HsqldbDialect.class, Dialects.named("HSQLDB"));
        }
    }

    /** Only the names HSQLDB makes itself are left out of the scripts; a user's, even one starting SYS_, is kept. */
    @Test
    void generatedConstraintNamesAreHsqldbsOwn() {
        HsqldbDialect dialect = new HsqldbDialect();
        for (String generated : new String[] {"SYS_PK_10094", "SYS_CT_10101", "SYS_FK_10105", "SYS_REF_10110",
                "SYS_IDX_10096"}) {
            assertTrue(dialect.isGeneratedConstraintName(generated), generated);
        }
        for (String chosen : new String[] {"SYS_MYCHECK", "SYS_PK_MINE", "ORDERS_PK", "sys_pk_1"}) {
            assertFalse(dialect.isGeneratedConstraintName(chosen), chosen);
        }
    }

    @Test
    void checksAndExpressionsLoseTheirOwnTablesQualifiersOnly() throws Exception {
        assertEquals("TOTAL>=0", HsqldbExpressions.unqualified("SALES.ORDERS.TOTAL>=0", ORDERS));
        assertEquals("(\"Id\") IN ((1),(2))", HsqldbExpressions.unqualified(
                "(\"Hr \"\"Dept\"\"\".\"Staff Member\".\"Id\") IN ((1),(2))", new QualifiedName("Hr \"Dept\"", "Staff Member")));
        assertEquals("TOTAL > OTHER.T.TOTAL AND NOTE <> 'SALES.ORDERS.NOTE'", HsqldbExpressions.unqualified(
                "SALES.ORDERS.TOTAL > OTHER.T.TOTAL AND SALES.ORDERS.NOTE <> 'SALES.ORDERS.NOTE'", ORDERS));
        assertEquals("X.SALES.ORDERS.A", HsqldbExpressions.unqualified("X.SALES.ORDERS.A", ORDERS),
                "a longer name that only ends like the table's is not the table's");
    }

    @Test
    void hsqldbsOwnNotNullConstraintsAreToldApartFromChecks() throws Exception {
        assertTrue(HsqldbExpressions.isNotNull("SALES.CUSTOMERS.ID IS NOT NULL"));
        assertTrue(HsqldbExpressions.isNotNull("\"Hr \"\"Dept\"\"\".\"Staff Member\".\"Id\" IS NOT NULL"));
        assertFalse(HsqldbExpressions.isNotNull("A IS NOT NULL OR B IS NOT NULL"));
        assertFalse(HsqldbExpressions.isNotNull("(A + 1) IS NOT NULL"));
        assertFalse(HsqldbExpressions.isNotNull("A IS NULL"));
    }

    @Test
    void identityPositionsAreReadFromScriptLines() throws Exception {
        Map<String, Long> next = new HashMap<>();
        HsqldbIdentityPositions.add("ALTER TABLE SALES.ORDERS ALTER COLUMN ID RESTART WITH 115", next);
        HsqldbIdentityPositions.add("ALTER TABLE \"Hr \"\"Dept\"\"\".\"Staff Member\" ALTER COLUMN \"Id\""
                + " RESTART WITH -20", next);
        HsqldbIdentityPositions.add("ALTER SEQUENCE PUBLIC.S RESTART WITH 8", next);
        HsqldbIdentityPositions.add("ALTER TABLE PUBLIC.T ADD CONSTRAINT X CHECK (A > 'RESTART WITH 1')", next);
        assertEquals(2, next.size());
        assertEquals(Map.of("SALES\u0000ORDERS\u0000ID", 115L, "Hr \"Dept\"\u0000Staff Member\u0000Id", -20L), next);
    }

    @Test
    void hsqldbTypesInEngineNeutralTerms() {
        assertEquals(PortableType.decimal(38, 10, "DECIMAL(38,10)"), HsqldbTypes.portable("DECIMAL(38,10)", -1));
        assertEquals(PortableType.decimal(38, 0, "NUMERIC(38)"), HsqldbTypes.portable("NUMERIC(38)", -1));
        assertEquals(TypeFamily.DOUBLE, HsqldbTypes.portable("DOUBLE", -1).family());
        assertEquals(PortableType.temporal(TypeFamily.TIMESTAMP, 6, "TIMESTAMP"), HsqldbTypes.portable("TIMESTAMP", 6));
        assertEquals(PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, 3, "TIME(3) WITH TIME ZONE"),
                HsqldbTypes.portable("TIME(3) WITH TIME ZONE", 3));
        assertEquals(TypeFamily.TEXT, HsqldbTypes.portable("CLOB(1G)", -1).family());
        assertEquals(PortableType.sized(TypeFamily.VARCHAR, 10, "VARCHAR(10) COLLATE INFORMATION_SCHEMA.SQL_TEXT_UCC"),
                HsqldbTypes.portable("VARCHAR(10) COLLATE INFORMATION_SCHEMA.SQL_TEXT_UCC", -1));
        assertEquals(TypeFamily.BLOB, HsqldbTypes.portable("BLOB(1G)", -1).family());
        assertEquals(TypeFamily.UUID, HsqldbTypes.portable("UUID", -1).family());
        assertEquals(TypeFamily.BOOLEAN, HsqldbTypes.portable("BIT(1)", -1).family());
        assertEquals(TypeFamily.OTHER, HsqldbTypes.portable("BIT(4)", -1).family(), "bit strings as HSQLDB's text");
        assertEquals(TypeFamily.OTHER, HsqldbTypes.portable("INTERVAL DAY TO SECOND(3)", -1).family());
        PortableType array = HsqldbTypes.portable("VARCHAR(20) ARRAY[5]", -1);
        assertEquals(TypeFamily.ARRAY, array.family());
        assertEquals(PortableType.sized(TypeFamily.VARCHAR, 20, "VARCHAR(20)"), array.element());
        assertEquals(TypeFamily.OTHER, HsqldbTypes.portable("TIMESTAMP ARRAY", 6).family(), "not a simple array");
        assertEquals(TypeFamily.OTHER, HsqldbTypes.portable("CLOB(1G) ARRAY", -1).family());
    }

    @Test
    void otherEnginesTypesAsHsqldbDeclaresThem() {
        assertEquals("DECIMAL(18,4)", HsqldbTypes.declare(PortableType.decimal(18, 4, "numeric(18,4)")).sql());
        assertEquals(HsqldbTypes.TEXT, HsqldbTypes.declare(PortableType.of(TypeFamily.TEXT, "text")).sql());
        assertTrue(HsqldbTypes.declare(PortableType.decimal(0, 0, "numeric")).isLossy(), "no DECIMAL of any scale");
        assertEquals("TIME(6)", HsqldbTypes.declare(PortableType.temporal(TypeFamily.TIME, -1, "TIME")).sql());
        assertEquals("TIMESTAMP(9) WITH TIME ZONE", HsqldbTypes.declare(
                PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 9, "timestamptz")).sql());
        assertEquals("DOUBLE", HsqldbTypes.declare(PortableType.of(TypeFamily.REAL, "real")).sql());
        assertEquals("INTEGER ARRAY", HsqldbTypes.declare(
                PortableType.array(PortableType.of(TypeFamily.INTEGER, "integer"), "integer[]")).sql());
        assertTrue(HsqldbTypes.declare(PortableType.array(PortableType.of(TypeFamily.BLOB, "bytea"), "bytea[]"))
                .isLossy());
        assertTrue(HsqldbTypes.declare(PortableType.of(TypeFamily.JSON, "jsonb")).isLossy());
        assertNull(HsqldbTypes.declare(PortableType.of(TypeFamily.UUID, "uuid")).loss());
    }

    @Test
    void timestampsWithTimeZoneAreReadFromHsqldbsText() {
        assertEquals(java.time.OffsetDateTime.parse("0001-01-01T00:00Z"),
                HsqldbResults.offsetDateTime("0001-01-01 00:00:00.000000+0:00"));
        assertEquals(java.time.OffsetDateTime.parse("2024-01-01T10:00:00.5+05:30"),
                HsqldbResults.offsetDateTime("2024-01-01 10:00:00.500000+5:30"));
        assertEquals(java.time.OffsetDateTime.parse("1400-06-30T23:59:59.999999-08:00"),
                HsqldbResults.offsetDateTime("1400-06-30 23:59:59.999999-8:00"));
        assertEquals(java.time.OffsetDateTime.parse("2024-01-01T10:00-14:00"),
                HsqldbResults.offsetDateTime("2024-01-01 10:00:00-14:00"));
    }
}
