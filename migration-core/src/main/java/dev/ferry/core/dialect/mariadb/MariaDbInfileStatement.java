package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.dialect.LoadTarget;
import dev.ferry.core.value.ValueKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The {@code LOAD DATA LOCAL INFILE} statement that loads a table's rows as {@link MariaDbInfileRows} writes them:
 * fields separated by tabs, lines ended by newlines, nothing enclosing a field, a backslash escaping ({@code \N} is
 * NULL), in utf8mb4, every column named. The separators are hexadecimal literals, which read the same whatever the
 * session's SQL mode ({@code NO_BACKSLASH_ESCAPES}).
 *
 * <p>Most values are read by the server as INSERT reads a string bound to the column. Where that differs, a value goes
 * through a user variable and an expression: binary data (and BIT(n)) as hexadecimal through {@code UNHEX}; BIT(1)
 * and YEAR as numbers, since LOAD DATA stores a string's bytes in a BIT column and reads the text {@code 0} as the year
 * 2000 (INSERT binds a number, year 0000). A column of any other kind, or a spatial one, has no form here: the table
 * is then loaded with INSERTs.
 */
final class MariaDbInfileStatement {
    /** The name the statement gives its file; Connector/J sends the stream instead of opening it. */
    static final String FILE_NAME = "ferry-rows.tsv";

    private static final Set<String> SPATIAL = Set.of("GEOMETRY", "POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");

    /** How a column's values are written and read. */
    enum Form {
        /** The value's text, escaped, into the column. */
        TEXT,
        /** Binary data as hexadecimal digits, through {@code UNHEX}. */
        HEX,
        /** A number (a boolean as 1 or 0), through a cast to an integer. */
        NUMBER
    }

    private final String sql;
    private final List<Form> forms;
    private final List<String> variables;

    private MariaDbInfileStatement(String sql, List<Form> forms, List<String> variables) {
        this.sql = sql;
        this.forms = List.copyOf(forms);
        this.variables = List.copyOf(variables);
    }

    /**
     * The statement for the target's columns, whose types the server names {@code typeNames} (as
     * {@link java.sql.ResultSetMetaData#getColumnTypeName} does); empty where a column has no exact form here.
     */
    static Optional<MariaDbInfileStatement> of(LoadTarget target, List<String> typeNames) {
        List<Form> forms = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> assignments = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        for (int i = 0; i < target.kinds().size(); i++) {
            Optional<Form> form = form(target.kinds().get(i), typeNames.get(i).toUpperCase(Locale.ROOT));
            if (form.isEmpty()) {
                return Optional.empty();
            }
            forms.add(form.get());
            String column = target.sqlNames().get(i);
            if (form.get() == Form.TEXT) {
                fields.add(column);
                continue;
            }
            String variable = "@ferry_" + (i + 1);
            fields.add(variable);
            variables.add(variable);
            assignments.add(column + " = " + expression(form.get(), target.kinds().get(i), variable));
        }
        String sql = "LOAD DATA LOCAL INFILE '" + FILE_NAME + "' INTO TABLE " + target.table()
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY X'09' ENCLOSED BY '' ESCAPED BY X'5C'"
                + " LINES STARTING BY '' TERMINATED BY X'0A' IGNORE 0 LINES (" + String.join(", ", fields) + ")"
                + (assignments.isEmpty() ? "" : " SET " + String.join(", ", assignments));
        return Optional.of(new MariaDbInfileStatement(sql, forms, variables));
    }

    private static Optional<Form> form(ValueKind kind, String typeName) {
        String base = MariaDbTypes.baseType(typeName);
        if (SPATIAL.contains(base)) {
            return Optional.empty();
        }
        if (base.equals("BIT")) {
            return kind == ValueKind.BOOLEAN ? Optional.of(Form.NUMBER)
                    : kind == ValueKind.BINARY ? Optional.of(Form.HEX) : Optional.empty();
        }
        return switch (kind) {
            case BOOLEAN -> Optional.of(Form.NUMBER);
            case INTEGER, BIGINT -> Optional.of(base.equals("YEAR") ? Form.NUMBER : Form.TEXT);
            case DECIMAL, DOUBLE, STRING, JSON, UUID -> Optional.of(Form.TEXT);
            case BINARY -> Optional.of(Form.HEX);
            default -> Optional.empty();
        };
    }

    private static String expression(Form form, ValueKind kind, String variable) {
        return form == Form.HEX ? "UNHEX(" + variable + ")"
                : "CAST(" + variable + (kind == ValueKind.BOOLEAN ? " AS UNSIGNED)" : " AS SIGNED)");
    }

    /** The statement's SQL. */
    String sql() {
        return sql;
    }

    /** How each column's values are written, in the target's order. */
    List<Form> forms() {
        return forms;
    }

    /**
     * The statement that puts the session's {@code max_error_count} back and empties the user variables the load went
     * through (they would hold the last row's values for the rest of the session).
     */
    String restoreSession(long maxErrorCount) {
        return "SET SESSION max_error_count = " + maxErrorCount
                + variables.stream().map(v -> ", " + v + " = NULL").collect(Collectors.joining());
    }
}
