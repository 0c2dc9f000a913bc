package dev.ferry.core.dialect.sqlite;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads what SQLite keeps only in a table's CREATE TABLE text ({@code sqlite_master.sql}) and no PRAGMA reports: the
 * expressions of generated columns, the CHECK constraints and the names of foreign keys. Only the table model (for imports into other engines)
 * needs them; an import into SQLite uses the statement itself. Quoted names ({@code "x"}, {@code `x`}, {@code [x]}),
 * string literals and comments are skipped as SQLite reads them.
 */
final class SqliteTableText {
    private static final List<String> TABLE_CONSTRAINTS = List.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    private final List<String> items;

    private SqliteTableText(List<String> items) {
        this.items = items;
    }

    /** The definitions of a CREATE TABLE statement: each column and each table constraint, in order. */
    static SqliteTableText of(String createTable) {
        List<String> items = new ArrayList<>();
        if (createTable == null) {
            return new SqliteTableText(items);
        }
        int open = -1;
        for (int i = 0; i < createTable.length(); i = skip(createTable, i)) {
            if (createTable.charAt(i) == '(') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return new SqliteTableText(items);
        }
        int depth = 0;
        int start = open + 1;
        for (int i = open + 1; i < createTable.length(); i = skip(createTable, i)) {
            char c = createTable.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                items.add(createTable.substring(start, i).strip());
                break;
            } else if (c == ',' && depth == 0) {
                items.add(createTable.substring(start, i).strip());
                start = i + 1;
            }
        }
        return new SqliteTableText(items);
    }

    /**
     * The expression of generated column {@code column} (the text inside {@code AS ( ... )}), or null where the column
     * is not declared so.
     */
    String generatedExpression(String column) {
        for (String item : columnDefinitions()) {
            if (column.equals(unquote(firstToken(item)))) {
                return parenthesisAfter(item, "AS");
            }
        }
        return null;
    }

    /**
     * The CHECK constraints, column-level ones included, each as {@code CHECK (<expression>)} with its name (null where
     * it has none), in the order declared.
     */
    List<String[]> checks() {
        List<String[]> checks = new ArrayList<>();
        for (String item : items) {
            String name = null;
            String previous = null;
            for (int i = 0; i < item.length(); ) {
                int end = skip(item, i);
                char c = item.charAt(i);
                if (Character.isLetter(c) || c == '_' || c == '"' || c == '`' || c == '[') {
                    end = tokenEnd(item, i);
                    String token = item.substring(i, end);
                    if ("CONSTRAINT".equalsIgnoreCase(previous)) {
                        name = unquote(token);
                    } else if (token.equalsIgnoreCase("CHECK")) {
                        String expression = parenthesisAt(item, end);
                        if (expression != null) {
                            checks.add(new String[] {name, "CHECK (" + expression + ")"});
                        }
                        name = null;
                    } else if (!token.equalsIgnoreCase("CONSTRAINT")) {
                        name = null;
                    }
                    previous = token;
                } else if (c == '(') {
                    end = closing(item, i) + 1;
                }
                i = end;
            }
        }
        return checks;
    }

    /**
     * A foreign key as the CREATE TABLE text declares it.
     *
     * @param name       its name ({@code CONSTRAINT name}), or null where it has none
     * @param columns    the referencing columns as written, without quotes
     * @param referenced the referenced table as written, without quotes
     */
    record ForeignKeyText(String name, List<String> columns, String referenced) {
    }

    /**
     * The foreign keys, column-level ones ({@code c INTEGER CONSTRAINT n REFERENCES t}) and table-level ones
     * ({@code CONSTRAINT n FOREIGN KEY (a, b) REFERENCES t}) alike, in the order declared. {@code PRAGMA
     * foreign_key_list} reports everything else of them but not their names.
     */
    List<ForeignKeyText> foreignKeys() {
        List<ForeignKeyText> keys = new ArrayList<>();
        for (String item : items) {
            List<String> tokens = tokens(item);
            if (tokens.isEmpty()) {
                continue;
            }
            String column = TABLE_CONSTRAINTS.contains(tokens.get(0).toUpperCase(Locale.ROOT)) ? null
                    : unquote(tokens.get(0));
            for (int k = 1; k + 1 < tokens.size(); k++) {
                if (!tokens.get(k).equalsIgnoreCase("REFERENCES")) {
                    continue;
                }
                String name = null;
                List<String> columns = column == null ? List.of() : List.of(column);
                if (k >= 3 && tokens.get(k - 1).startsWith("(") && tokens.get(k - 2).equalsIgnoreCase("KEY")
                        && tokens.get(k - 3).equalsIgnoreCase("FOREIGN")) {
                    columns = names(tokens.get(k - 1));
                    name = k >= 5 && tokens.get(k - 5).equalsIgnoreCase("CONSTRAINT") ? unquote(tokens.get(k - 4)) : null;
                } else if (k >= 2 && tokens.get(k - 2).equalsIgnoreCase("CONSTRAINT")) {
                    name = unquote(tokens.get(k - 1));
                }
                keys.add(new ForeignKeyText(name, columns, unquote(tokens.get(k + 1))));
            }
        }
        return keys;
    }

    /**
     * Whether {@code sql} holds the word {@code word} outside quoted names, string literals, comments and nothing
     * else: {@code COLLATE} in a CREATE INDEX statement.
     */
    static boolean hasWord(String sql, String word) {
        for (String token : tokens(sql)) {
            if (token.equalsIgnoreCase(word) || token.startsWith("(") && hasWord(token.substring(1), word)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The elements of {@code text}: words and quoted names (a string literal too), each parenthesised part as one
     * element (parentheses included), every other character on its own; blanks and comments left out.
     */
    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            int end;
            if (Character.isWhitespace(c) || text.startsWith("--", i) || text.startsWith("/*", i)) {
                i = skip(text, i);
                continue;
            } else if (Character.isLetterOrDigit(c) || c == '_' || c == '"' || c == '`' || c == '[' || c == '\'') {
                end = tokenEnd(text, i);
            } else if (c == '(') {
                end = Math.min(closing(text, i) + 1, text.length());
            } else {
                end = i + 1;
            }
            tokens.add(text.substring(i, end));
            i = end;
        }
        return tokens;
    }

    /** The names of a parenthesised list of names, {@code ([a], "b")}, without their quotes. */
    private static List<String> names(String list) {
        List<String> names = new ArrayList<>();
        boolean expectName = true;
        for (String token : tokens(list.substring(1, list.length() - 1))) {
            if (token.equals(",")) {
                expectName = true;
            } else if (expectName) {
                names.add(unquote(token));
                expectName = false;
            }
        }
        return names;
    }

    private List<String> columnDefinitions() {
        return items.stream().filter(item -> !TABLE_CONSTRAINTS.contains(firstToken(item).toUpperCase(Locale.ROOT)))
                .toList();
    }

    /** The text inside the parentheses that follow the word {@code keyword} outside parentheses, or null. */
    private static String parenthesisAfter(String item, String keyword) {
        for (int i = 0; i < item.length(); ) {
            char c = item.charAt(i);
            if (Character.isLetter(c) || c == '_') {
                int end = tokenEnd(item, i);
                if (item.substring(i, end).equalsIgnoreCase(keyword)) {
                    String inside = parenthesisAt(item, end);
                    if (inside != null) {
                        return inside;
                    }
                }
                i = end;
            } else if (c == '(') {
                i = closing(item, i) + 1;
            } else {
                i = skip(item, i);
            }
        }
        return null;
    }

    /** The text inside the parentheses that open at {@code from} (after blanks and comments), or null. */
    private static String parenthesisAt(String item, int from) {
        int i = from;
        while (i < item.length() && (Character.isWhitespace(item.charAt(i)) || item.startsWith("--", i)
                || item.startsWith("/*", i))) {
            i = skip(item, i);
        }
        if (i >= item.length() || item.charAt(i) != '(') {
            return null;
        }
        return item.substring(i + 1, closing(item, i)).strip();
    }

    /** The index of the parenthesis that closes the one at {@code open} (the text's end where none does). */
    private static int closing(String text, int open) {
        int depth = 0;
        for (int i = open; i < text.length(); i = skip(text, i)) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return text.length();
    }

    private static String firstToken(String item) {
        int start = 0;
        while (start < item.length() && Character.isWhitespace(item.charAt(start))) {
            start++;
        }
        return start >= item.length() ? "" : item.substring(start, tokenEnd(item, start));
    }

    /** The end of the name or word at {@code start}: a quoted name as a whole, else letters, digits, _ and $. */
    private static int tokenEnd(String text, int start) {
        char c = text.charAt(start);
        if (c == '"' || c == '`' || c == '[' || c == '\'') {
            return skip(text, start);
        }
        int i = start;
        while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                || text.charAt(i) == '$')) {
            i++;
        }
        return Math.max(i, start + 1);
    }

    /** A name without its quotes, as SQLite reads it. */
    static String unquote(String token) {
        if (token.length() >= 2) {
            char first = token.charAt(0);
            char last = token.charAt(token.length() - 1);
            String inner = token.substring(1, token.length() - 1);
            if (first == '"' && last == '"' || first == '\'' && last == '\'' || first == '`' && last == '`') {
                return inner.replace(String.valueOf(first) + first, String.valueOf(first));
            }
            if (first == '[' && last == ']') {
                return inner;
            }
        }
        return token;
    }

    /**
     * The index after the element that starts at {@code i}: a whole quoted name, string literal or comment, else the
     * one character.
     */
    private static int skip(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return text.length();
        }
        if (c == '[') {
            int end = text.indexOf(']', i + 1);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("--", i)) {
            int end = text.indexOf('\n', i);
            return end < 0 ? text.length() : end + 1;
        }
        if (text.startsWith("/*", i)) {
            int end = text.indexOf("*/", i + 2);
            return end < 0 ? text.length() : end + 2;
        }
        return i + 1;
    }
}
