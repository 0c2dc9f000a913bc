package dev.ferry.core.model.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TypeNamesTest {
    @Test
    void takesTypesApart() {
        assertEquals(new TypeNames("numeric", 18, 4, false, ""), TypeNames.parse("numeric(18,4)"));
        assertEquals(new TypeNames("timestamp without time zone", 3, -1, false, ""),
                TypeNames.parse("timestamp(3) without time zone"));
        assertEquals(new TypeNames("character varying", 20, -1, true, ""), TypeNames.parse("character varying(20)[]"));
        assertEquals(new TypeNames("int", 10, -1, false, "unsigned"), TypeNames.parse("int(10) unsigned"));
        assertEquals(new TypeNames("double precision", -1, -1, false, ""), TypeNames.parse("DOUBLE  PRECISION"));
        assertEquals("enum", TypeNames.parse("enum('a','b')").base());
    }
}
