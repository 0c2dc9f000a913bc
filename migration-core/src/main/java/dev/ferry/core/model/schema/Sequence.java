package dev.ferry.core.model.schema;

/**
 * A sequence with its position.
 *
 * @param name      schema and name
 * @param dataType  the integer type it counts in ({@code BIGINT}, {@code INTEGER} ...), or null for the default
 * @param start     START WITH
 * @param increment INCREMENT BY
 * @param minimum   MINVALUE
 * @param maximum   MAXVALUE
 * @param cycle     whether it wraps around at its end
 * @param next      the value the next {@code NEXT VALUE FOR} would give
 * @param ownedBy   the column it belongs to, as {@code table.column} SQL (PostgreSQL's OWNED BY), or null
 * @param cache     how many values the engine reserves at a time (CACHE), or null where the dialect leaves it to the
 *                  engine's default
 */
public record Sequence(QualifiedName name, String dataType, long start, long increment, long minimum, long maximum, boolean cycle,
                       long next, String ownedBy, Long cache) {

    /** A sequence whose cache is left to the engine's default. */
    public Sequence(QualifiedName name, String dataType, long start, long increment, long minimum, long maximum,
                    boolean cycle, long next, String ownedBy) {
        this(name, dataType, start, increment, minimum, maximum, cycle, next, ownedBy, null);
    }
}
