package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.value.ValueKind;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes sure every value a query gives is one its column's kind carries exactly, before the query's rows are written.
 *
 * <p>SQLite keeps any value in any column: {@code 'abc'} in an INTEGER column, {@code 2} in a BOOLEAN one, a blob in a
 * TEXT one. Ferry carries a column's values by its declared type ({@link SqliteDeclaredType#valueKind}), so such a
 * value would not come back as it was (the driver reads {@code 'abc'} as the integer 0). The check finds the first one
 * in one scan of the query's rows and stops the export, naming the row, the column, the value and what the column's
 * values must be. Columns carried in SQLite's literal form ({@link SqliteLiteral}) take any value.
 */
final class SqliteValueCheck {
    private static final String CHECKED = "ferry_checked";
    /** A real whose text reads back as the same real; not an infinity, whose text ({@code Inf}) is not a number. */
    private static final String EXACT_REAL = "(CAST(CAST(%1$s AS TEXT) AS REAL) = %1$s AND abs(%1$s) < 9e999)";

    private SqliteValueCheck() {
    }

    /**
     * Fails where a value of {@code sql}'s result is not carried exactly by the kind {@code dialect} gives its column.
     *
     * @throws SQLException (22000) naming the row (in the query's order), the column and the value
     */
    static void requireCarried(Connection connection, String sql, Dialect dialect) throws SQLException {
        List<Rule> rules = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            ResultSetMetaData metaData = result.getMetaData();
            List<ValueKind> kinds = dialect.valueKinds(metaData);
            for (int i = 1; i <= metaData.getColumnCount(); i++) {
                Rule rule = Rule.of("c" + i, metaData.getColumnLabel(i), metaData.getColumnTypeName(i),
                        kinds.get(i - 1), metaData.getPrecision(i), metaData.getScale(i));
                if (rule != null) {
                    rules.add(rule);
                }
            }
            if (rules.isEmpty()) {
                return;
            }
            String columns = String.join(", ", IntStream.rangeClosed(1, metaData.getColumnCount())
                    .mapToObj(i -> "c" + i).toList());
            String with = "WITH " + CHECKED + "(" + columns + ") AS (" + sql + ") ";
            String fitting = rules.stream().map(Rule::condition).collect(Collectors.joining(" AND "));
            try (PreparedStatement check = connection.prepareStatement(
                    with + "SELECT 1 FROM " + CHECKED + " WHERE NOT (" + fitting + ") LIMIT 1");
                 ResultSet misfit = check.executeQuery()) {
                if (!misfit.next()) {
                    return;
                }
            }
            throw locate(connection, with, rules);
        }
    }

    /** The error for the first value that does not fit (found again with its row number: slower, but only on failure). */
    private static SQLException locate(Connection connection, String with, List<Rule> rules) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT row_number() OVER () AS ferry_row");
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            select.append(", NOT ").append(rule.condition()).append(" AS b").append(i)
                    .append(", typeof(").append(rule.column()).append(") AS t").append(i)
                    .append(", substr(quote(").append(rule.column()).append("), 1, 60) AS v").append(i);
        }
        String misfit = IntStream.range(0, rules.size()).mapToObj(i -> "b" + i).collect(Collectors.joining(" OR "));
        try (PreparedStatement statement = connection.prepareStatement(
                with + "SELECT * FROM (" + select + " FROM " + CHECKED + ") WHERE " + misfit + " LIMIT 1");
             ResultSet row = statement.executeQuery()) {
            if (row.next()) {
                for (int i = 0; i < rules.size(); i++) {
                    if (row.getBoolean("b" + i)) {
                        Rule rule = rules.get(i);
                        return FerryErrors.data("row " + row.getLong("ferry_row") + ", column " + rule.label()
                                + " (declared " + (rule.declared().isEmpty() ? "without a type" : rule.declared())
                                + ") holds the " + row.getString("t" + i) + " value " + row.getString("v" + i)
                                + ", which would not come back as it is: SQLite keeps any value in any column, and"
                                + " Ferry carries this column's values as " + rule.expected() + ". Correct the value,"
                                + " or declare the column without a type (or NUMERIC), whose values Ferry carries"
                                + " whatever they are. Nothing was written");
                    }
                }
            }
        }
        return FerryErrors.data("a value changed while it was checked; export again");
    }

    /**
     * What the values of one column of the result must be.
     *
     * @param column    the column's name in the checking query
     * @param label     the column's name in the result
     * @param declared  its declared type's name
     * @param condition SQL that is true for a value (or NULL) that the column's kind carries exactly
     * @param expected  what those values are, in words
     */
    private record Rule(String column, String label, String declared, String condition, String expected) {

        /** The rule for a column carried as {@code kind}, or null where every value is carried. */
        static Rule of(String column, String label, String typeName, ValueKind kind, int precision, int scale) {
            SqliteDeclaredType declared = SqliteDeclaredType.parse(typeName);
            boolean textAffinity = !declared.affinity().numeric();
            String exactReal = String.format(EXACT_REAL, column);
            String type = "typeof(" + column + ")";
            String[] rule = switch (kind) {
                case BIGINT -> new String[] {type + " = 'integer'", "integers"};
                case DOUBLE -> new String[] {type + " = 'real'", "reals"};
                case BOOLEAN -> new String[] {type + " = 'integer' AND " + column + " IN (0, 1)",
                        "the integers 0 and 1"};
                case BINARY -> new String[] {type + " = 'blob'", "blobs"};
                case DECIMAL -> textAffinity
                        ? new String[] {type + " = 'text' AND " + plainDecimal(column, precision > 0 ? scale : -1),
                                precision > 0 ? "decimal text with " + scale + " digits after the point"
                                        : "decimal text"}
                        : new String[] {"(" + type + " = 'integer' OR " + type + " = 'real' AND " + exactReal + ")",
                                "integers and reals"};
                case STRING, JSON -> textAffinity
                        ? new String[] {type + " = 'text'", "text"}
                        : new String[] {"(" + type + " IN ('text', 'integer') OR " + type + " = 'real' AND "
                                + exactReal + ")", "text or numbers"};
                case ENGINE_TEXT -> new String[] {"(" + type + " IN ('text', 'integer') OR " + type + " = 'real' AND "
                        + exactReal + ")", "text or numbers"};
                default -> null;
            };
            return rule == null ? null : new Rule(column, label, declared.name(),
                    "(" + column + " IS NULL OR " + rule[0] + ")", rule[1]);
        }

        /**
         * Text that is a decimal number as Ferry writes it back: digits, an optional point with digits after it
         * ({@code scale} of them, unless it is -1), a minus sign before anything but zero, no leading zeros.
         */
        private static String plainDecimal(String column, int scale) {
            String unsigned = "(CASE WHEN substr(" + column + ", 1, 1) = '-' THEN substr(" + column + ", 2) ELSE "
                    + column + " END)";
            String condition = unsigned + " <> '' AND " + unsigned + " NOT GLOB '*[^0-9.]*' AND " + unsigned
                    + " NOT GLOB '*.*.*' AND " + unsigned + " NOT GLOB '.*' AND " + unsigned + " NOT GLOB '*.' AND "
                    + unsigned + " NOT GLOB '0[0-9]*' AND NOT (" + column + " GLOB '-*' AND " + unsigned
                    + " NOT GLOB '*[1-9]*')";
            if (scale == 0) {
                condition += " AND instr(" + unsigned + ", '.') = 0";
            } else if (scale > 0) {
                condition += " AND instr(" + unsigned + ", '.') > 0 AND length(" + unsigned + ") - instr(" + unsigned
                        + ", '.') = " + scale;
            }
            return "(" + condition + ")";
        }
    }
}
