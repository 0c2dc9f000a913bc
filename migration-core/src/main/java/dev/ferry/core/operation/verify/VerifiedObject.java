package dev.ferry.core.operation.verify;

import java.util.Locale;
import java.util.Objects;

/**
 * One row of VERIFY DATABASE's result: a table of the export and how the database's copy compares, or a schema
 * object the export creates that the database lacks.
 *
 * @param name         the table as the target's SQL names it, or the object in words ({@code index i on s.t})
 * @param status       how it compares
 * @param rowsExpected the rows of the export's data files; null for a schema object
 * @param rowsFound    the rows of the database's table; null for a schema object or a missing table
 * @param detail       what differs, in words; null where nothing does
 */
public record VerifiedObject(String name, Status status, Long rowsExpected, Long rowsFound, String detail) {

    public VerifiedObject {
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
    }

    /** How an object of the export compares with the database. */
    public enum Status {
        /** The database holds exactly the export's rows. */
        OK,
        /** The database's rows are not the export's. */
        DIFFERS,
        /** The database lacks the table or object. */
        MISSING;

        /** As the result set shows it: {@code ok}, {@code differs}, {@code missing}. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
