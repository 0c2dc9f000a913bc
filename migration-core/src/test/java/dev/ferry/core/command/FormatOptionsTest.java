package dev.ferry.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.options.DataFormat;
import dev.ferry.core.options.FormatOptions;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormatOptionsTest {

    @Test
    void defaults() throws SQLException {
        assertEquals(FormatOptions.DEFAULTS, FormatOptions.from(Map.of(), "EXPORT DATABASE"));
        assertEquals(new FormatOptions(DataFormat.CSV, true, ',', '"'), FormatOptions.DEFAULTS);
    }

    @Test
    void valuesInAnyCase() throws SQLException {
        FormatOptions options = FormatOptions.from(Map.of("format", "CSV", "Header", "FALSE", "delimiter", "|"), "X");
        assertFalse(options.header());
        assertEquals('|', options.delimiter());
    }

    @Test
    void unknownOptionListsTheValidOnes() {
        SQLException error = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("COMPRESSION", "zstd"), "EXPORT DATABASE"));
        assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
        assertTrue(error.getMessage().contains("Unknown option COMPRESSION for EXPORT DATABASE"), error.getMessage());
        assertTrue(error.getMessage().contains("FORMAT (csv), HEADER (true or false), DELIMITER"), error.getMessage());
    }

    @Test
    void badValues() {
        for (Map<String, String> bad : new Map[] {Map.of("HEADER", "maybe"), Map.of("DELIMITER", "||"),
                Map.of("QUOTE", "\n"), Map.of("FORMAT", "xml"), Map.of("DELIMITER", "\"")}) {
            SQLException error = assertThrows(SQLException.class, () -> FormatOptions.from(bad, "EXPORT DATABASE"));
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState(), error.getMessage());
        }
    }

    @Test
    void parquetIsNotYetSupported() {
        SQLException error = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("FORMAT", "parquet"), "EXPORT DATABASE"));
        assertEquals(FerryErrors.NOT_SUPPORTED, error.getSQLState());
        assertTrue(error.getMessage().contains("not yet supported"));
    }
}
