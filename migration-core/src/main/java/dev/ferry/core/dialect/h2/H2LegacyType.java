package dev.ferry.core.dialect.h2;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type as H2 1.4.200's INFORMATION_SCHEMA.COLUMNS describes it, written as H2 2.x declares it.
 *
 * @param typeName   TYPE_NAME: {@code INTEGER}, {@code VARCHAR}, {@code DECIMAL}, {@code TIMESTAMP WITH TIME ZONE} ...
 * @param columnType COLUMN_TYPE: the column's whole definition as declared ({@code ENUM('a', 'b') NOT NULL})
 * @param length     CHARACTER_MAXIMUM_LENGTH
 * @param precision  NUMERIC_PRECISION
 * @param scale      NUMERIC_SCALE (fractional-second digits of temporal types)
 */
record H2LegacyType(String typeName, String columnType, long length, long precision, int scale) {
    /** The longest character or binary string H2 2.x declares; 1.4.200 reports Integer.MAX_VALUE for "no length". */
    private static final long MAX_LENGTH = 1_000_000_000L;
    /** The scale 1.4.200 reports for a DECIMAL declared without one, whose values each keep their own scale. */
    private static final int ANY_SCALE = 32767;
    private static final Pattern DECLARED_PREFIX = Pattern.compile(
            "(?i)(ENUM\\s*\\((?:\\s*'(?:[^']|'')*'\\s*,?)*\\)"
                    + "|GEOMETRY(?:\\s*\\([^)]*\\))?"
                    + "|INTERVAL\\s+(?:YEAR|MONTH|DAY|HOUR|MINUTE|SECOND)(?:\\s*\\(\\s*\\d+(?:\\s*,\\s*\\d+)?\\s*\\))?"
                    + "(?:\\s+TO\\s+(?:MONTH|HOUR|MINUTE|SECOND)(?:\\s*\\(\\s*\\d+\\s*\\))?)?)");

    /** The type in H2 2.x syntax. */
    String declaration() {
        return switch (typeName) {
            case "CHAR" -> length > MAX_LENGTH ? "CHARACTER VARYING" : "CHARACTER(" + length + ")";
            case "VARCHAR" -> withLength("CHARACTER VARYING");
            case "VARCHAR_IGNORECASE" -> withLength("VARCHAR_IGNORECASE");
            case "VARBINARY" -> withLength("BINARY VARYING");
            case "CLOB" -> "CHARACTER LARGE OBJECT";
            case "BLOB" -> "BINARY LARGE OBJECT";
            case "DECIMAL" -> scale == ANY_SCALE ? "DECFLOAT" : "NUMERIC(" + precision + ", " + scale + ")";
            case "DOUBLE" -> "DOUBLE PRECISION";
            case "TIME", "TIMESTAMP" -> typeName + "(" + scale + ")";
            case "TIME WITH TIME ZONE", "TIMESTAMP WITH TIME ZONE" ->
                    typeName.replace(" WITH TIME ZONE", "(" + scale + ") WITH TIME ZONE");
            case "ARRAY" -> "CHARACTER VARYING ARRAY";
            case "OTHER" -> "JAVA_OBJECT";
            case "ENUM", "GEOMETRY", "INTERVAL" -> declaredPrefix();
            default -> typeName;
        };
    }

    /**
     * What changes on the way to H2 2.x, in words to follow the column's name, or null where nothing does: types
     * whose values H2 2.x keeps differently.
     */
    String change() {
        return switch (typeName) {
            case "CHAR" -> length > MAX_LENGTH
                    ? "is CHAR without a length, which H2 2.x would make CHAR(1); it is created as CHARACTER VARYING"
                    : "is CHAR(" + length + "): H2 2.x pads its values with spaces to its length, where 1.4.200"
                            + " removed trailing spaces";
            case "DECIMAL" -> scale == ANY_SCALE
                    ? "is DECIMAL without precision and scale, whose values 1.4.200 keeps with their own scale and"
                            + " H2 2.x would round to integers; it is created as DECFLOAT, which keeps every value"
                            + " (without trailing zeros of the fraction: 1.50 comes back as 1.5)"
                    : null;
            case "ARRAY" -> "is an ARRAY without an element type, which H2 2.x does not have; it is created as"
                    + " CHARACTER VARYING ARRAY and its elements come back as text";
            default -> null;
        };
    }

    private String withLength(String type) {
        return length > MAX_LENGTH ? type : type + "(" + length + ")";
    }

    /** ENUM, GEOMETRY and INTERVAL keep their labels, subtype or fields in the column's declaration alone. */
    private String declaredPrefix() {
        Matcher matcher = DECLARED_PREFIX.matcher(columnType == null ? "" : columnType);
        return matcher.lookingAt() ? matcher.group(1) : typeName;
    }
}
