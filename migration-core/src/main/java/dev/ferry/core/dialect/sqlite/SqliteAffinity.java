package dev.ferry.core.dialect.sqlite;

import java.util.Locale;

/**
 * SQLite's type affinity of a column: what SQLite converts a value to when it stores it, decided by its declared type's
 * name alone (section 3.1 of SQLite's "Datatypes In SQLite"). The storage class of each value (integer, real, text,
 * blob) is what a SQLite database really holds; the affinity is what it makes of values on their way in.
 */
enum SqliteAffinity {
    /** A name holding {@code INT}: numeric text becomes an integer (or a real where it is not whole). */
    INTEGER,
    /** A name holding {@code CHAR}, {@code CLOB} or {@code TEXT}: numbers become text. */
    TEXT,
    /** A name holding {@code BLOB}, or no name at all: values are stored as they come. */
    BLOB,
    /** A name holding {@code REAL}, {@code FLOA} or {@code DOUB}: numbers and numeric text become reals. */
    REAL,
    /** Every other name: numeric text becomes an integer or a real. */
    NUMERIC;

    /** The affinity of a column declared {@code declared} (its type's name; any case, with or without its size). */
    static SqliteAffinity of(String declared) {
        String name = declared == null ? "" : declared.toUpperCase(Locale.ROOT);
        if (name.contains("INT")) {
            return INTEGER;
        }
        if (name.contains("CHAR") || name.contains("CLOB") || name.contains("TEXT")) {
            return TEXT;
        }
        if (name.contains("BLOB") || name.isBlank()) {
            return BLOB;
        }
        if (name.contains("REAL") || name.contains("FLOA") || name.contains("DOUB")) {
            return REAL;
        }
        return NUMERIC;
    }

    /** Whether the affinity turns numeric text into numbers, so that a number's text stored here is that number again. */
    boolean numeric() {
        return this == INTEGER || this == NUMERIC || this == REAL;
    }
}
