package dev.ferry.core.dialect.duckdb;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The generated columns of a DuckDB table, read from its CREATE TABLE as {@code duckdb_tables().sql} writes it:
 * {@code CREATE TABLE t(a INTEGER, b INTEGER GENERATED ALWAYS AS((a * 2)))}. No catalog function says which columns are
 * generated; duckdb_columns() shows a generated column's expression as its default in 1.x, and nothing in 0.8.1.
 */
final class DuckDbGeneratedColumns {
    private static final String GENERATED = "GENERATED ALWAYS AS";

    private DuckDbGeneratedColumns() {
    }

    /** Each generated column of the table {@code createTable} creates, with its expression. */
    static Map<String, String> of(String createTable) {
        Map<String, String> generated = new LinkedHashMap<>();
        if (createTable == null || !createTable.contains(GENERATED)) {
            return generated;
        }
        int open = next(createTable, 0, '(');
        int start = open + 1;
        int depth = 0;
        for (int i = start; i < createTable.length(); i++) {
            char c = createTable.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(createTable, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if ((c == ',' || c == ')') && depth == 0) {
                definition(createTable.substring(start, i), generated);
                if (c == ')') {
                    break;
                }
                start = i + 1;
            }
        }
        return generated;
    }

    /** A column definition {@code name TYPE ... GENERATED ALWAYS AS(expression)}: adds name and expression. */
    private static void definition(String definition, Map<String, String> generated) {
        String text = definition.strip();
        int at = indexOutsideQuotes(text, GENERATED);
        if (at < 0 || text.isEmpty()) {
            return;
        }
        String name;
        if (text.charAt(0) == '"') {
            int end = closingQuote(text, 0);
            name = text.substring(1, end).replace("\"\"", "\"");
        } else {
            name = text.split("\\s+", 2)[0];
        }
        int open = next(text, at + GENERATED.length(), '(');
        int depth = 0;
        for (int i = open; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                generated.put(name, text.substring(open + 1, i).strip());
                return;
            }
        }
    }

    private static int next(String text, int from, char wanted) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
            } else if (c == wanted) {
                return i;
            }
        }
        return text.length();
    }

    private static int indexOutsideQuotes(String text, String wanted) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                i = closingQuote(text, i);
            } else if (text.startsWith(wanted, i)) {
                return i;
            }
        }
        return -1;
    }

    /** The position of the quote that closes the one at {@code open} (a doubled quote does not close it). */
    private static int closingQuote(String text, int open) {
        char quote = text.charAt(open);
        for (int i = open + 1; i < text.length(); i++) {
            if (text.charAt(i) == quote) {
                if (i + 1 < text.length() && text.charAt(i + 1) == quote) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return text.length();
    }
}
