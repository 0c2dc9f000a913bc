package dev.ferry.cli;

import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/** Prints the results of the command line's statements in the form {@code --output} names. */
interface ResultPrinter {
    /** Prints every row of {@code resultSet} (a table prints its first thousand). */
    void print(ResultSet resultSet) throws SQLException;

    /** The forms of {@code --output}. */
    enum Form {
        TABLE, CSV, JSON;

        /** A printer of this form onto {@code out}. */
        ResultPrinter onto(PrintStream out) {
            return switch (this) {
                case TABLE -> new TablePrinter(out);
                case CSV -> new CsvPrinter(out);
                case JSON -> new JsonPrinter(out);
            };
        }

        /** Whether update counts and other lines for people go to stdout beside the results, or to stderr. */
        boolean forPeople() {
            return this == TABLE;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
