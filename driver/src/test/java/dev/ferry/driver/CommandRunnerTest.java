package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.CopyToCommand;
import dev.ferry.core.operation.command.ExportDatabaseCommand;
import dev.ferry.core.operation.command.ImportDatabaseCommand;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRunnerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "EXPORT TABLE x",
        "COPY t FROM STDIN",
        "COPY t TO STDOUT",
        "COPY t FROM '/srv/file.csv' WITH (FORMAT csv)",
        "/* unterminated",
        "",
    })
    void otherStatementsAreNotFerrys(String sql) throws SQLException {
        assertTrue(CommandRunner.recognise(sql, true).isEmpty());
    }

    @Test
    void nullIsNotFerrys() throws SQLException {
        assertTrue(CommandRunner.recognise(null, true).isEmpty());
    }

    @Test
    void recognisesExportAndImport() throws SQLException {
        assertInstanceOf(ExportDatabaseCommand.class, CommandRunner.recognise("export database 'x'", false).orElseThrow());
        assertInstanceOf(ImportDatabaseCommand.class,
                CommandRunner.recognise("-- load\nIMPORT DATABASE ?;", true).orElseThrow());
    }

    @Test
    void recognisesCopyUnlessTurnedOff() throws SQLException {
        assertInstanceOf(CopyFromCommand.class, CommandRunner.recognise("COPY t FROM 'file.csv'", true).orElseThrow());
        assertInstanceOf(CopyToCommand.class, CommandRunner.recognise("COPY (SELECT 1) TO ?", true).orElseThrow());
        assertTrue(CommandRunner.recognise("COPY t FROM 'file.csv'", false).isEmpty());
        assertTrue(CommandRunner.recognise("COPY t FROM 'file.csv' (FORMAT csv", false).isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPORT DATABASE 42", "IMPORT DATABASE", "EXPORT DATABASE 'x' (FORMAT", "EXPORT DATABASE 'x",
        "COPY t FROM 'file.csv' (FORMAT csv", "COPY t TO 'file.csv' (HEADER) x"})
    void malformedFerryStatementsAreSyntaxErrors(String sql) {
        assertEquals("42601", assertThrows(SQLException.class, () -> CommandRunner.recognise(sql, true)).getSQLState());
    }
}
