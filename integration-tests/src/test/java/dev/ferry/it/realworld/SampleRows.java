package dev.ferry.it.realworld;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of a database's tables (or of a query), read through the engine's own JDBC driver, not through Ferry, with
 * each value as a canonical text that two engines agree on when they hold the same value: exact numbers as
 * {@code BigDecimal.stripTrailingZeros().toPlainString()} ({@code 0.990} and {@code 0.99} alike), floating-point
 * numbers as the shortest text of the float or double the driver returns (then as an exact number), booleans as
 * {@code true}/{@code false} (MariaDB's {@code tinyint(1)} and SQLite's 0/1 in a column declared BOOLEAN alike), dates,
 * times and timestamps as {@code java.time}'s ISO text (read with {@code getObject(i, LocalDateTime.class)} and its
 * kin; SQLite's ISO text parsed), a time zone's instant in UTC, binary values as lower-case hex, arrays as their
 * elements' texts in brackets (a text in double quotes, NULL as {@code NULL}), {@code CHAR(n)} without its padding
 * (where the engine pads it: not SQLite's, which has text as stored), any other text as it is, and NULL as
 * {@code null} (so that no text, {@code 'NULL'} included, passes for it).
 * Each table's rows are sorted, so that two loads compare whatever order the engine returns them in.
 *
 * <p>Compare two reads with {@link RowComparison}.
 */
public final class SampleRows {
    /** The text of SQL NULL inside an array; a value that is NULL is {@code null}, never a text. */
    static final String NULL = "NULL";

    /** A table's or a query's column names (lower case) and its rows, each value canonical, sorted. */
    public record Rows(List<String> columns, List<List<String>> rows) {
        /** The index of column {@code name} (any case), or -1. */
        public int column(String name) {
            return columns.indexOf(name.toLowerCase(Locale.ROOT));
        }
    }

    private SampleRows() {
    }

    /** Every base table of the connection's current schema (PostgreSQL: each table's own rows), by lower-case name. */
    public static Map<String, Rows> tables(Connection plain) throws SQLException {
        Engine engine = Engine.of(plain);
        Map<String, Rows> tables = new TreeMap<>();
        for (String table : names(plain, engine.tables)) {
            tables.put(table.toLowerCase(Locale.ROOT),
                    query(plain, "SELECT * FROM " + engine.only + engine.quote(table)));
        }
        return tables;
    }

    /** The names of the base tables of the connection's current schema, as the engine spells them. */
    public static List<String> tableNames(Connection plain) throws SQLException {
        return names(plain, Engine.of(plain).tables);
    }

    /** Every view (PostgreSQL: and materialized view) of the connection's current schema, by lower-case name. */
    public static Map<String, String> views(Connection plain) throws SQLException {
        Engine engine = Engine.of(plain);
        Map<String, String> views = new TreeMap<>();
        for (String view : names(plain, engine.views)) {
            views.put(view.toLowerCase(Locale.ROOT), engine.quote(view));
        }
        return views;
    }

    /** The rows of {@code sql}, each value canonical, sorted. */
    public static Rows query(Connection plain, String sql) throws SQLException {
        Engine engine = Engine.of(plain);
        List<List<String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (Statement statement = plain.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                columns.add(md.getColumnLabel(i).toLowerCase(Locale.ROOT));
            }
            while (rs.next()) {
                List<String> row = new ArrayList<>(md.getColumnCount());
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    row.add(engine == Engine.SQLITE ? sqliteValue(rs, i, md.getColumnTypeName(i))
                            : value(rs, i, md.getColumnType(i), md.getColumnTypeName(i), engine));
                }
                rows.add(row);
            }
        }
        rows.sort(ROW_ORDER);
        return new Rows(List.copyOf(columns), rows);
    }

    /** Rows in the order of their values' texts, column by column. */
    static final Comparator<List<String>> ROW_ORDER = (a, b) -> {
        Comparator<String> values = Comparator.nullsFirst(Comparator.naturalOrder());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = values.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    };

    private static List<String> names(Connection plain, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement statement = plain.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String value(ResultSet rs, int i, int type, String typeName, Engine engine) throws SQLException {
        String name = typeName.toUpperCase(Locale.ROOT);
        if (engine == Engine.MARIADB && name.equals("YEAR")) {
            // MariaDB's driver reads a YEAR as the date of its first day; the value is the year's number.
            int year = rs.getInt(i);
            return rs.wasNull() ? null : Integer.toString(year);
        }
        if (name.equals("TIMESTAMPTZ") || name.contains("TIMESTAMP WITH TIME ZONE")
                || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            OffsetDateTime value = rs.getObject(i, OffsetDateTime.class);
            return value == null ? null : value.toInstant().toString();
        }
        if (name.equals("TIMETZ") || name.contains("TIME WITH TIME ZONE") || type == Types.TIME_WITH_TIMEZONE) {
            OffsetTime value = rs.getObject(i, OffsetTime.class);
            return value == null ? null : value.toString();
        }
        switch (type) {
            case Types.DATE -> {
                LocalDate value = rs.getObject(i, LocalDate.class);
                return value == null ? null : value.toString();
            }
            case Types.TIME -> {
                LocalTime value = rs.getObject(i, LocalTime.class);
                return value == null ? null : value.toString();
            }
            case Types.TIMESTAMP -> {
                LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                return value == null ? null : value.toString();
            }
            case Types.CHAR, Types.NCHAR -> {
                String value = rs.getString(i);
                return value == null ? null : value.stripTrailing();
            }
            default -> {
                Object value = rs.getObject(i);
                return value == null || value instanceof String || known(value) ? object(value) : rs.getString(i);
            }
        }
    }

    /**
     * A SQLite value by its storage class and the column's declared type: 0/1 in a column declared BOOLEAN as false
     * and true, ISO text of dates and times as their {@code java.time} text, text in a column declared DECIMAL or
     * NUMERIC (Ferry's {@code DECIMAL_TEXT}) as the exact number it writes. Text in a column declared {@code CHAR(n)}
     * is as stored: SQLite neither pads it nor ignores trailing spaces when it compares.
     */
    private static String sqliteValue(ResultSet rs, int i, String declared) throws SQLException {
        Object value = rs.getObject(i);
        String type = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (value == null) {
            return null;
        }
        if (type.contains("BOOL") && value instanceof Number number) {
            return Boolean.toString(number.longValue() != 0);
        }
        if (value instanceof String text) {
            if (type.contains("DATE") || type.contains("TIME")) {
                return isoTemporal(text);
            }
            if ((type.contains("DEC") || type.contains("NUMERIC")) && text.matches("-?\\d+(\\.\\d+)?")) {
                return new BigDecimal(text).stripTrailingZeros().toPlainString();
            }
        }
        return object(value);
    }

    /** ISO text of a date, a time or a timestamp (with a space or a T), with or without an offset, as java.time's. */
    static String isoTemporal(String text) {
        String iso = text.length() > 10 && text.charAt(10) == ' '
                ? text.substring(0, 10) + "T" + text.substring(11) : text;
        try {
            if (iso.matches("\\d{4}-\\d\\d-\\d\\d")) {
                return LocalDate.parse(iso).toString();
            }
            if (iso.matches("\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?")) {
                return LocalTime.parse(iso).toString();
            }
            if (iso.matches(".*T.*([+-]\\d\\d(:?\\d\\d)?|Z)")) {
                return OffsetDateTime.parse(iso.replaceAll("([+-]\\d\\d)$", "$1:00")).toInstant().toString();
            }
            return LocalDateTime.parse(iso).toString();
        } catch (java.time.format.DateTimeParseException e) {
            return text;
        }
    }

    private static boolean known(Object value) {
        return value instanceof Boolean || value instanceof Number || value instanceof byte[] || value instanceof Blob
                || value instanceof Clob || value instanceof Array || value instanceof java.util.UUID;
    }

    private static String object(Object value) throws SQLException {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b.toString();
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : exact(Float.toString(f));
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : exact(Double.toString(d));
        }
        if (value instanceof Number n) {
            return exact(n.toString());
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof Blob blob) {
            return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Array array) {
            Object elements = array.getArray();
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < java.lang.reflect.Array.getLength(elements); i++) {
                Object element = java.lang.reflect.Array.get(elements, i);
                String text = object(element);
                texts.add(text == null ? NULL : element instanceof String ? quoted(text) : text);
            }
            return "[" + String.join(", ", texts) + "]";
        }
        return value.toString();
    }

    /** Text in double quotes, each double quote and backslash in it after a backslash. */
    static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String exact(String number) {
        return new BigDecimal(number).stripTrailingZeros().toPlainString();
    }

    /** How each engine lists its tables and views and reads a table's own rows. */
    private enum Engine {
        POSTGRESQL("SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p')",
                "SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                + " WHERE n.nspname = current_schema() AND c.relkind IN ('v', 'm')", "ONLY ", '"'),
        MARIADB("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                + " AND table_type = 'BASE TABLE'", "SELECT table_name FROM information_schema.views"
                + " WHERE table_schema = DATABASE()", "", '`'),
        SQLITE("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite%'",
                "SELECT name FROM sqlite_master WHERE type = 'view'", "", '"'),
        H2("SELECT table_name FROM information_schema.tables WHERE table_schema = SCHEMA()"
                + " AND table_type = 'BASE TABLE'", "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = SCHEMA() AND table_type = 'VIEW'", "", '"'),
        HSQLDB("SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA"
                + " AND table_type = 'BASE TABLE'", "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = CURRENT_SCHEMA AND table_type = 'VIEW'", "", '"'),
        DUCKDB("SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                + " AND table_type = 'BASE TABLE'", "SELECT table_name FROM information_schema.tables"
                + " WHERE table_schema = current_schema() AND table_type = 'VIEW'", "", '"');

        final String tables;
        final String views;
        final String only;
        final char quote;

        Engine(String tables, String views, String only, char quote) {
            this.tables = tables;
            this.views = views;
            this.only = only;
            this.quote = quote;
        }

        String quote(String name) {
            return quote + name + quote;
        }

        static Engine of(Connection c) throws SQLException {
            if (c.getMetaData().getURL().startsWith("jdbc:ferry:")) {
                throw new IllegalArgumentException("SampleRows reads through the engine's own driver, not Ferry's");
            }
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) {
                return POSTGRESQL;
            }
            if (product.contains("mariadb") || product.contains("mysql")) {
                return MARIADB;
            }
            if (product.contains("sqlite")) {
                return SQLITE;
            }
            if (product.contains("h2")) {
                return H2;
            }
            if (product.contains("hsql")) {
                return HSQLDB;
            }
            if (product.contains("duckdb")) {
                return DUCKDB;
            }
            throw new IllegalArgumentException("SampleRows does not know " + product);
        }
    }
}
