package dev.ferry.core.model.types;

import java.util.Objects;

/**
 * A column's type in engine-neutral terms: what an export taken from one engine is imported into another through.
 * The source dialect describes its column so ({@code Dialect#portableType}), the target dialect
 * declares it in its own words ({@code Dialect#typeFor}).
 *
 * @param family     the kind of type
 * @param length     characters or bytes for CHAR, VARCHAR, BINARY, VARBINARY; precision for DECIMAL; 0 when none
 * @param scale      digits after the decimal point for DECIMAL, fractional-second digits for TIME and TIMESTAMP
 *                   (-1: not said, the engine's default)
 * @param element    the element type of an ARRAY, else null
 * @param sourceName the source engine's name of the type, as it describes it (for messages, and for OTHER)
 */
public record PortableType(TypeFamily family, int length, int scale, PortableType element, String sourceName) {

    public PortableType {
        Objects.requireNonNull(family, "family");
        if (family == TypeFamily.ARRAY) {
            Objects.requireNonNull(element, "element of an ARRAY");
        }
    }

    /** A type with neither length nor scale. */
    public static PortableType of(TypeFamily family, String sourceName) {
        return new PortableType(family, 0, -1, null, sourceName);
    }

    /** A type with a length (CHAR, VARCHAR, BINARY, VARBINARY); 0 for none. */
    public static PortableType sized(TypeFamily family, int length, String sourceName) {
        return new PortableType(family, Math.max(length, 0), -1, null, sourceName);
    }

    /** DECIMAL(precision, scale); precision 0 for an unconstrained decimal. */
    public static PortableType decimal(int precision, int scale, String sourceName) {
        return new PortableType(TypeFamily.DECIMAL, Math.max(precision, 0), precision > 0 ? Math.max(scale, 0) : -1,
                null, sourceName);
    }

    /** A TIME or TIMESTAMP (with or without time zone) with {@code scale} fractional-second digits, -1 for the default. */
    public static PortableType temporal(TypeFamily family, int scale, String sourceName) {
        return new PortableType(family, 0, scale, null, sourceName);
    }

    /** An array of {@code element}. */
    public static PortableType array(PortableType element, String sourceName) {
        return new PortableType(TypeFamily.ARRAY, 0, -1, element, sourceName);
    }

    /** Whether the type has a length (or precision) of its own. */
    public boolean hasLength() {
        return length > 0;
    }

    /** Whether the type says how many digits follow the point. */
    public boolean hasScale() {
        return scale >= 0;
    }

    /** The type in standard SQL words, for messages: {@code DECIMAL(18,4)}, {@code TIMESTAMP(6) WITH TIME ZONE}. */
    public String describe() {
        return switch (family) {
            case CHAR, VARCHAR, BINARY, VARBINARY -> hasLength() ? family + "(" + length + ")" : family.name();
            case DECIMAL -> hasLength() ? "DECIMAL(" + length + "," + scale + ")" : "DECIMAL";
            case TIME, TIMESTAMP -> family + (hasScale() ? "(" + scale + ")" : "");
            case TIME_WITH_TIME_ZONE -> "TIME" + (hasScale() ? "(" + scale + ")" : "") + " WITH TIME ZONE";
            case TIMESTAMP_WITH_TIME_ZONE -> "TIMESTAMP" + (hasScale() ? "(" + scale + ")" : "") + " WITH TIME ZONE";
            case ARRAY -> element.describe() + " ARRAY";
            case OTHER -> sourceName;
            default -> family.name();
        };
    }
}
