package dev.ferry.core.dialect;

/** What an engine does with the case of an identifier written without quotes. */
public enum IdentifierCase {
    /** Folds it to upper case (standard SQL, H2). */
    UPPER,
    /** Folds it to lower case (PostgreSQL). */
    LOWER,
    /** Keeps it as written and matches it in any case (MariaDB, SQLite, DuckDB). */
    PRESERVED
}
