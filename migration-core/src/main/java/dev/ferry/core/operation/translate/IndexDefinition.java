package dev.ferry.core.operation.translate;

import dev.ferry.core.model.schema.Index;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the columns of an engine's own CREATE INDEX statement, where they are all it says. */
final class IndexDefinition {
    private IndexDefinition() {
    }

    /**
     * The columns of {@code CREATE [UNIQUE] INDEX name ON [ONLY] table [USING btree] (a, b DESC, ...)}; empty where the
     * statement says more (expressions, operator classes, another access method, WHERE, INCLUDE).
     */
    static List<Index.IndexColumn> plainColumns(String definition, boolean mysql) throws SQLException {
        SqlLexer lexer = new SqlLexer(definition, mysql);
        SqlToken token = lexer.next();
        while (token.kind() != SqlToken.Kind.END && !token.isSymbol("(")) {
            if (token.isWord("USING") && !lexer.next().isWord("btree")) {
                return List.of();
            }
            token = lexer.next();
        }
        List<Index.IndexColumn> columns = new ArrayList<>();
        while (token.isSymbol("(") || token.isSymbol(",")) {
            SqlToken name = lexer.next();
            if (name.kind() != SqlToken.Kind.WORD && name.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                return List.of();
            }
            boolean descending = false;
            token = lexer.next();
            if (token.isWord("ASC") || token.isWord("DESC")) {
                descending = token.isWord("DESC");
                token = lexer.next();
            }
            if (token.isWord("NULLS")) {
                lexer.next();
                token = lexer.next();
            }
            columns.add(new Index.IndexColumn(name.text(), descending));
        }
        return token.isSymbol(")") && lexer.next().kind() == SqlToken.Kind.END ? columns : List.of();
    }
}
