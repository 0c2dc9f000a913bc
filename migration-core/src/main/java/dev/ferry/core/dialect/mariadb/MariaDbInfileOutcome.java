package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.FerryErrors;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server made of one LOAD DATA LOCAL INFILE statement's rows. LOCAL makes MariaDB read the rows as with
 * IGNORE, whatever the SQL mode: a value strict mode refuses is stored truncated or converted, a duplicate key or a
 * failed check skips its row, each with only a warning. So a statement that loaded fewer rows than it was sent, or
 * left a warning (level Warning or Error: a Note, such as fractional seconds cut, is what an INSERT in strict mode
 * takes too), fails, naming the data file's line where the server names the row.
 */
final class MariaDbInfileOutcome {
    private static final Pattern ROW = Pattern.compile("(?:\\bat row |^Row )(\\d+)");
    /**
     * The SQLState of the error an INSERT in strict mode gives where LOAD DATA warns: constraints (duplicate key,
     * foreign key, CHECK, NULL into NOT NULL) 23000, a value cut or changed to fit ("Data truncated", where an INSERT says
     * "Data too long") 22001, out of range 22003; any other 22000.
     */
    private static final Map<Integer, String> SQL_STATES = Map.of(1062, "23000", 1451, "23000", 1452, "23000",
            1557, "23000", 4025, "23000", 1263, "23000", 1265, "22001", 1264, "22003");

    private MariaDbInfileOutcome() {
    }

    /**
     * Checks the statement just run on {@code statement}, which loaded {@code loaded} rows of those {@code rows} sent.
     *
     * @throws SQLException naming the line of the row refused, or the lines of the rows sent where the server does
     *                      not say which row
     */
    static void check(Statement statement, long loaded, MariaDbInfileRows rows) throws SQLException {
        if (statement.getWarnings() != null) {
            List<String[]> warnings = new ArrayList<>();
            try (ResultSet listed = statement.executeQuery("SHOW WARNINGS")) {
                while (listed.next()) {
                    warnings.add(new String[] {listed.getString(1), listed.getString(2), listed.getString(3)});
                }
            }
            for (String[] warning : warnings) {
                if (!warning[0].equalsIgnoreCase("Note")) {
                    int code = Integer.parseInt(warning[1]);
                    throw new SQLException(where(warning[2], rows) + ": " + warning[2] + " (LOAD DATA's warning " + code
                            + ")", SQL_STATES.getOrDefault(code, FerryErrors.DATA), code);
                }
            }
            long total = count(statement);
            if (total > warnings.size()) {
                throw FerryErrors.data("LOAD DATA left " + total + " warnings on " + range(rows) + ", and MariaDB lists"
                        + " only " + warnings.size() + " (max_error_count): Ferry cannot tell that none refused a value");
            }
        }
        if (loaded != rows.statementRows()) {
            throw FerryErrors.data("LOAD DATA loaded " + loaded + " of the " + rows.statementRows() + " rows "
                    + range(rows) + " without a warning");
        }
    }

    /** The error a LOAD DATA statement failed with, naming the row's line where the server names the row. */
    static SQLException refused(SQLException error, MariaDbInfileRows rows) {
        return FerryErrors.withContext(where(String.valueOf(error.getMessage()), rows), error);
    }

    private static long count(Statement statement) throws SQLException {
        try (ResultSet count = statement.executeQuery("SHOW COUNT(*) WARNINGS")) {
            return count.next() ? count.getLong(1) : 0;
        }
    }

    /** "The database refused the row at line 12 of t.csv", or the rows the statement was sent. */
    private static String where(String message, MariaDbInfileRows rows) {
        Matcher row = ROW.matcher(message);
        if (row.find()) {
            long number = Long.parseLong(row.group(1));
            if (number >= 1 && number <= rows.statementRows()) {
                return "The database refused the row at " + rows.position((int) number);
            }
        }
        return "The database refused a row " + range(rows);
    }

    private static String range(MariaDbInfileRows rows) {
        return rows.statementRows() == 0 ? "before the first row"
                : "between " + rows.position(1) + " and " + rows.position(rows.statementRows());
    }
}
