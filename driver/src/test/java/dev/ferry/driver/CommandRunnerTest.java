package dev.ferry.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferry.core.command.ExportDatabaseCommand;
import dev.ferry.core.command.ImportDatabaseCommand;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CommandRunnerTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT 1",
        "EXPORT TABLE x",
        "COPY t FROM STDIN",
        "COPY t FROM 'file.csv'",
        "COPY t FROM '/srv/file.csv' WITH (FORMAT csv)",
        "COPY t FROM 'file.csv' (FORMAT csv",
        "/* unterminated",
        "",
    })
    void otherStatementsAreNotFerrys(String sql) throws SQLException {
        assertTrue(CommandRunner.recognise(sql).isEmpty());
    }

    @Test
    void nullIsNotFerrys() throws SQLException {
        assertTrue(CommandRunner.recognise(null).isEmpty());
    }

    @Test
    void recognisesExportAndImport() throws SQLException {
        assertInstanceOf(ExportDatabaseCommand.class, CommandRunner.recognise("export database 'x'").orElseThrow());
        assertInstanceOf(ImportDatabaseCommand.class,
                CommandRunner.recognise("-- load\nIMPORT DATABASE ?;").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EXPORT DATABASE 42", "IMPORT DATABASE", "EXPORT DATABASE 'x' (FORMAT", "EXPORT DATABASE 'x"})
    void malformedExportAndImportAreSyntaxErrors(String sql) {
        assertEquals("42601", assertThrows(SQLException.class, () -> CommandRunner.recognise(sql)).getSQLState());
    }
}
