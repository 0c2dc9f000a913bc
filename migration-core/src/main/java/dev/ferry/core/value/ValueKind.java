package dev.ferry.core.value;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;
import java.util.UUID;

/**
 * The one type model of Ferry: how a column's values are read from a {@link ResultSet}, written as text, read
 * back from text and bound to a {@link PreparedStatement}. Every data format uses it; no other code switches on
 * SQL types.
 *
 * <p>Text forms (what a CSV file holds) are documented in docs/export-directory.md; each parses back to the same value.
 */
public enum ValueKind {
    BOOLEAN {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            boolean value = rs.getBoolean(column);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object parse(String text) {
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> Boolean.TRUE;
                case "false", "f", "0" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("not a boolean");
            };
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setBoolean(parameter, (Boolean) value);
        }
    },
    INTEGER {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            int value = rs.getInt(column);
            return rs.wasNull() ? null : value;
        }

        /** Also a boolean's text, as 1 or 0: another engine's boolean loaded where the target has integers. */
        @Override
        public Object parse(String text) {
            return switch (text) {
                case "true" -> 1;
                case "false" -> 0;
                default -> Integer.parseInt(text);
            };
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setInt(parameter, (Integer) value);
        }
    },
    BIGINT {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            long value = rs.getLong(column);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object parse(String text) {
            return Long.parseLong(text);
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setLong(parameter, (Long) value);
        }
    },
    /**
     * Exact decimals, as plain digits. The special values some engines keep in decimal types (PostgreSQL's NUMERIC,
     * H2's DECFLOAT: {@code NaN}, {@code Infinity}, {@code -Infinity}) are carried as those words.
     */
    DECIMAL {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            String text = rs.getString(column);
            return text == null ? null : parse(text);
        }

        @Override
        public String format(Object value) {
            return value instanceof BigDecimal decimal ? decimal.toPlainString() : (String) value;
        }

        @Override
        public Object parse(String text) {
            return switch (text) {
                case "NaN", "Infinity", "-Infinity" -> text;
                default -> new BigDecimal(text);
            };
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            if (value instanceof BigDecimal decimal) {
                ps.setBigDecimal(parameter, decimal);
            } else {
                ps.setString(parameter, (String) value);
            }
        }
    },
    /** Single precision: read as float so that the text is the float's shortest exact form. */
    REAL {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            float value = rs.getFloat(column);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object parse(String text) {
            return Float.parseFloat(text);
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setFloat(parameter, (Float) value);
        }
    },
    DOUBLE {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            double value = rs.getDouble(column);
            return rs.wasNull() ? null : value;
        }

        @Override
        public Object parse(String text) {
            return Double.parseDouble(text);
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setDouble(parameter, (Double) value);
        }
    },
    /** Text: CHAR, VARCHAR, CLOB and their national variants, and ENUM labels. */
    STRING,
    /** Binary data, as lower-case hexadecimal text; DuckDB's {@code \xNN} escapes are read too. */
    BINARY {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getBytes(column);
        }

        @Override
        public String format(Object value) {
            return BinaryText.hex((byte[]) value);
        }

        @Override
        public Object parse(String text) {
            return BinaryText.parse(text);
        }

        @Override
        public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
            ps.setBytes(parameter, (byte[]) value);
        }
    },
    DATE {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDate.class);
        }

        /** Also {@code infinity} and {@code -infinity}, as written for DuckDB: the largest and smallest dates. */
        @Override
        public Object parse(String text) {
            return switch (text) {
                case "infinity" -> LocalDate.MAX;
                case "-infinity" -> LocalDate.MIN;
                default -> TemporalParsing.date(text);
            };
        }
    },
    TIME {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalTime.class);
        }

        @Override
        public String format(Object value) {
            return TextForms.TIME.format((LocalTime) value);
        }

        @Override
        public Object parse(String text) {
            return LocalTime.parse(text, TextForms.TIME);
        }
    },
    TIME_WITH_TIME_ZONE {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetTime.class);
        }

        @Override
        public String format(Object value) {
            return TextForms.TIME_WITH_OFFSET.format((OffsetTime) value);
        }

        @Override
        public Object parse(String text) {
            return OffsetTime.parse(text, TextForms.TIME_WITH_OFFSET);
        }
    },
    TIMESTAMP {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, LocalDateTime.class);
        }

        @Override
        public String format(Object value) {
            return TextForms.TIMESTAMP.format((LocalDateTime) value);
        }

        @Override
        public Object parse(String text) {
            return switch (text) {
                case "infinity" -> LocalDateTime.MAX;
                case "-infinity" -> LocalDateTime.MIN;
                default -> TemporalParsing.timestamp(text);
            };
        }
    },
    TIMESTAMP_WITH_TIME_ZONE {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            return rs.getObject(column, OffsetDateTime.class);
        }

        @Override
        public String format(Object value) {
            return TextForms.TIMESTAMP_WITH_OFFSET.format((OffsetDateTime) value);
        }

        @Override
        public Object parse(String text) {
            return switch (text) {
                case "infinity" -> OffsetDateTime.MAX;
                case "-infinity" -> OffsetDateTime.MIN;
                default -> OffsetDateTime.parse(text, TextForms.TIMESTAMP_WITH_OFFSET);
            };
        }
    },
    UUID {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            Object value = rs.getObject(column);
            return value == null || value instanceof java.util.UUID ? value : java.util.UUID.fromString(value.toString());
        }

        @Override
        public Object parse(String text) {
            return java.util.UUID.fromString(text);
        }
    },
    /** JSON documents, as their text; the dialect marks the parameter as JSON where the engine needs it. */
    JSON,
    /**
     * SQL arrays, read with {@code getArray}, written as array literals (docs/export-directory.md), bound as an
     * Object[] of the elements' text for the engine to convert to the element type.
     */
    ARRAY {
        @Override
        public Object read(ResultSet rs, int column) throws SQLException {
            java.sql.Array array = rs.getArray(column);
            if (array == null) {
                return null;
            }
            try {
                return array.getArray();
            } finally {
                array.free();
            }
        }

        @Override
        public String format(Object value) {
            return ArrayText.format((Object[]) value);
        }

        @Override
        public Object parse(String text) {
            return ArrayText.parse(text);
        }
    },
    /**
     * A value in the engine's own text form, which the same engine reads back exactly (as PostgreSQL's COPY relies
     * on): intervals, arrays, enums, bit strings, network addresses and the like. Chosen by a dialect that knows
     * its engine's text forms are exact; another engine may not read them.
     */
    ENGINE_TEXT,
    /**
     * A type Ferry has no exact mapping for yet: carried in the driver's text form (getString / setObject of the
     * text). An export warns about each such column.
     */
    OTHER;

    // The methods below are those of text, which STRING, JSON and OTHER use as they are.

    /** Reads column {@code column} of the current row: a Java value of this kind, or null for SQL NULL. */
    public Object read(ResultSet rs, int column) throws SQLException {
        return rs.getString(column);
    }

    /**
     * The text form of a non-null value read by {@link #read}.
     *
     * @throws IllegalArgumentException for text that UTF-8 cannot hold (an unpaired surrogate)
     */
    public String format(Object value) {
        return Unicode.requireWellFormed(value.toString());
    }

    /**
     * The value written by {@link #format}.
     *
     * @throws RuntimeException (such as {@link IllegalArgumentException}) when the text is not of this kind
     */
    public Object parse(String text) {
        return text;
    }

    /** Binds a non-null value of this kind to parameter {@code parameter}. */
    public void bind(PreparedStatement ps, int parameter, Object value) throws SQLException {
        ps.setObject(parameter, value);
    }

    /**
     * The kind for a column described by the driver: by the engine's type name first, then by {@link Types} code.
     */
    public static ValueKind of(int jdbcType, String typeName) {
        String name = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (name.equals("UUID")) {
            return UUID;
        }
        if (name.equals("JSON") || name.equals("JSONB")) {
            return JSON;
        }
        if (name.startsWith("ENUM")) {
            return STRING;
        }
        return switch (jdbcType) {
            case Types.BOOLEAN, Types.BIT -> BOOLEAN;
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER -> INTEGER;
            case Types.BIGINT -> BIGINT;
            case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
            case Types.REAL -> REAL;
            case Types.FLOAT, Types.DOUBLE -> DOUBLE;
            case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR,
                 Types.CLOB, Types.NCLOB -> STRING;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> BINARY;
            case Types.DATE -> DATE;
            case Types.TIME -> TIME;
            case Types.TIME_WITH_TIMEZONE -> TIME_WITH_TIME_ZONE;
            case Types.TIMESTAMP -> TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE -> TIMESTAMP_WITH_TIME_ZONE;
            case Types.ARRAY -> ARRAY;
            default -> OTHER;
        };
    }
}
