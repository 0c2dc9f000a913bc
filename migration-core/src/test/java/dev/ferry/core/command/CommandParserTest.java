package dev.ferry.core.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandParserTest {

    private static FerryCommand parse(String sql) throws SQLException {
        return CommandParser.parse(sql).orElseThrow(() -> new AssertionError("not recognised: " + sql));
    }

    @Test
    void kuzuSpelling() throws SQLException {
        ExportDatabaseCommand export = assertInstanceOf(ExportDatabaseCommand.class,
                parse("EXPORT DATABASE '/tmp/x' (format=\"csv\", header=true)"));
        assertEquals("/tmp/x", export.directory().value());
        assertEquals(Map.of("FORMAT", "csv", "HEADER", "true"), export.options());
    }

    @Test
    void duckdbSpelling() throws SQLException {
        ExportDatabaseCommand export = assertInstanceOf(ExportDatabaseCommand.class,
                parse("export database 'dir' (FORMAT csv, HEADER true, DELIMITER '|')"));
        assertEquals(List.of("FORMAT", "HEADER", "DELIMITER"), List.copyOf(export.options().keySet()));
        assertEquals("|", export.options().get("DELIMITER"));
    }

    @Test
    void loneOptionMeansTrueAndNamesAreUpperCased() throws SQLException {
        ExportDatabaseCommand export = assertInstanceOf(ExportDatabaseCommand.class,
                parse("EXPORT DATABASE 'd' (header, Quote '''')"));
        assertEquals(Map.of("HEADER", "true", "QUOTE", "'"), export.options());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EXPORT DATABASE 'it''s here'",
            "  export   DATABASE\n'it''s here' ;",
            "/* lead */ Export -- line\n Database 'it''s here';;",
            "EXPORT DATABASE 'it''s here' ( ) ;",
            "eXpOrT dAtAbAsE/**/'it''s here'"})
    void caseSpacingCommentsAndSemicolons(String sql) throws SQLException {
        ExportDatabaseCommand export = assertInstanceOf(ExportDatabaseCommand.class, parse(sql));
        assertEquals("it's here", export.directory().value());
    }

    @Test
    void importAndParameters() throws SQLException {
        ImportDatabaseCommand command = assertInstanceOf(ImportDatabaseCommand.class, parse("IMPORT DATABASE ?"));
        assertEquals(1, command.parameterCount());
        assertThrows(SQLException.class, () -> command.directory().value());
        assertEquals("/data/x", command.bind(List.of("/data/x")).directory().value());
        SQLException missing = assertThrows(SQLException.class, () -> command.bind(List.of()));
        assertEquals(FerryErrors.INVALID_PARAMETER, missing.getSQLState());
    }

    @Test
    void copyFromAsWrittenInLoadScripts() throws SQLException {
        CopyFromCommand copy = assertInstanceOf(CopyFromCommand.class,
                parse("COPY \"PUBLIC\".\"My \"\"T\"\"\" (\"A\", b) FROM 'public.my_t.csv' (FORMAT csv, DELIMITER ',')"));
        assertEquals("\"PUBLIC\".\"My \"\"T\"\"\"", copy.table());
        assertEquals(List.of("\"A\"", "b"), copy.columns());
        assertEquals("public.my_t.csv", copy.file().value());
        assertEquals(",", copy.options().get("DELIMITER"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1",
            "COPY t FROM STDIN",
            "COPY t (a) FROM STDIN WITH (FORMAT csv)",
            "COPY t TO STDOUT",
            "COPY t FROM '/srv/f.csv' WITH (FORMAT csv)",
            "COPY t FROM '/srv/f.csv' csv header",
            "/* unterminated comment",
            "EXPORT TABLE t",
            "IMPORT TABLE FROM '/x.sdi'",
            "INSERT INTO t VALUES ('EXPORT DATABASE ''x''')",
            "-- EXPORT DATABASE 'x'\nSELECT 1",
            ""})
    void otherStatementsAreNotFerrys(String sql) throws SQLException {
        assertTrue(CommandParser.parse(sql).isEmpty(), sql);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "EXPORT DATABASE 42",
            "EXPORT DATABASE",
            "EXPORT DATABASE 'x' extra",
            "EXPORT DATABASE 'x' (FORMAT csv",
            "EXPORT DATABASE 'x' (FORMAT csv FORMAT csv)",
            "EXPORT DATABASE 'x' (FORMAT = )",
            "EXPORT DATABASE 'x' (FORMAT csv, FORMAT parquet)",
            "EXPORT DATABASE 'x' ('format' csv)",
            "EXPORT DATABASE 'unterminated",
            "IMPORT DATABASE 'x' /* unterminated"})
    void malformedFerryStatementsAreSyntaxErrors(String sql) {
        SQLException error = assertThrows(SQLException.class, () -> CommandParser.parse(sql));
        assertEquals(FerryErrors.SYNTAX, error.getSQLState(), error.getMessage());
    }

    @Test
    void errorsSayWhere() {
        SQLException error = assertThrows(SQLException.class, () -> CommandParser.parse("EXPORT DATABASE 42"));
        assertEquals("Syntax error in EXPORT DATABASE at position 17: expected a quoted directory path, found '42'",
                error.getMessage());
    }
}
