package dev.ferry.core.sql;

/**
 * One token of SQL text.
 *
 * @param kind  what the token is
 * @param text  the token's value: a word as written, a string literal or quoted identifier unescaped, a symbol
 * @param raw   the token exactly as written
 * @param start offset of the token's first character in the SQL text
 */
public record SqlToken(Kind kind, String text, String raw, int start) {

    /** Token kinds. */
    public enum Kind {
        /** An unquoted word: keyword or identifier. */
        WORD,
        /** A double-quoted or back-quoted identifier. */
        QUOTED_IDENTIFIER,
        /** A single-quoted (or dollar-quoted) string literal. */
        STRING,
        /** A number. */
        NUMBER,
        /** A JDBC {@code ?} parameter. */
        PARAMETER,
        /** Any other character: parentheses, comma, equals, dot, semicolon and so on. */
        SYMBOL,
        /** The end of the text. */
        END
    }

    /** Whether this is the unquoted word {@code word}, in any case. */
    public boolean isWord(String word) {
        return kind == Kind.WORD && text.equalsIgnoreCase(word);
    }

    /** Whether this is the symbol {@code symbol}. */
    public boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    /** How the token reads in an error message. */
    public String describe() {
        return kind == Kind.END ? "the end of the statement" : "'" + raw + "'";
    }
}
