package dev.ferry.core.command;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;

/**
 * Splits SQL text into tokens, skipping whitespace and comments ({@code -- ...} and {@code /* ... *}{@code /}).
 * Understands single-quoted strings ({@code ''} escapes a quote), double- and back-quoted identifiers (the quote
 * doubled escapes it) and PostgreSQL's dollar-quoted strings.
 */
public final class SqlLexer {
    private final String sql;
    private int position;

    public SqlLexer(String sql) {
        this.sql = sql;
    }

    /** The SQL text being read. */
    public String sql() {
        return sql;
    }

    /** Offset of the next character to read. */
    public int position() {
        return position;
    }

    /** The next token; {@link SqlToken.Kind#END} at the end of the text, again and again. */
    public SqlToken next() throws SQLException {
        skipSpaceAndComments();
        int start = position;
        if (position >= sql.length()) {
            return new SqlToken(SqlToken.Kind.END, "", "", start);
        }
        char c = sql.charAt(position);
        if (c == '\'') {
            return quoted(SqlToken.Kind.STRING, '\'', "string literal");
        }
        if (c == '"' || c == '`') {
            return quoted(SqlToken.Kind.QUOTED_IDENTIFIER, c, "quoted identifier");
        }
        if (c == '$') {
            SqlToken dollar = dollarQuoted();
            if (dollar != null) {
                return dollar;
            }
        }
        if (c == '?') {
            position++;
            return new SqlToken(SqlToken.Kind.PARAMETER, "?", "?", start);
        }
        if (Character.isDigit(c) || (c == '-' || c == '+' || c == '.') && nextIsDigit()) {
            position++;
            while (position < sql.length() && isNumberPart(sql.charAt(position))) {
                position++;
            }
            String raw = sql.substring(start, position);
            return new SqlToken(SqlToken.Kind.NUMBER, raw, raw, start);
        }
        if (Character.isLetter(c) || c == '_') {
            while (position < sql.length() && isWordPart(sql.charAt(position))) {
                position++;
            }
            String raw = sql.substring(start, position);
            return new SqlToken(SqlToken.Kind.WORD, raw, raw, start);
        }
        position += Character.charCount(sql.codePointAt(position));
        String raw = sql.substring(start, position);
        return new SqlToken(SqlToken.Kind.SYMBOL, raw, raw, start);
    }

    private boolean nextIsDigit() {
        return position + 1 < sql.length() && Character.isDigit(sql.charAt(position + 1));
    }

    private static boolean isNumberPart(char c) {
        return Character.isLetterOrDigit(c) || c == '.';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private void skipSpaceAndComments() throws SQLException {
        while (position < sql.length()) {
            char c = sql.charAt(position);
            if (Character.isWhitespace(c)) {
                position++;
            } else if (sql.startsWith("--", position)) {
                int end = sql.indexOf('\n', position);
                position = end < 0 ? sql.length() : end + 1;
            } else if (sql.startsWith("/*", position)) {
                int end = sql.indexOf("*/", position + 2);
                if (end < 0) {
                    throw FerryErrors.syntax("Unterminated comment starting at position " + (position + 1));
                }
                position = end + 2;
            } else {
                return;
            }
        }
    }

    private SqlToken quoted(SqlToken.Kind kind, char quote, String what) throws SQLException {
        int start = position;
        StringBuilder value = new StringBuilder();
        position++;
        while (true) {
            if (position >= sql.length()) {
                throw FerryErrors.syntax("Unterminated " + what + " starting at position " + (start + 1));
            }
            char c = sql.charAt(position++);
            if (c == quote) {
                if (position < sql.length() && sql.charAt(position) == quote) {
                    value.append(quote);
                    position++;
                } else {
                    return new SqlToken(kind, value.toString(), sql.substring(start, position), start);
                }
            } else {
                value.append(c);
            }
        }
    }

    /** {@code $tag$ ... $tag$}, or null (position unchanged) when the dollar sign does not open one. */
    private SqlToken dollarQuoted() throws SQLException {
        int start = position;
        int tagEnd = position + 1;
        while (tagEnd < sql.length() && (Character.isLetterOrDigit(sql.charAt(tagEnd)) || sql.charAt(tagEnd) == '_')) {
            tagEnd++;
        }
        if (tagEnd >= sql.length() || sql.charAt(tagEnd) != '$') {
            return null;
        }
        String tag = sql.substring(start, tagEnd + 1);
        int close = sql.indexOf(tag, tagEnd + 1);
        if (close < 0) {
            throw FerryErrors.syntax("Unterminated dollar-quoted string starting at position " + (start + 1));
        }
        position = close + tag.length();
        return new SqlToken(SqlToken.Kind.STRING, sql.substring(tagEnd + 1, close), sql.substring(start, position), start);
    }
}
