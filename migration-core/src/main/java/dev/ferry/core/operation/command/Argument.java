package dev.ferry.core.operation.command;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.List;

/**
 * A string argument of a Ferry statement: a literal, or a JDBC {@code ?} parameter to be bound later.
 *
 * @param literal        the literal's value, or null for a parameter
 * @param parameterIndex the parameter's 1-based index, or 0 for a literal
 */
public record Argument(String literal, int parameterIndex) {

    public static Argument literal(String value) {
        return new Argument(value, 0);
    }

    public static Argument parameter(int index) {
        return new Argument(null, index);
    }

    public boolean isParameter() {
        return parameterIndex > 0;
    }

    /** The literal, or the bound parameter's value as a string. */
    public String resolve(List<?> parameters) throws SQLException {
        if (!isParameter()) {
            return literal;
        }
        Object value = parameterIndex <= parameters.size() ? parameters.get(parameterIndex - 1) : null;
        if (value == null) {
            throw FerryErrors.invalidParameter("No value given for parameter " + parameterIndex);
        }
        return value.toString();
    }

    /** The literal's value; fails if the argument is an unbound parameter. */
    public String value() throws SQLException {
        if (isParameter()) {
            throw FerryErrors.invalidParameter("No value given for parameter " + parameterIndex);
        }
        return literal;
    }
}
