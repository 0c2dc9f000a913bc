package dev.ferry.core.operation.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
    void verifyAndParameters() throws SQLException {
        VerifyDatabaseCommand command = assertInstanceOf(VerifyDatabaseCommand.class,
                parse("verify  database /* the copy */ '/data/out' ;"));
        assertEquals("/data/out", command.directory().value());
        assertEquals(0, command.parameterCount());
        VerifyDatabaseCommand prepared = assertInstanceOf(VerifyDatabaseCommand.class, parse("VERIFY DATABASE ?"));
        assertEquals(1, prepared.parameterCount());
        assertEquals("/data/x", prepared.bind(List.of("/data/x")).directory().value());
    }

    @Test
    void verifyTakesAllowEditedScriptsAlone() throws SQLException {
        VerifyDatabaseCommand edited = assertInstanceOf(VerifyDatabaseCommand.class,
                parse("VERIFY DATABASE 'x' (allow_edited_scripts)"));
        assertTrue(edited.allowEditedScripts());
        assertFalse(assertInstanceOf(VerifyDatabaseCommand.class, parse("VERIFY DATABASE 'x'")).allowEditedScripts());
        VerifyDatabaseCommand jobs = assertInstanceOf(VerifyDatabaseCommand.class, parse("VERIFY DATABASE 'x' (JOBS 2)"));
        SQLException error = assertThrows(SQLException.class, jobs::allowEditedScripts);
        assertEquals(FerryErrors.INVALID_PARAMETER, error.getSQLState());
        assertEquals("VERIFY DATABASE takes the option ALLOW_EDITED_SCRIPTS alone. Given: JOBS", error.getMessage());
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
            "COPY t TO STDOUT (FORMAT csv)",
            "COPY t (a, b) TO STDOUT WITH (FORMAT csv, HEADER)",
            "COPY (SELECT 1) TO STDOUT",
            "copy (select ')' from t) to stdout",
            "COPY t TO PROGRAM 'gzip > /tmp/t.gz'",
            "COPY (SELECT 1) TO PROGRAM 'cat'",
            "COPY t TO '/srv/f.csv' WITH (FORMAT csv)",
            "COPY t TO '/srv/f.csv' CSV HEADER",
            "COPY (SELECT 1) FROM 'f.csv'",
            "COPY (SELECT (1) TO 'f.csv'",
            "COPY t FROM 'f.csv' /* unterminated",
            "COPY t () TO 'f.csv'",
            "COPY FROM 'f.csv'",
            "COPY 'f.csv' TO 't'",
            "COPY",
            "/* unterminated comment",
            "EXPORT TABLE t",
            "IMPORT TABLE FROM '/x.sdi'",
            "VERIFY TABLE t",
            "VERIFY",
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
            "IMPORT DATABASE 'x' /* unterminated",
            "VERIFY DATABASE",
            "VERIFY DATABASE 'x' extra",
            "VERIFY DATABASE 'x' (ALLOW_EDITED_SCRIPTS",
            "VERIFY DATABASE 42"})
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

    @Test
    void copyTableTo() throws SQLException {
        CopyToCommand copy = assertInstanceOf(CopyToCommand.class,
                parse("copy \"S\".\"My T\" (id, \"Name\") to '/tmp/out.csv' (FORMAT csv, HEADER false);"));
        assertEquals("\"S\".\"My T\"", copy.table());
        assertEquals(List.of("id", "\"Name\""), copy.columns());
        assertNull(copy.query());
        assertFalse(copy.isQuery());
        assertEquals("/tmp/out.csv", copy.file().value());
        assertEquals(Map.of("FORMAT", "csv", "HEADER", "false"), copy.options());
        assertEquals(0, copy.parameterCount());
    }

    @Test
    void copyTableToWithoutColumnsOrOptions() throws SQLException {
        CopyToCommand copy = assertInstanceOf(CopyToCommand.class, parse("COPY orders TO 'orders.parquet'"));
        assertEquals("orders", copy.table());
        assertEquals(List.of(), copy.columns());
        assertEquals(Map.of(), copy.options());
    }

    @Test
    void copyQueryToKeepsTheQueryAsWritten() throws SQLException {
        CopyToCommand copy = assertInstanceOf(CopyToCommand.class, parse(
                "COPY ( SELECT id, ')' AS \"(\", f(x) FROM t WHERE (a) IN (SELECT b FROM u) ) TO 'q.csv'"
                        + " (format=\"csv\", header=true)"));
        assertTrue(copy.isQuery());
        assertNull(copy.table());
        assertEquals("SELECT id, ')' AS \"(\", f(x) FROM t WHERE (a) IN (SELECT b FROM u)", copy.query());
        assertEquals("q.csv", copy.file().value());
        assertEquals(Map.of("FORMAT", "csv", "HEADER", "true"), copy.options());
    }

    @Test
    void copyFromByUsers() throws SQLException {
        CopyFromCommand copy = assertInstanceOf(CopyFromCommand.class,
                parse("COPY t (b, a) FROM 'in.csv' (HEADER false, DELIMITER ';')"));
        assertEquals("t", copy.table());
        assertEquals(List.of("b", "a"), copy.columns());
        assertEquals(Map.of("HEADER", "false", "DELIMITER", ";"), copy.options());
    }

    @Test
    void copyFileAsParameter() throws SQLException {
        CopyToCommand to = assertInstanceOf(CopyToCommand.class, parse("COPY (SELECT '?') TO ? (HEADER)"));
        assertEquals(1, to.parameterCount());
        assertEquals("/x.csv", to.bind(List.of("/x.csv")).file().value());
        assertEquals("SELECT '?'", to.bind(List.of("/x.csv")).query());
        CopyFromCommand from = assertInstanceOf(CopyFromCommand.class, parse("COPY t FROM ?"));
        assertEquals("in.csv", from.bind(List.of("in.csv")).file().value());
    }

    @Test
    void copyIsLeftToTheDatabaseWhenFerrysCopyIsOff() throws SQLException {
        assertTrue(CommandParser.parse("COPY t TO 'f.csv'", false).isEmpty());
        assertTrue(CommandParser.parse("COPY t TO 'f.csv' (FORMAT", false).isEmpty());
        assertInstanceOf(ExportDatabaseCommand.class, CommandParser.parse("EXPORT DATABASE 'd'", false).orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "COPY t TO 'f.csv' (FORMAT csv",
            "COPY t TO 'f.csv' (FORMAT csv) extra",
            "COPY t TO 'f.csv' (FORMAT csv,)",
            "COPY t FROM 'f.csv' (HEADER true, HEADER false)",
            "COPY (SELECT 1) TO 'f.csv' (= csv)",
            "COPY (SELECT ?) TO 'f.csv'",
            "COPY ( ) TO 'f.csv'",
            "COPY t TO 'f.csv'; SELECT 1"})
    void malformedCopiesAreSyntaxErrors(String sql) {
        SQLException error = assertThrows(SQLException.class, () -> CommandParser.parse(sql));
        assertEquals(FerryErrors.SYNTAX, error.getSQLState(), error.getMessage());
    }

    @Test
    void copyErrorsSayWhere() {
        assertEquals("Syntax error in COPY at position 28: expected an option name, found ')'",
                assertThrows(SQLException.class,
                        () -> CommandParser.parse("COPY t TO 'f.csv' (HEADER, )")).getMessage());
        assertEquals("Syntax error in COPY at position 32: expected ',' or ')' after option FORMAT, found the end of"
                        + " the statement",
                assertThrows(SQLException.class,
                        () -> CommandParser.parse("COPY t FROM 'f.csv' (FORMAT csv")).getMessage());
        assertEquals("Syntax error in COPY at position 29: a query copied by Ferry cannot take ? parameters, found '?'",
                assertThrows(SQLException.class,
                        () -> CommandParser.parse("COPY (SELECT * FROM t WHERE ? = 1) TO 'f.csv'")).getMessage());
        assertEquals("Syntax error in COPY at position 8: expected a query between the parentheses, found ')'",
                assertThrows(SQLException.class, () -> CommandParser.parse("COPY ( ) TO 'f.csv'")).getMessage());
        assertEquals("Syntax error in COPY at position 28: unexpected text, found 'SELECT'",
                assertThrows(SQLException.class,
                        () -> CommandParser.parse("COPY t TO 'f.csv' (HEADER) SELECT")).getMessage());
    }
}
