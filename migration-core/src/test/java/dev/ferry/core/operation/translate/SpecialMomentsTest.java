package dev.ferry.core.operation.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PostgreSQL's casts of 'now' as the standard functions they mean; its other special strings as nothing. */
class SpecialMomentsTest {
    @Test
    void nowCastToADateOrTimeIsTheCurrentOne() {
        assertEquals("CURRENT_DATE", SpecialMoments.standard("('now'::text)::date"));
        assertEquals("LOCALTIMESTAMP", SpecialMoments.standard("'now'::timestamp without time zone"));
        assertEquals("CURRENT_TIMESTAMP", SpecialMoments.standard("'now'::timestamp(3) with time zone"));
    }

    @Test
    void otherSpecialStringsMeanNothingElsewhere() {
        assertTrue(SpecialMoments.isCast("'infinity'::timestamp without time zone"));
        assertNull(SpecialMoments.standard("'infinity'::timestamp without time zone"));
        assertNull(SpecialMoments.standard("('today'::text)::date"));
    }

    @Test
    void aPlainStringIsNotOne() {
        assertFalse(SpecialMoments.isCast("'now'::text"));
        assertFalse(SpecialMoments.isCast("'nowhere'::character varying"));
        assertFalse(SpecialMoments.isCast("now()"));
    }
}
