package dev.ferry.core.dialect.h2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.model.schema.QualifiedName;
import org.junit.jupiter.api.Test;

/** The H2 1.4 dialect's readings of what H2 1.4.200's INFORMATION_SCHEMA says, without an H2 1.4 database. */
class H2LegacyDialectTest {

    private static H2LegacyType type(String typeName, String columnType, long length, long precision, int scale) {
        return new H2LegacyType(typeName, columnType, length, precision, scale);
    }

    @Test
    void typesAreWrittenAsH2TwoDeclaresThem() {
        assertEquals("CHARACTER VARYING(50)", type("VARCHAR", "VARCHAR(50)", 50, 50, 0).declaration());
        assertEquals("CHARACTER VARYING", type("VARCHAR", "VARCHAR", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).declaration());
        assertEquals("CHARACTER(5)", type("CHAR", "CHAR(5)", 5, 5, 0).declaration());
        assertEquals("CHARACTER VARYING", type("CHAR", "CHAR", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).declaration());
        assertEquals("BINARY VARYING(4)", type("VARBINARY", "BINARY(4)", 4, 4, 0).declaration(), "1.4's BINARY varies");
        assertEquals("NUMERIC(20, 5)", type("DECIMAL", "DECIMAL(20, 5)", 20, 20, 5).declaration());
        assertEquals("NUMERIC(5, 0)", type("DECIMAL", "NUMERIC(5)", 5, 5, 0).declaration());
        assertEquals("DECFLOAT", type("DECIMAL", "DECIMAL", 65535, 65535, 32767).declaration());
        assertEquals("DOUBLE PRECISION", type("DOUBLE", "FLOAT", 17, 17, 0).declaration());
        assertEquals("TIMESTAMP(6)", type("TIMESTAMP", "TIMESTAMP", 26, 26, 6).declaration());
        assertEquals("TIME(9)", type("TIME", "TIME(9)", 18, 18, 9).declaration());
        assertEquals("TIMESTAMP(3) WITH TIME ZONE",
                type("TIMESTAMP WITH TIME ZONE", "TIMESTAMP(3) WITH TIME ZONE", 29, 29, 3).declaration());
        assertEquals("TIME(0) WITH TIME ZONE", type("TIME WITH TIME ZONE", "TIME WITH TIME ZONE", 14, 14, 0).declaration());
        assertEquals("CHARACTER VARYING ARRAY", type("ARRAY", "ARRAY", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).declaration());
        assertEquals("JAVA_OBJECT", type("OTHER", "OTHER", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).declaration());
        assertEquals("UUID", type("UUID", "UUID", 16, 16, 0).declaration());
        assertEquals("INTEGER", type("INTEGER", "INT NOT NULL", 10, 10, 0).declaration());
    }

    @Test
    void enumsGeometriesAndIntervalsKeepWhatTheirDeclarationSays() {
        assertEquals("ENUM('a', 'it''s, (x)')",
                type("ENUM", "ENUM('a', 'it''s, (x)') DEFAULT 'a' NOT NULL", 1, 1, 0).declaration());
        assertEquals("GEOMETRY(POINT, 4326)", type("GEOMETRY", "GEOMETRY(POINT, 4326) NOT NULL", 0, 0, 0).declaration());
        assertEquals("GEOMETRY", type("GEOMETRY", "GEOMETRY DEFAULT NULL", 0, 0, 0).declaration());
        assertEquals("INTERVAL DAY TO SECOND", type("INTERVAL", "INTERVAL DAY TO SECOND", 2, 2, 6).declaration());
        assertEquals("INTERVAL YEAR(3)", type("INTERVAL", "INTERVAL YEAR(3) NOT NULL", 3, 3, 0).declaration());
        assertEquals("INTERVAL HOUR(4) TO SECOND(3)",
                type("INTERVAL", "INTERVAL HOUR(4) TO SECOND(3) DEFAULT INTERVAL '1' HOUR", 4, 4, 3).declaration());
    }

    @Test
    void typesWhoseValuesChangeAreNamed() {
        assertTrue(type("CHAR", "CHAR(5)", 5, 5, 0).change().contains("pads its values with spaces"));
        assertTrue(type("DECIMAL", "DECIMAL", 65535, 65535, 32767).change().contains("DECFLOAT"));
        assertTrue(type("ARRAY", "ARRAY", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).change().contains("as text"));
        assertNull(type("DECIMAL", "DECIMAL(20, 5)", 20, 20, 5).change());
        assertNull(type("VARCHAR", "VARCHAR", Integer.MAX_VALUE, Integer.MAX_VALUE, 0).change());
    }

    private static H2LegacySequence sequence(long current, long increment, long minimum, long maximum, boolean cycle) {
        return new H2LegacySequence(new QualifiedName("PUBLIC", "S"), current, increment, minimum, maximum, cycle, false);
    }

    @Test
    void aSequenceContinuesAfterTheValueItHandedOutLast() {
        assertEquals(7, sequence(4, 3, 1, Long.MAX_VALUE, false).next(), "never used: start 7 shows as 4");
        assertEquals(1030, sequence(1020, 10, 1, Long.MAX_VALUE, false).next());
        assertEquals(90, sequence(95, -5, 0, 100, false).next());
        assertEquals(1, sequence(7, 1, 1, 7, true).next(), "a cycling sequence at its end starts again");
        assertEquals(100, sequence(0, -5, 0, 100, true).next(), "descending too");
        assertEquals(Long.MIN_VALUE + 1, sequence(Long.MAX_VALUE, 2, Long.MIN_VALUE + 1, Long.MAX_VALUE, true).next(),
                "past the largest long");
    }

    @Test
    void forceIsTakenOutOfViewsAndTriggers() {
        assertEquals("CREATE VIEW \"PUBLIC\".\"V\"(\"A\") AS\nSELECT 'CREATE FORCE VIEW '",
                H2LegacyDialect.withoutForce("CREATE FORCE VIEW \"PUBLIC\".\"V\"(\"A\") AS\nSELECT 'CREATE FORCE VIEW '",
                        "VIEW"));
        assertEquals("CREATE TRIGGER \"T\" BEFORE INSERT ON \"X\" CALL 'a.B'",
                new H2LegacyTrigger(new QualifiedName("PUBLIC", "T"),
                        "CREATE FORCE TRIGGER \"T\" BEFORE INSERT ON \"X\" CALL 'a.B'").createStatement());
    }
}
