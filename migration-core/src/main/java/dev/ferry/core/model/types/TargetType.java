package dev.ferry.core.model.types;

/**
 * How a target engine declares a {@link PortableType}.
 *
 * @param sql  the type as written in CREATE TABLE
 * @param loss what values of the type lose in it, in words ("kept as text", "offsets moved to UTC"), or null when
 *             every value is kept exactly
 */
public record TargetType(String sql, String loss) {

    /** A type that keeps every value exactly. */
    public static TargetType exact(String sql) {
        return new TargetType(sql, null);
    }

    /** A type that loses what {@code loss} says. */
    public static TargetType lossy(String sql, String loss) {
        return new TargetType(sql, loss);
    }

    /** Whether values may change on the way in. */
    public boolean isLossy() {
        return loss != null;
    }
}
