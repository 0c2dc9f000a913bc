package dev.ferry.core.dialect.duckdb;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One open Appender of DuckDB's driver on one table: rows of typed values, each column's value appended in the
 * table's column order between {@link #beginRow} and {@link #endRow}, handed to DuckDB (and its constraints checked)
 * at {@link #flush}. The driver's own methods, through {@link DuckDbAppenderApi}.
 */
final class DuckDbAppender implements AutoCloseable {
    private final DuckDbAppenderApi api;
    private final Object appender;

    DuckDbAppender(DuckDbAppenderApi api, Object appender) {
        this.api = api;
        this.appender = appender;
    }

    void beginRow() throws SQLException {
        try {
            api.beginRow.invokeExact(appender);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void endRow() throws SQLException {
        try {
            api.endRow.invokeExact(appender);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** Hands the rows appended since the last flush to DuckDB, which checks them against the table's constraints. */
    void flush() throws SQLException {
        try {
            api.flush.invokeExact(appender);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void appendNull() throws SQLException {
        try {
            api.appendNull.invokeExact(appender);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void append(boolean value) throws SQLException {
        try {
            api.appendBoolean.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A TINYINT, or a UTINYINT's bits. */
    void append(byte value) throws SQLException {
        try {
            api.appendByte.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A SMALLINT, or a USMALLINT's bits. */
    void append(short value) throws SQLException {
        try {
            api.appendShort.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** An INTEGER, or a UINTEGER's bits. */
    void append(int value) throws SQLException {
        try {
            api.appendInt.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A BIGINT, or a UBIGINT's bits. */
    void append(long value) throws SQLException {
        try {
            api.appendLong.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A HUGEINT (or a UHUGEINT's bits) as its lower and upper 64 bits. */
    void appendHugeInt(long lower, long upper) throws SQLException {
        try {
            api.appendHugeInt.invokeExact(appender, lower, upper);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void append(float value) throws SQLException {
        try {
            api.appendFloat.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void append(double value) throws SQLException {
        try {
            api.appendDouble.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A DECIMAL, of the column's scale exactly. */
    void append(BigDecimal value) throws SQLException {
        try {
            api.appendDecimal.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void append(String value) throws SQLException {
        try {
            api.appendString.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A BLOB. */
    void append(byte[] value) throws SQLException {
        try {
            api.appendBytes.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    void append(UUID value) throws SQLException {
        try {
            api.appendUuid.invokeExact(appender, value);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A DATE, as days since 1970-01-01 (DuckDB's infinities are the largest int and its negation). */
    void appendEpochDays(int days) throws SQLException {
        try {
            api.appendEpochDays.invokeExact(appender, days);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** A TIME, as microseconds since midnight. */
    void appendDayMicros(long micros) throws SQLException {
        try {
            api.appendDayMicros.invokeExact(appender, micros);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /**
     * A TIMESTAMP or TIMESTAMP WITH TIME ZONE, as microseconds since 1970-01-01 00:00 UTC (DuckDB's infinities are
     * the largest long and its negation).
     */
    void appendEpochMicros(long micros) throws SQLException {
        try {
            api.appendEpochMicros.invokeExact(appender, micros);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }

    /** Closes the Appender; the rows appended since the last flush are handed over first where they can be. */
    @Override
    public void close() throws SQLException {
        try {
            api.close.invokeExact(appender);
        } catch (Throwable e) {
            throw DuckDbAppenderApi.sqlException(e);
        }
    }
}
