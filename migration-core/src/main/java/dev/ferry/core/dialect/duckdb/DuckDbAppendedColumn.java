package dev.ferry.core.dialect.duckdb;

import java.sql.SQLException;
import java.util.Optional;

/**
 * How the values of a column of one DuckDB type go to the Appender, where it gives them exactly as DuckDB's cast from
 * their text does (the value the insert path would store).
 */
interface DuckDbAppendedColumn {

    /**
     * The value (as read from a data file, never null) in the form {@link #append} takes, or null where the Appender
     * would not store it exactly as the insert path does: the row is then inserted instead, and DuckDB decides (a
     * decimal to round, a timestamp with nanoseconds, a number out of the column's range).
     */
    Object appendable(Object value);

    /** Appends a value {@link #appendable} gave. */
    void append(DuckDbAppender appender, Object appendable) throws SQLException;

    /** How values of the type go to the Appender; empty where they do not ({@link DuckDbAppendedType}). */
    static Optional<DuckDbAppendedColumn> of(String dataType) {
        String type = DuckDbTypes.normalized(dataType);
        Optional<DuckDbAppendedColumn> decimal = DuckDbAppendedDecimal.of(type).map(column -> column);
        return decimal.isPresent() ? decimal : DuckDbAppendedType.named(type).map(column -> column);
    }
}
