package dev.ferry.core.dialect.duckdb;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code DECIMAL(precision, scale)} column: the Appender takes a decimal of the column's scale exactly, so a value
 * is appended where it has that scale without rounding and fits the precision.
 *
 * @param precision the column's precision
 * @param scale     the column's scale
 */
record DuckDbAppendedDecimal(int precision, int scale) implements DuckDbAppendedColumn {
    private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\((\\d+),\\s*(\\d+)\\)");

    /** The column of a type such as {@code DECIMAL(12,2)}; empty for another type. */
    static Optional<DuckDbAppendedDecimal> of(String type) {
        Matcher decimal = DECIMAL.matcher(type);
        return decimal.matches()
                ? Optional.of(new DuckDbAppendedDecimal(Integer.parseInt(decimal.group(1)),
                        Integer.parseInt(decimal.group(2))))
                : Optional.empty();
    }

    @Override
    public Object appendable(Object value) {
        if (!(value instanceof BigDecimal decimal)) {
            return null;
        }
        if (decimal.scale() > scale && decimal.stripTrailingZeros().scale() > scale) {
            return null;
        }
        BigDecimal scaled = decimal.setScale(scale);
        return scaled.precision() <= precision ? scaled : null;
    }

    @Override
    public void append(DuckDbAppender appender, Object appendable) throws SQLException {
        appender.append((BigDecimal) appendable);
    }
}
