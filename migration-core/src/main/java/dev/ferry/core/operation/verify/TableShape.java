package dev.ferry.core.operation.verify;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.value.ValueKind;
import dev.ferry.core.value.ZoneConversion;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The columns an import loads into a table, as the database declares them: their names, the value kinds the import
 * reads the data file with ({@link dev.ferry.core.operation.loading.BulkLoader} takes them from the same query), and
 * how an export selects them.
 *
 * <p>A value's canonical form is its kind's text form; but a date, time or timestamp column that the import loads as
 * text (MariaDB's, whose dates may be zero and whose TIME is an interval: the server parses the text) is compared in
 * {@link TemporalSpelling}'s form, as the server spells the text it was given its own way
 * ({@code 1973-07-01 00:00:00} comes back {@code 1973-07-01 00:00:00.000000} from a DATETIME(6)); and a decimal of a
 * column that keeps no scale (SQLite's DECIMAL, whose NUMERIC affinity stores {@code 1.1000} as the real 1.1) is
 * compared by its value, without trailing zeros.
 *
 * @param names    the columns' names, as the database gives them
 * @param kinds    their value kinds
 * @param selects  each column as an export selects it ({@link Dialect#selectColumn})
 * @param temporal for each column, whether it is a date, time or timestamp loaded as text
 * @param atUtc    for each column, whether it is a timestamp without a zone loaded as text, which takes a value with an
 *                 offset at UTC as the load does ({@link ZoneConversion#textAtUtc})
 * @param byValue  for each column, whether it is a decimal whose column keeps no scale
 */
record TableShape(List<String> names, List<ValueKind> kinds, List<String> selects, boolean[] temporal,
                  boolean[] atUtc, boolean[] byValue) {

    TableShape {
        names = List.copyOf(names);
        kinds = List.copyOf(kinds);
        selects = List.copyOf(selects);
        temporal = temporal.clone();
        atUtc = atUtc.clone();
        byValue = byValue.clone();
    }

    /** The canonical text forms of {@code row}'s values, each of its column's kind (null for NULL). */
    String[] text(Object[] row) {
        String[] text = new String[row.length];
        for (int i = 0; i < row.length; i++) {
            if (row[i] != null) {
                String form = kinds.get(i).format(row[i]);
                text[i] = atUtc[i] ? TemporalSpelling.canonical(ZoneConversion.textAtUtc(form))
                        : temporal[i] ? TemporalSpelling.canonical(form)
                        : byValue[i] ? new BigDecimal(form).stripTrailingZeros().toPlainString() : form;
            }
        }
        return text;
    }

    private static final Set<Integer> TEMPORAL = Set.of(Types.DATE, Types.TIME, Types.TIMESTAMP,
            Types.TIME_WITH_TIMEZONE, Types.TIMESTAMP_WITH_TIMEZONE);

    /**
     * The shape of {@code load}'s columns in {@code table} (SQL, as the rows are read from it); throws where the table
     * or a column is not there.
     */
    static TableShape of(Connection connection, Dialect dialect, TableLoad load, String table) throws SQLException {
        String columns = load.columns().isEmpty() ? "*" : String.join(", ", load.columns());
        try (PreparedStatement probe = connection.prepareStatement(
                "SELECT " + columns + " FROM " + table + " WHERE 1 = 0");
             ResultSet empty = probe.executeQuery()) {
            ResultSetMetaData metaData = empty.getMetaData();
            List<String> names = new ArrayList<>();
            List<String> selects = new ArrayList<>();
            List<ValueKind> kinds = dialect.valueKinds(metaData);
            boolean[] temporal = new boolean[kinds.size()];
            boolean[] atUtc = new boolean[kinds.size()];
            boolean[] byValue = new boolean[kinds.size()];
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                names.add(metaData.getColumnName(i));
                selects.add(dialect.selectColumn(metaData.getColumnName(i), metaData.getColumnType(i),
                        metaData.getColumnTypeName(i)));
                temporal[i - 1] = kinds.get(i - 1) == ValueKind.STRING && TEMPORAL.contains(metaData.getColumnType(i));
                atUtc[i - 1] = kinds.get(i - 1) == ValueKind.STRING && metaData.getColumnType(i) == Types.TIMESTAMP;
                byValue[i - 1] = kinds.get(i - 1) == ValueKind.DECIMAL && keepsNoScale(dialect,
                        metaData.getColumnTypeName(i));
            }
            return new TableShape(names, kinds, selects, temporal, atUtc, byValue);
        }
    }

    /**
     * Whether a decimal column keeps no scale: SQLite's DECIMAL (NUMERIC affinity keeps an integer or a real), not
     * its DECIMAL_TEXT, which keeps the text.
     */
    private static boolean keepsNoScale(Dialect dialect, String typeName) {
        return dialect.name().equals("sqlite")
                && (typeName == null || !typeName.toUpperCase(Locale.ROOT).startsWith("DECIMAL_TEXT"));
    }

    /** The positions of {@code key}'s columns (matched regardless of case), or null where one is not loaded. */
    int[] positions(List<String> key) {
        int[] positions = new int[key.size()];
        for (int k = 0; k < key.size(); k++) {
            positions[k] = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(key.get(k))) {
                    positions[k] = i;
                }
            }
            if (positions[k] < 0) {
                return null;
            }
        }
        return positions;
    }
}
