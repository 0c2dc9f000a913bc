package dev.ferry.core.model.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** IMPORT DATABASE's options, ALLOW_EDITED_SCRIPTS, JOBS and RESUME, bare or with a value; anything else is refused. */
class ImportOptionsTest {

    @Test
    void allowEditedScriptsIsOffUnlessGiven() throws SQLException {
        assertFalse(ImportOptions.from(Map.of()).allowEditedScripts());
        assertTrue(ImportOptions.from(Map.of("allow_edited_scripts", "true")).allowEditedScripts(), "bare, any case");
        assertFalse(ImportOptions.from(Map.of("ALLOW_EDITED_SCRIPTS", "off")).allowEditedScripts());
    }

    @Test
    void jobsIsOneUnlessGiven() throws SQLException {
        assertEquals(1, ImportOptions.from(Map.of()).effectiveJobs());
        assertEquals(3, ImportOptions.from(Map.of("jobs", "3")).effectiveJobs());
        SQLException zero = assertThrows(SQLException.class, () -> ImportOptions.from(Map.of("JOBS", "0")));
        assertEquals("JOBS must be a whole number from 1 to 64, got '0'", zero.getMessage());
    }

    @Test
    void resumeIsOffUnlessGiven() throws SQLException {
        assertFalse(ImportOptions.from(Map.of()).resume());
        assertTrue(ImportOptions.from(Map.of("resume", "true")).resume(), "bare, any case");
        assertFalse(ImportOptions.from(Map.of("RESUME", "no")).resume());
        SQLException value = assertThrows(SQLException.class, () -> ImportOptions.from(Map.of("RESUME", "later")));
        assertEquals("RESUME must be true or false, got 'later'", value.getMessage());
    }

    @Test
    void anotherOptionOrValueIsRefused() {
        SQLException other = assertThrows(SQLException.class, () -> ImportOptions.from(Map.of("FORMAT", "csv")));
        assertEquals("22023", other.getSQLState());
        SQLException value = assertThrows(SQLException.class,
                () -> ImportOptions.from(Map.of("ALLOW_EDITED_SCRIPTS", "maybe")));
        assertEquals("ALLOW_EDITED_SCRIPTS must be true or false, got 'maybe'", value.getMessage());
    }
}
