package dev.ferry.core.dialect;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * HSQLDB's query results as Ferry's value kinds read them: HSQLDB 2.5.2's {@code getObject(column, LocalDate.class)}
 * and {@code getObject(column, LocalDateTime.class)} fail with a NullPointerException on an SQL NULL (in a file
 * database's transaction), so a typed {@code getObject} first asks whether the value is NULL.
 */
final class HsqldbResults {

    private HsqldbResults() {
    }

    /** The statement, whose results are read as this class says. */
    static PreparedStatement adapt(PreparedStatement statement) {
        return JdbcProxies.proxy(PreparedStatement.class, statement, (method, args) -> {
            Object result = method.invoke(statement, args);
            return result instanceof ResultSet rows ? adapt(rows) : result;
        });
    }

    private static ResultSet adapt(ResultSet rows) {
        return JdbcProxies.proxy(ResultSet.class, rows, (method, args) -> {
            boolean typed = method.getName().equals("getObject") && args.length == 2 && args[0] instanceof Integer
                    && args[1] instanceof Class<?>;
            return typed && rows.getObject((Integer) args[0]) == null ? null : method.invoke(rows, args);
        });
    }
}
