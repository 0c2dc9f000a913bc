package dev.ferry.core.dialect.mariadb;

import java.util.ArrayList;
import java.util.List;

/**
 * Statements each run under the sql_mode MariaDB recorded for what they create (routines and triggers run under it),
 * and the session's own put back afterwards: {@code SET sql_mode = '...'} where the mode changes, as mariadb-dump
 * writes it. (SET STATEMENT sql_mode = ... FOR CREATE ... would record the mode too, but MariaDB parses the statement
 * before it sets the mode, so a body written for ANSI_QUOTES or ORACLE mode would not parse.)
 */
final class MariaDbSqlModes {

    private MariaDbSqlModes() {
    }

    /**
     * A statement and the sql_mode to run it under.
     *
     * @param sqlMode the sql_mode, as information_schema shows it
     * @param sql     the statement
     */
    record ModedStatement(String sqlMode, String sql) {
    }

    /** The statements, each after the SET sql_mode it needs; none where there are none. */
    static List<String> underTheirSqlModes(List<ModedStatement> statements) {
        if (statements.isEmpty()) {
            return List.of();
        }
        List<String> sql = new ArrayList<>();
        sql.add("SET @ferry_sql_mode = @@sql_mode");
        String mode = null;
        for (ModedStatement statement : statements) {
            if (!statement.sqlMode().equals(mode)) {
                mode = statement.sqlMode();
                sql.add("SET sql_mode = " + MariaDbSqlText.stringLiteral(mode));
            }
            sql.add(statement.sql());
        }
        sql.add("SET sql_mode = @ferry_sql_mode");
        return sql;
    }
}
