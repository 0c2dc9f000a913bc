package dev.ferry.core.model.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.operation.command.CommandParser;
import dev.ferry.core.operation.command.ExportDatabaseCommand;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EXPORT DATABASE's options as the parser hands them over: the format's, and SCHEMAS. */
class ExportOptionsTest {

    private static ExportOptions parse(String sql) throws SQLException {
        ExportDatabaseCommand command = (ExportDatabaseCommand) CommandParser.parse(sql).orElseThrow();
        return ExportOptions.from(command.options());
    }

    @Test
    void defaults() throws SQLException {
        assertEquals(ExportOptions.DEFAULTS, parse("EXPORT DATABASE 'd'"));
        assertFalse(parse("EXPORT DATABASE 'd'").schemasNamed());
    }

    @Test
    void schemasInEitherSpelling_withTheFormatsOptions() throws SQLException {
        ExportOptions options = parse("export database 'd' (SCHEMAS 'sales, hr', FORMAT parquet)");
        assertEquals(List.of("sales", "hr"), options.schemas());
        assertEquals(DataFormat.PARQUET, options.format().format());
        assertTrue(options.schemasNamed());
        assertEquals(List.of("app"), parse("EXPORT DATABASE 'd' (schemas=\"app\", header=false)").schemas());
        assertEquals(List.of("Mixed Case", "x"), parse("EXPORT DATABASE 'd' (Schemas = 'Mixed Case,x')").schemas());
        assertFalse(parse("EXPORT DATABASE 'd' (SCHEMAS app, HEADER false)").format().header());
    }

    @Test
    void schemasIsNotAReaderOption() throws SQLException {
        ExportOptions options = parse("EXPORT DATABASE 'd' (SCHEMAS 'a,b', DELIMITER '|')");
        assertEquals(Map.of("FORMAT", "csv", "HEADER", "true", "DELIMITER", "|", "QUOTE", "\""),
                options.format().readerOptions());
    }

    @Test
    void anEmptyOrRepeatedSchemaIsRefused() {
        for (String value : List.of("''", "'a,'", "',a'", "'a,,b'", "' '")) {
            SQLException error = assertThrows(SQLException.class,
                    () -> parse("EXPORT DATABASE 'd' (SCHEMAS " + value + ")"), value);
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
            assertTrue(error.getMessage().startsWith("SCHEMAS must name one or more schemas"), error.getMessage());
        }
        SQLException twice = assertThrows(SQLException.class, () -> parse("EXPORT DATABASE 'd' (SCHEMAS 'a, b, a')"));
        assertEquals("SCHEMAS names a twice", twice.getMessage());
    }

    @Test
    void errorsOfExportListSchemasAmongTheValidOptions() {
        SQLException error = assertThrows(SQLException.class, () -> parse("EXPORT DATABASE 'd' (COLOUR blue)"));
        assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
        assertTrue(error.getMessage().contains("Unknown option COLOUR for EXPORT DATABASE"), error.getMessage());
        assertTrue(error.getMessage().contains("FORMAT (csv or parquet)"), error.getMessage());
        assertTrue(error.getMessage().contains("SCHEMAS (schema names separated by commas"), error.getMessage());
        SQLException other = assertThrows(SQLException.class,
                () -> parse("EXPORT DATABASE 'd' (SCHEMAS a, FORMAT parquet, HEADER true)"));
        assertTrue(other.getMessage().contains("HEADER is not an option of FORMAT parquet"), other.getMessage());
        assertTrue(other.getMessage().contains("SCHEMAS ("), other.getMessage());
    }

    @Test
    void copyRefusesSchemas_andItsErrorsDoNotListIt() {
        SQLException error = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("SCHEMAS", "a"), "COPY"));
        assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
        assertTrue(error.getMessage().startsWith("SCHEMAS is an option of EXPORT DATABASE, not of COPY; valid options:"
                + " FORMAT"), error.getMessage());
        assertFalse(error.getMessage().contains("SCHEMAS ("), error.getMessage());
        SQLException unknown = assertThrows(SQLException.class, () -> FormatOptions.from(Map.of("X", "1"), "COPY"));
        assertFalse(unknown.getMessage().contains("SCHEMAS"), unknown.getMessage());
    }

    @Test
    void jobsInEitherSpelling_isAnExportOptionOnly() throws SQLException {
        assertEquals(3, parse("EXPORT DATABASE 'd' (JOBS 3)").jobs());
        assertEquals(2, parse("export database 'd' (jobs = '2', FORMAT parquet)").jobs());
        assertEquals(ExportOptions.MAX_JOBS, parse("EXPORT DATABASE 'd' (Jobs " + ExportOptions.MAX_JOBS + ")").jobs());
        ExportOptions one = parse("EXPORT DATABASE 'd' (JOBS 1, DELIMITER '|')");
        assertTrue(one.jobsNamed());
        assertEquals(1, one.effectiveJobs());
        assertEquals(Map.of("FORMAT", "csv", "HEADER", "true", "DELIMITER", "|", "QUOTE", "\""),
                one.format().readerOptions());
        SQLException copy = assertThrows(SQLException.class, () -> FormatOptions.from(Map.of("JOBS", "2"), "COPY"));
        assertTrue(copy.getMessage().startsWith("JOBS is an option of EXPORT DATABASE, not of COPY"), copy.getMessage());
    }

    @Test
    void withoutJobs_theDefaultIsTheCoresCappedAtFour_andAConnectionsDefaultApplies() throws SQLException {
        ExportOptions options = parse("EXPORT DATABASE 'd'");
        assertFalse(options.jobsNamed());
        int expected = Math.min(Runtime.getRuntime().availableProcessors(), 4);
        assertEquals(expected, options.effectiveJobs());
        assertEquals(expected, ExportOptions.defaultJobs());
        assertEquals(options, options.withDefaultJobs(0));
        ExportOptions fromConnection = options.withDefaultJobs(7);
        assertTrue(fromConnection.jobsNamed());
        assertEquals(7, fromConnection.effectiveJobs());
        assertEquals(2, parse("EXPORT DATABASE 'd' (JOBS 2)").withDefaultJobs(7).effectiveJobs());
    }

    @Test
    void jobsOutOfRangeOrNotANumberIsRefused_namingTheValue() {
        for (String value : List.of("0", "-1", "65", "two", "1.5", "''")) {
            SQLException error = assertThrows(SQLException.class,
                    () -> parse("EXPORT DATABASE 'd' (JOBS " + value + ")"), value);
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
            assertTrue(error.getMessage().startsWith("JOBS must be a whole number from 1 to 64, got '"),
                    error.getMessage());
        }
        SQLException alone = assertThrows(SQLException.class, () -> parse("EXPORT DATABASE 'd' (JOBS)"));
        assertEquals("JOBS must be a whole number from 1 to 64, got 'true'", alone.getMessage());
    }

    @Test
    void chunkRowsIsAnExportOptionOnly_zeroTurnsChunkingOff_andTheDefaultIsAMillion() throws SQLException {
        assertEquals(1_000_000, parse("EXPORT DATABASE 'd'").chunkRows());
        assertTrue(parse("EXPORT DATABASE 'd'").chunked());
        assertEquals(1000, parse("EXPORT DATABASE 'd' (CHUNK_ROWS 1000, JOBS 2)").chunkRows());
        assertEquals(7, parse("export database 'd' (chunk_rows '7')").chunkRows());
        assertFalse(parse("EXPORT DATABASE 'd' (CHUNK_ROWS 0)").chunked());
        assertEquals(3000, parse("EXPORT DATABASE 'd' (CHUNK_ROWS 3000)").withDefaultJobs(2).chunkRows());
        SQLException copy = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("CHUNK_ROWS", "2"), "COPY"));
        assertTrue(copy.getMessage().startsWith("CHUNK_ROWS is an option of EXPORT DATABASE, not of COPY"),
                copy.getMessage());
        for (String value : List.of("-1", "many", "1.5", "''")) {
            SQLException error = assertThrows(SQLException.class,
                    () -> parse("EXPORT DATABASE 'd' (CHUNK_ROWS " + value + ")"), value);
            assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
            assertTrue(error.getMessage().startsWith("CHUNK_ROWS must be a whole number, 0 or more"),
                    error.getMessage());
        }
    }

    @Test
    void resumeAloneOrTrueOrFalse_isAnExportOptionOnly_keptByTheDefaultJobs() throws SQLException {
        assertFalse(parse("EXPORT DATABASE 'd'").resume());
        assertTrue(parse("EXPORT DATABASE 'd' (FORMAT csv, RESUME)").resume());
        assertTrue(parse("EXPORT DATABASE 'd' (resume true)").withDefaultJobs(2).resume());
        assertFalse(parse("EXPORT DATABASE 'd' (RESUME false)").resume());
        SQLException bad = assertThrows(SQLException.class, () -> parse("EXPORT DATABASE 'd' (RESUME maybe)"));
        assertEquals("RESUME must be true or false, got 'maybe'", bad.getMessage());
        SQLException copy = assertThrows(SQLException.class,
                () -> FormatOptions.from(Map.of("RESUME", "true"), "COPY"));
        assertTrue(copy.getMessage().startsWith("RESUME is an option of EXPORT DATABASE, not of COPY"),
                copy.getMessage());
    }
}
