package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.value.ValueKind;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column's type as SQLite keeps it: any text, such as {@code DECIMAL(18,4)}, {@code VARCHAR(10)},
 * {@code UNSIGNED BIG INT} or nothing at all (SQLite stores the declared text as written and reports it in
 * {@code PRAGMA table_xinfo}).
 *
 * @param name   the type's name, in upper case, words separated by one space: {@code DECIMAL}, {@code DOUBLE PRECISION};
 *               empty for a column declared without a type. SQLite's driver reports this name for the column's values.
 * @param length the first number in parentheses (a length or a precision), or 0 for none
 * @param scale  the second number in parentheses, or -1 for none
 */
record SqliteDeclaredType(String name, int length, int scale) {
    private static final Pattern DECLARED = Pattern.compile(
            "\\s*([^(]*?)\\s*(?:\\(\\s*([+-]?\\d+)\\s*(?:,\\s*([+-]?\\d+)\\s*)?\\)\\s*)?", Pattern.DOTALL);
    /** Ferry's names for date and time types, whose values SQLite keeps as text (or numbers) and Ferry carries as such. */
    private static final Set<String> TEMPORAL = Set.of("DATE", "DATETIME", "TIMESTAMP", "TIME", "TIMESTAMPTZ", "TIMETZ",
            "TIMESTAMP WITH TIME ZONE", "TIME WITH TIME ZONE", "TIMESTAMP WITHOUT TIME ZONE", "TIME WITHOUT TIME ZONE");

    /** The declared type {@code declared} (null or blank for none). */
    static SqliteDeclaredType parse(String declared) {
        if (declared == null || declared.isBlank()) {
            return new SqliteDeclaredType("", 0, -1);
        }
        Matcher matcher = DECLARED.matcher(declared);
        if (!matcher.matches()) {
            return new SqliteDeclaredType(normalName(declared), 0, -1);
        }
        int length = matcher.group(2) == null ? 0 : Math.max(0, number(matcher.group(2)));
        int scale = matcher.group(3) == null ? -1 : Math.max(0, number(matcher.group(3)));
        return new SqliteDeclaredType(normalName(matcher.group(1)), length, scale);
    }

    private static int number(String digits) {
        try {
            return Integer.parseInt(digits.startsWith("+") ? digits.substring(1) : digits);
        } catch (NumberFormatException tooLarge) {
            return 0;
        }
    }

    /** A type name in upper case with single spaces, as this record holds it. */
    static String normalName(String name) {
        return name == null ? "" : name.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
    }

    /** The column's affinity: what SQLite converts values to on their way in. */
    SqliteAffinity affinity() {
        return SqliteAffinity.of(name);
    }

    /** Whether the type says nothing that Ferry reads: no type, SQLite's catch-all NUMERIC, STRICT tables' ANY. */
    boolean isUntyped() {
        return name.isEmpty() || name.equals("NUMERIC") || name.equals("ANY");
    }

    /**
     * How the column's values are carried. A SQLite column holds values of any storage class whatever its type; Ferry
     * carries those of one class that the type names (docs/engines/sqlite.md), and checks before an export that every
     * value is of it ({@link SqliteValueCheck}):
     * <ul>
     *   <li>names with {@code INT} (INTEGER affinity): 64-bit integers, whatever the name's width;</li>
     *   <li>{@code BOOL}, {@code BOOLEAN}: the integers 0 and 1;</li>
     *   <li>names with {@code REAL}, {@code FLOA}, {@code DOUB}: doubles;</li>
     *   <li>{@code DECIMAL}, {@code DEC}, {@code DECIMAL_TEXT}: exact decimals (SQLite keeps them as integers and reals
     *       under NUMERIC affinity, as text under Ferry's {@code DECIMAL_TEXT});</li>
     *   <li>names with {@code CHAR}, {@code CLOB}, {@code TEXT}, and the date, time, UUID names: their text as it is
     *       (SQLite has no date type: a date is the text an application wrote, and comes back as that text);</li>
     *   <li>{@code JSON}, {@code JSON_TEXT}: JSON text;</li>
     *   <li>names with {@code BLOB}, and {@code BINARY}, {@code VARBINARY}, {@code BYTEA}: bytes;</li>
     *   <li>no type, {@code NUMERIC}, {@code ANY} and every name not listed: any value, in SQLite's literal form
     *       ({@link SqliteLiteral}), which keeps each value's storage class.</li>
     * </ul>
     */
    ValueKind valueKind() {
        if (isUntyped()) {
            return ValueKind.ENGINE_TEXT;
        }
        switch (name) {
            case "BOOL", "BOOLEAN":
                return ValueKind.BOOLEAN;
            case "DECIMAL", "DEC", "DECIMAL_TEXT":
                return ValueKind.DECIMAL;
            case "UUID":
                return ValueKind.STRING;
            case "JSON", "JSON_TEXT":
                return ValueKind.JSON;
            case "BINARY", "VARBINARY", "BYTEA":
                return ValueKind.BINARY;
            default:
                break;
        }
        if (TEMPORAL.contains(name)) {
            return ValueKind.STRING;
        }
        return switch (affinity()) {
            case INTEGER -> ValueKind.BIGINT;
            case TEXT -> ValueKind.STRING;
            case BLOB -> ValueKind.BINARY;
            case REAL -> ValueKind.DOUBLE;
            case NUMERIC -> ValueKind.ENGINE_TEXT;
        };
    }

    /** Whether the type is one of the date and time names. */
    boolean isTemporal() {
        return TEMPORAL.contains(name);
    }
}
