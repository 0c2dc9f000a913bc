package dev.ferry.core.dialect.sqlite;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * SQLite's literal form of a value, which keeps its storage class: {@code 42} (integer), {@code 1.5} or
 * {@code 1.0e+20} (real), {@code 'it''s'} (text), {@code X'00ff'} (blob). Columns that may hold values of any class
 * (declared without a type, {@code NUMERIC} or {@code ANY}) are carried in it: the export selects each value as its
 * literal, the import binds it back as what it was, so each value is stored again exactly as it was.
 */
final class SqliteLiteral {
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern REAL = Pattern.compile("-?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private SqliteLiteral() {
    }

    /**
     * The expression that selects {@code column} (quoted) as its literal, NULL as SQL NULL. SQLite's {@code quote}
     * writes a real with as many digits as it takes to read back the same double, and infinity as {@code 9.0e+999};
     * it writes -0.0 as {@code 0.0}, which {@code atan2} tells apart (SQLite's math functions).
     */
    static String select(String column) {
        return "CASE typeof(" + column + ") WHEN 'null' THEN NULL"
                + " WHEN 'real' THEN CASE WHEN " + column + " = 0 AND atan2(" + column + ", -1) < 0 THEN '-0.0'"
                + " ELSE quote(" + column + ") END"
                + " ELSE quote(" + column + ") END";
    }

    /**
     * Binds the value {@code literal} stands for, of its own storage class. Text that is not a literal (a file Ferry
     * did not write) is bound as that text, which the column's affinity then converts as it would any text.
     */
    static void bind(PreparedStatement statement, int parameter, String literal) throws SQLException {
        int length = literal.length();
        if (length >= 2 && literal.charAt(0) == '\'' && literal.charAt(length - 1) == '\'') {
            statement.setString(parameter, literal.substring(1, length - 1).replace("''", "'"));
        } else if (length >= 3 && (literal.charAt(0) == 'X' || literal.charAt(0) == 'x') && literal.charAt(1) == '\''
                && literal.charAt(length - 1) == '\'' && isHex(literal, 2, length - 1)) {
            statement.setBytes(parameter, HexFormat.of().parseHex(literal, 2, length - 1));
        } else if (INTEGER.matcher(literal).matches() && fitsLong(literal)) {
            statement.setLong(parameter, Long.parseLong(literal));
        } else if (REAL.matcher(literal).matches()) {
            statement.setDouble(parameter, Double.parseDouble(literal));
        } else {
            statement.setString(parameter, literal);
        }
    }

    private static boolean isHex(String text, int from, int to) {
        if ((to - from) % 2 != 0) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(text.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsLong(String digits) {
        try {
            Long.parseLong(digits);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
