package dev.ferry.core.sql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlScriptTest {

    private static List<String> split(String script, boolean mysql) throws SQLException {
        return SqlScript.split(script, mysql).stream().map(SqlScript.Statement::sql).toList();
    }

    @Test
    void semicolonsInsideLiteralsIdentifiersCommentsAndDollarQuotesDoNotSplit() throws SQLException {
        String script = "CREATE TABLE \"a;b\" (x INT DEFAULT 1); -- one; two\n"
                + "INSERT INTO t VALUES ('x;y', 'it''s');\n/* ; */\n"
                + "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql;;\n";
        assertEquals(List.of("CREATE TABLE \"a;b\" (x INT DEFAULT 1)", "INSERT INTO t VALUES ('x;y', 'it''s')",
                "CREATE FUNCTION f() RETURNS int AS $body$ BEGIN RETURN 1; END $body$ LANGUAGE plpgsql"),
                split(script, false));
    }

    @Test
    void statementsKeepTheLineTheyStartOn() throws SQLException {
        List<SqlScript.Statement> statements = SqlScript.split("SELECT 1;\n\nSELECT\n2;\nDELIMITER //\nSELECT 3//\n");
        assertEquals(List.of(1, 3, 6), statements.stream().map(SqlScript.Statement::line).toList());
    }

    @Test
    void mysqlRulesKnowBackslashEscapesAndHashComments() throws SQLException {
        String script = "CREATE VIEW v AS SELECT 'it\\'s; fine' AS a, \"x\\\";\" AS b; # a comment; with 'a quote\n"
                + "SELECT 5--1;\nSELECT 'a\\\\';";
        assertEquals(List.of("CREATE VIEW v AS SELECT 'it\\'s; fine' AS a, \"x\\\";\" AS b", "SELECT 5--1",
                "SELECT 'a\\\\'"), split(script, true));
        // Standard rules: a backslash is an ordinary character, so 'a\' is a whole literal.
        assertEquals(List.of("SELECT 'a\\'", "SELECT 2"), split("SELECT 'a\\'; SELECT 2", false));
    }

    @Test
    void delimiterLinesChangeWhatEndsAStatement() throws SQLException {
        String script = "SET @x = 1;\n"
                + "DELIMITER ;;\n"
                + "CREATE PROCEDURE p() BEGIN SELECT ';;' ; SELECT 2; END\n;;\n"
                + "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END;;\n"
                + "delimiter $$\n"
                + "CREATE FUNCTION f() RETURNS INT RETURN 1$$\n"
                + "DELIMITER ;\n"
                + "SELECT 3;";
        assertEquals(List.of("SET @x = 1", "CREATE PROCEDURE p() BEGIN SELECT ';;' ; SELECT 2; END",
                "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END",
                "CREATE FUNCTION f() RETURNS INT RETURN 1", "SELECT 3"), split(script, true));
    }

    @Test
    void delimiterIsOnlyADirectiveWhereAStatementStarts() throws SQLException {
        assertEquals(List.of("SELECT delimiter FROM t", "SELECT \"DELIMITER\""),
                split("SELECT delimiter FROM t; SELECT \"DELIMITER\";", false));
        assertThrows(SQLException.class, () -> split("DELIMITER\nSELECT 1;", false));
    }

    @Test
    void terminatedUsesASemicolonWhereThatKeepsTheStatementWhole() {
        String function = "CREATE FUNCTION f() RETURNS int AS $$ BEGIN RETURN 1; END $$ LANGUAGE plpgsql";
        assertEquals(function + ";\n", SqlScript.terminated(function + "\n", false));
        assertEquals("SELECT 1;\n", SqlScript.terminated("SELECT 1", true));
    }

    @Test
    void terminatedWritesADelimiterBlockForABodyWithSemicolons() throws SQLException {
        String procedure = "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 'x;;y'; END";
        String written = SqlScript.terminated(procedure, true);
        assertEquals("DELIMITER ;;\n" + procedure + "\n;;\nDELIMITER ;\n", written);
        assertEquals(List.of(procedure, "SELECT 2"), split(written + "SELECT 2;", true));

        // A body whose own text holds ;; outside literals gets another delimiter.
        String empty = "CREATE PROCEDURE q() BEGIN SELECT 1;; END";
        String other = SqlScript.terminated(empty, true);
        assertTrue(other.startsWith("DELIMITER //\n"), other);
        assertEquals(List.of(empty), split(other, true));

        // A statement ending in a comment is closed on a line of its own.
        String commented = "CREATE PROCEDURE r() SELECT 1 -- done";
        assertEquals(List.of(commented, "SELECT 2"), split(SqlScript.terminated(commented, true) + "SELECT 2;", true));
    }
}
