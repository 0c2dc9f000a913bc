package dev.ferry.core.sql;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into tokens, skipping whitespace and comments ({@code -- ...} and {@code /* ... *}{@code /}).
 * Understands single-quoted strings ({@code ''} escapes a quote), double- and back-quoted identifiers (the quote
 * doubled escapes it) and PostgreSQL's dollar-quoted strings.
 *
 * <p>With MySQL's lexical rules (MariaDB, MySQL) a backslash also escapes the next character in single- and
 * double-quoted strings ({@code 'it\'s'}, as MariaDB writes view definitions and CHECK clauses), {@code #} starts a
 * comment to the end of the line, and {@code --} starts one only when a space or control character follows (so that
 * {@code 5--1} is 5 minus -1); there are no dollar-quoted strings.
 */
public final class SqlLexer {
    private final String sql;
    private final boolean mysql;
    private int position;

    /** A lexer for standard SQL text. */
    public SqlLexer(String sql) {
        this(sql, false);
    }

    /**
     * @param sql   the text
     * @param mysql whether the text follows MySQL's lexical rules (backslash escapes, {@code #} comments)
     */
    public SqlLexer(String sql, boolean mysql) {
        this.sql = sql;
        this.mysql = mysql;
    }

    /** All tokens of {@code sql}, the END token left out. */
    public static List<SqlToken> tokens(String sql, boolean mysql) throws SQLException {
        SqlLexer lexer = new SqlLexer(sql, mysql);
        List<SqlToken> tokens = new ArrayList<>();
        for (SqlToken token = lexer.next(); token.kind() != SqlToken.Kind.END; token = lexer.next()) {
            tokens.add(token);
        }
        return tokens;
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
        if (c == '$' && !mysql) {
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

    /**
     * If {@code text} comes next (after whitespace and comments), reads past it and returns the offset it starts at;
     * otherwise reads nothing and returns -1. Tells a statement delimiter such as {@code ;;} or {@code $$} apart
     * before {@link #next} would read it as symbols or as a dollar-quoted string.
     */
    public int skip(String text) throws SQLException {
        skipSpaceAndComments();
        if (!text.isEmpty() && sql.startsWith(text, position)) {
            int start = position;
            position += text.length();
            return start;
        }
        return -1;
    }

    /** The rest of the current line (without its line break), which is read past. */
    public String restOfLine() {
        int end = sql.indexOf('\n', position);
        String line = sql.substring(position, end < 0 ? sql.length() : end);
        position = end < 0 ? sql.length() : end + 1;
        return line;
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
            } else if (sql.startsWith("--", position) && (!mysql || position + 2 >= sql.length()
                    || Character.isWhitespace(sql.charAt(position + 2)) || Character.isISOControl(sql.charAt(position + 2)))
                    || mysql && c == '#') {
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
            if (mysql && c == '\\' && quote != '`' && position < sql.length()) {
                value.append(unescaped(sql.charAt(position++)));
            } else if (c == quote) {
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

    /** The character a MySQL backslash escape stands for. */
    private static String unescaped(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'Z' -> "\u001a";
            case '%', '_' -> "\\" + c;
            default -> String.valueOf(c);
        };
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
