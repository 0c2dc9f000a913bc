package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.sql.Wrapper;
import java.util.List;

/**
 * A small read-only, forward-only result set over rows held in memory: what a Ferry statement returns. Values
 * are Strings and Longs (or null); the usual getters convert between them.
 */
final class ResultRows implements InvocationHandler {
    private final ResultSetMetaData columns;
    private final List<Object[]> rows;
    private final Statement statement;
    private int row;
    private boolean closed;
    private boolean wasNull;
    private int fetchSize;

    private ResultRows(ResultSetMetaData columns, List<Object[]> rows, Statement statement) {
        this.columns = columns;
        this.rows = List.copyOf(rows);
        this.statement = statement;
    }

    /**
     * A result set over {@code rows}.
     *
     * @param columns   the columns, in the order of each row's values
     * @param rows      the rows
     * @param statement what {@code getStatement()} returns; may be null
     */
    static ResultSet create(ResultSetMetaData columns, List<Object[]> rows, Statement statement) {
        return (ResultSet) Proxy.newProxyInstance(FerryDriver.class.getClassLoader(),
                new Class<?>[] {ResultSet.class}, new ResultRows(columns, rows, statement));
    }

    @Override
    public synchronized Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (method.getDeclaringClass() == Object.class) {
            return switch (name) {
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> "Ferry result set (" + rows.size() + " rows)";
            };
        }
        if (method.getDeclaringClass() == Wrapper.class) {
            Class<?> type = (Class<?>) args[0];
            if (name.equals("isWrapperFor")) {
                return type.isInstance(proxy);
            }
            if (type.isInstance(proxy)) {
                return proxy;
            }
            throw new SQLException("Not a wrapper for " + type.getName(), "HY000");
        }
        switch (name) {
            case "isClosed":
                return closed;
            case "close":
                closed = true;
                return null;
            default:
                break;
        }
        if (closed) {
            throw new SQLException("The result set is closed", "24000");
        }
        return switch (name) {
            case "next" -> next();
            case "getMetaData" -> columns;
            case "getStatement" -> statement;
            case "findColumn" -> findColumn((String) args[0]);
            case "wasNull" -> wasNull;
            case "getType" -> ResultSet.TYPE_FORWARD_ONLY;
            case "getConcurrency" -> ResultSet.CONCUR_READ_ONLY;
            case "getHoldability" -> ResultSet.HOLD_CURSORS_OVER_COMMIT;
            case "getFetchDirection" -> ResultSet.FETCH_FORWARD;
            case "setFetchDirection" -> setFetchDirection((Integer) args[0]);
            case "getFetchSize" -> fetchSize;
            case "setFetchSize" -> setFetchSize((Integer) args[0]);
            case "getRow" -> row >= 1 && row <= rows.size() ? row : 0;
            case "isBeforeFirst" -> row == 0 && !rows.isEmpty();
            case "isAfterLast" -> row > rows.size() && !rows.isEmpty();
            case "isFirst" -> row == 1 && !rows.isEmpty();
            case "isLast" -> row == rows.size() && !rows.isEmpty();
            case "getWarnings", "clearWarnings" -> null;
            case "getString", "getNString", "getObject", "getLong", "getInt", "getShort", "getByte", "getDouble",
                    "getFloat", "getBigDecimal", "getBoolean" -> get(name, args);
            default -> throw new SQLFeatureNotSupportedException(
                    name + " is not supported by the result of a Ferry statement", FerryErrors.NOT_SUPPORTED);
        };
    }

    private boolean next() {
        if (row <= rows.size()) {
            row++;
        }
        return row <= rows.size();
    }

    private Object setFetchDirection(int direction) throws SQLException {
        if (direction != ResultSet.FETCH_FORWARD) {
            throw new SQLFeatureNotSupportedException("The result of a Ferry statement is read forward only",
                    FerryErrors.NOT_SUPPORTED);
        }
        return null;
    }

    private Object setFetchSize(int size) throws SQLException {
        if (size < 0) {
            throw new SQLException("Fetch size must not be negative, got " + size, "22023");
        }
        fetchSize = size;
        return null;
    }

    private int findColumn(String label) throws SQLException {
        for (int i = 1; i <= columns.getColumnCount(); i++) {
            if (columns.getColumnLabel(i).equalsIgnoreCase(label)) {
                return i;
            }
        }
        throw new SQLException("No column " + label + " in the result", "42S22");
    }

    private Object get(String getter, Object[] args) throws SQLException {
        int index = args[0] instanceof String label ? findColumn(label) : (Integer) args[0];
        if (index < 1 || index > columns.getColumnCount()) {
            throw new SQLException("Invalid column index " + index + "; the result has "
                    + columns.getColumnCount() + " columns", "07009");
        }
        if (row < 1 || row > rows.size()) {
            throw new SQLException("No current row; call next() first", "24000");
        }
        Object value = rows.get(row - 1)[index - 1];
        wasNull = value == null;
        try {
            return switch (getter) {
                case "getString", "getNString" -> value == null ? null : value.toString();
                case "getObject" -> args.length == 2 && args[1] instanceof Class<?> type ? as(value, type) : value;
                case "getLong" -> value == null ? 0L : decimal(value).longValueExact();
                case "getInt" -> value == null ? 0 : decimal(value).intValueExact();
                case "getShort" -> value == null ? (short) 0 : decimal(value).shortValueExact();
                case "getByte" -> value == null ? (byte) 0 : decimal(value).byteValueExact();
                case "getDouble" -> value == null ? 0.0d : decimal(value).doubleValue();
                case "getFloat" -> value == null ? 0.0f : decimal(value).floatValue();
                case "getBoolean" -> value != null && decimal(value).signum() != 0;
                default -> value == null ? null : decimal(value); // getBigDecimal
            };
        } catch (ArithmeticException e) {
            throw new SQLException("Value " + value + " is out of range for " + getter, "22003", e);
        }
    }

    private static Object as(Object value, Class<?> type) throws SQLException {
        if (value == null || type.isInstance(value)) {
            return value;
        }
        if (type == String.class) {
            return value.toString();
        }
        if (type == Long.class) {
            return decimal(value).longValueExact();
        }
        if (type == Integer.class) {
            return decimal(value).intValueExact();
        }
        if (type == BigDecimal.class) {
            return decimal(value);
        }
        throw new SQLException("Cannot read " + value.getClass().getSimpleName() + " as " + type.getName(), "22018");
    }

    private static BigDecimal decimal(Object value) throws SQLException {
        if (value instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        try {
            return new BigDecimal(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new SQLException("'" + value + "' is not a number", "22018", e);
        }
    }
}
