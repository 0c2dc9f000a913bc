package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a COPY statement of DuckDB's load script:
 * <pre>
 * COPY "s"."t" FROM 'dir/s_t.csv' (FORMAT 'csv', force_not_null ('a', 'b'), quote '"', delimiter ',', header 1);
 * </pre>
 * An option's value is a string, a number, a word or a parenthesized list of them; an option without one is true.
 */
final class CopyStatementParser {

    private CopyStatementParser() {
    }

    /**
     * A COPY statement.
     *
     * @param table   the table
     * @param columns the columns listed after the table, or empty for all of them
     * @param path    the data file's path as written
     * @param options option names in upper case to their values: a String, or a List of Strings for a list
     */
    record ParsedCopy(QualifiedName table, List<String> columns, String path, Map<String, Object> options) {
    }

    /** Whether the statement is a COPY. */
    static boolean isCopy(String sql) throws SQLException {
        return new Tokens(sql).isWord("COPY");
    }

    /**
     * The COPY statement's parts.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    static ParsedCopy parse(String sql) throws SQLException {
        Tokens tokens = new Tokens(sql);
        tokens.expectWords("COPY");
        QualifiedName table = tokens.qualifiedName();
        List<String> columns = tokens.isSymbol("(") ? tokens.identifierList() : List.of();
        tokens.expectWords("FROM");
        if (tokens.current().kind() != SqlToken.Kind.STRING) {
            throw tokens.unexpected("the data file as a quoted string");
        }
        String path = tokens.current().text();
        tokens.advance();
        Map<String, Object> options = new LinkedHashMap<>();
        if (tokens.acceptSymbol("(")) {
            options(tokens, options);
        }
        if (!tokens.atEnd()) {
            throw tokens.unexpected("the end of the statement");
        }
        return new ParsedCopy(table, columns, path, Collections.unmodifiableMap(options));
    }

    private static void options(Tokens tokens, Map<String, Object> options) throws SQLException {
        if (tokens.acceptSymbol(")")) {
            return;
        }
        do {
            String name = tokens.identifier().toUpperCase(Locale.ROOT);
            tokens.acceptSymbol("=");
            Object value = tokens.isSymbol(",") || tokens.isSymbol(")") ? "true" : value(tokens);
            if (options.put(name, value) != null) {
                throw new IllegalArgumentException("the option " + name + " is given twice");
            }
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
    }

    private static Object value(Tokens tokens) throws SQLException {
        if (tokens.acceptSymbol("(")) {
            List<String> values = new ArrayList<>();
            if (!tokens.isSymbol(")")) {
                do {
                    values.add(scalar(tokens));
                } while (tokens.acceptSymbol(","));
            }
            tokens.expectSymbol(")");
            return List.copyOf(values);
        }
        return scalar(tokens);
    }

    private static String scalar(Tokens tokens) throws SQLException {
        SqlToken token = tokens.current();
        switch (token.kind()) {
            case STRING, NUMBER, WORD, QUOTED_IDENTIFIER -> {
                tokens.advance();
                return token.text();
            }
            default -> throw tokens.unexpected("an option value");
        }
    }
}
