package dev.ferry.it.values;

import java.util.ArrayList;
import java.util.List;

/**
 * A case of a value matrix written as an SQL literal.
 *
 * @param type      the column's type
 * @param value     the SQL literal inserted
 * @param expected  what the engine's reading gives as the stored value
 * @param inParquet what it gives as the value imported from Parquet, where that differs; else null
 */
public record ValueCase(String type, String value, Object expected, Object inParquet) implements ValueMatrix.Case {
    /** In a case table, the expected text of a value that the engine prints as its literal. */
    public static final String SAME = null;

    /**
     * The cases of a table whose rows are (type, literal, expected text or {@link #SAME}), with a fourth entry where
     * Parquet brings back another text: that text.
     */
    public static List<ValueCase> table(String[][] rows) {
        List<ValueCase> cases = new ArrayList<>();
        for (String[] row : rows) {
            cases.add(new ValueCase(row[0], row[1], row[2] == SAME ? row[1] : row[2], row.length > 3 ? row[3] : null));
        }
        return cases;
    }

    @Override
    public String toString() {
        return type + " " + value;
    }
}
