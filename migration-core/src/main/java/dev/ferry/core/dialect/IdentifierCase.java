package dev.ferry.core.dialect;

import java.util.Locale;

/** What an engine does with the case of an identifier written without quotes. */
public enum IdentifierCase {
    /** Folds it to upper case (standard SQL, H2). */
    UPPER,
    /** Folds it to lower case (PostgreSQL). */
    LOWER,
    /** Keeps it as written and matches it in any case (MariaDB, SQLite, DuckDB). */
    PRESERVED;

    /** {@code word}, written without quotes, as the engine stores the name it stands for. */
    public String folded(String word) {
        return switch (this) {
            case UPPER -> word.toUpperCase(Locale.ROOT);
            case LOWER -> word.toLowerCase(Locale.ROOT);
            case PRESERVED -> word;
        };
    }
}
