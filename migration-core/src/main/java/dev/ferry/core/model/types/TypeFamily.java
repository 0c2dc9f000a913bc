package dev.ferry.core.model.types;

/** The kinds of column type every engine can declare in some form; what a cross-engine import maps through. */
public enum TypeFamily {
    BOOLEAN,
    TINYINT,
    SMALLINT,
    INTEGER,
    BIGINT,
    /** Exact decimal numbers: {@code length} is the precision (0: unconstrained), {@code scale} the digits after the point. */
    DECIMAL,
    REAL,
    DOUBLE,
    /** Fixed-length text: {@code length} characters. */
    CHAR,
    /** Text up to {@code length} characters. */
    VARCHAR,
    /** Text of any length. */
    TEXT,
    /** Fixed-length binary: {@code length} bytes. */
    BINARY,
    /** Binary up to {@code length} bytes. */
    VARBINARY,
    /** Binary of any length. */
    BLOB,
    DATE,
    /** Time of day; {@code scale} fractional-second digits. */
    TIME,
    TIME_WITH_TIME_ZONE,
    /** Date and time; {@code scale} fractional-second digits. */
    TIMESTAMP,
    TIMESTAMP_WITH_TIME_ZONE,
    UUID,
    JSON,
    INTERVAL,
    /** An array of {@code element}. */
    ARRAY,
    /** A type of the source engine with no counterpart elsewhere (geometry, ranges, enums ...), carried as text. */
    OTHER
}
