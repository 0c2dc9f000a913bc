package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a CREATE INDEX statement as DuckDB's export writes it: {@code CREATE UNIQUE INDEX "i 1" ON s.t(a, b)}, or on
 * expressions, {@code CREATE INDEX i2 ON t((lower(b)))}. An index on columns is described by its columns; one on an
 * expression keeps DuckDB's statement as its definition (and has no columns).
 */
final class CreateIndexParser {

    private CreateIndexParser() {
    }

    /**
     * The index a CREATE INDEX statement creates.
     *
     * @throws IllegalArgumentException naming what is not understood
     */
    static Index parse(String sql) throws SQLException {
        Tokens tokens = new Tokens(sql);
        tokens.expectWords("CREATE");
        boolean unique = tokens.acceptWord("UNIQUE");
        tokens.expectWords("INDEX");
        if (tokens.acceptWord("IF")) {
            tokens.expectWords("NOT", "EXISTS");
        }
        String name = tokens.identifier();
        tokens.expectWords("ON");
        QualifiedName table = tokens.qualifiedName();
        if (tokens.acceptWord("USING")) {
            tokens.identifier();
        }
        tokens.expectSymbol("(");
        List<Index.IndexColumn> columns = new ArrayList<>();
        boolean expressions = false;
        do {
            SqlToken first = tokens.current();
            boolean name1 = first.kind() == SqlToken.Kind.WORD || first.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
            tokens.advance();
            boolean descending = false;
            if (name1 && (tokens.isWord("ASC") || tokens.isWord("DESC"))) {
                descending = tokens.isWord("DESC");
                tokens.advance();
            }
            if (name1 && (tokens.isSymbol(",") || tokens.isSymbol(")"))) {
                columns.add(new Index.IndexColumn(first.text(), descending));
            } else {
                expressions = true;
                skipExpression(tokens, first);
            }
        } while (tokens.acceptSymbol(","));
        tokens.expectSymbol(")");
        if (!tokens.atEnd()) {
            throw tokens.unexpected("the end of the statement");
        }
        return expressions ? new Index(name, table, unique, List.of(), sql.strip())
                : new Index(name, table, unique, columns, null);
    }

    /** Reads to the ',' or ')' that ends an expression whose first token has been read. */
    private static void skipExpression(Tokens tokens, SqlToken first) throws SQLException {
        int depth = first.isSymbol("(") ? 1 : 0;
        while (depth > 0 || !tokens.isSymbol(",") && !tokens.isSymbol(")")) {
            if (tokens.atEnd()) {
                throw new IllegalArgumentException("a parenthesis is not closed");
            }
            depth += tokens.isSymbol("(") ? 1 : tokens.isSymbol(")") ? -1 : 0;
            tokens.advance();
        }
    }
}
