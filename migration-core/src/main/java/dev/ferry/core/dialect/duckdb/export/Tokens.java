package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a DuckDB script read token by token, with the few steps the statement parsers share. A problem
 * is an {@link IllegalArgumentException} naming the offending token; the parser's caller names the file, line and
 * statement.
 */
final class Tokens {
    /** DuckDB's default schema, where a name without a schema lives. */
    static final String MAIN = "main";

    private final SqlLexer lexer;
    private SqlToken current;
    private int lastEnd;

    Tokens(String sql) throws SQLException {
        this.lexer = new SqlLexer(sql);
        this.current = lexer.next();
    }

    SqlToken current() {
        return current;
    }

    String sql() {
        return lexer.sql();
    }

    void advance() throws SQLException {
        current = lexer.next();
    }

    boolean atEnd() {
        return current.kind() == SqlToken.Kind.END;
    }

    boolean isWord(String word) {
        return current.isWord(word);
    }

    boolean isSymbol(String symbol) {
        return current.isSymbol(symbol);
    }

    /** Reads past the word {@code word} if it comes next. */
    boolean acceptWord(String word) throws SQLException {
        if (current.isWord(word)) {
            advance();
            return true;
        }
        return false;
    }

    /** Reads past the symbol {@code symbol} if it comes next. */
    boolean acceptSymbol(String symbol) throws SQLException {
        if (current.isSymbol(symbol)) {
            advance();
            return true;
        }
        return false;
    }

    /** Reads past {@code CONSTRAINT <name>} if it comes next (DuckDB keeps no constraint names). */
    boolean acceptConstraintName() throws SQLException {
        if (acceptWord("CONSTRAINT")) {
            identifier();
            return true;
        }
        return false;
    }

    void expectWords(String... words) throws SQLException {
        for (String word : words) {
            if (!acceptWord(word)) {
                throw unexpected(word);
            }
        }
    }

    void expectSymbol(String symbol) throws SQLException {
        if (!acceptSymbol(symbol)) {
            throw unexpected("'" + symbol + "'");
        }
    }

    /** An identifier, quoted or not, as DuckDB keeps it (the case of an unquoted one as written). */
    String identifier() throws SQLException {
        if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
            throw unexpected("a name");
        }
        String name = current.text();
        advance();
        return name;
    }

    /** {@code [catalog.][schema.]name}; a name without a schema is in {@value #MAIN}. */
    QualifiedName qualifiedName() throws SQLException {
        return qualifiedName(MAIN);
    }

    /** {@code [catalog.][schema.]name}; a name without a schema is in {@code defaultSchema}. */
    QualifiedName qualifiedName(String defaultSchema) throws SQLException {
        List<String> parts = new ArrayList<>();
        parts.add(identifier());
        while (acceptSymbol(".")) {
            parts.add(identifier());
        }
        if (parts.size() > 3) {
            throw new IllegalArgumentException("the name " + String.join(".", parts) + " has too many parts");
        }
        String name = parts.get(parts.size() - 1);
        return new QualifiedName(parts.size() == 1 ? defaultSchema : parts.get(parts.size() - 2), name);
    }

    /** {@code (name, ...)}. */
    List<String> identifierList() throws SQLException {
        expectSymbol("(");
        List<String> names = new ArrayList<>();
        do {
            names.add(identifier());
        } while (acceptSymbol(","));
        expectSymbol(")");
        return names;
    }

    /** The text between the parenthesis that comes next and the one that closes it, which are read past. */
    String parenthesized() throws SQLException {
        int start = current.start();
        skipParenthesized();
        return sql().substring(start + 1, lastEnd - 1).strip();
    }

    /** Reads past a parenthesized part, nested parentheses included. */
    void skipParenthesized() throws SQLException {
        if (!current.isSymbol("(")) {
            throw unexpected("'('");
        }
        int depth = 0;
        do {
            if (atEnd()) {
                throw new IllegalArgumentException("a parenthesis is not closed");
            }
            depth += current.isSymbol("(") ? 1 : current.isSymbol(")") ? -1 : 0;
            lastEnd = end(current);
            advance();
        } while (depth > 0);
    }

    /** The offset just past the last token read past by {@link #skipParenthesized} or {@link #rememberEnd}. */
    int lastEnd() {
        return lastEnd;
    }

    /** Notes the end of the current token as {@link #lastEnd()}, then reads past it. */
    void rememberEnd() throws SQLException {
        lastEnd = end(current);
        advance();
    }

    /** The rest of the statement from the current token, as written. */
    String rest() {
        return sql().substring(current.start()).strip();
    }

    static int end(SqlToken token) {
        return token.start() + token.raw().length();
    }

    IllegalArgumentException unexpected(String expected) {
        return new IllegalArgumentException("expected " + expected + " at character " + (current.start() + 1)
                + ", found " + current.describe());
    }
}
