package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.List;

/**
 * HSQLDB writes every column in a table's CHECK conditions and generation expressions with the table's schema and name
 * ({@code SALES.ORDERS.TOTAL>=0}). Without them the text is the one the user wrote, which HSQLDB qualifies again on
 * import, and which another engine (whose names differ) reads too.
 */
final class HsqldbExpressions {

    private HsqldbExpressions() {
    }

    /** {@code sql} with each {@code <schema>.<table>.} of {@code table} before a column removed. */
    static String unqualified(String sql, QualifiedName table) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(sql, false);
        StringBuilder text = new StringBuilder();
        int copied = 0;
        for (int i = 0; i + 4 < tokens.size(); i++) {
            if (names(tokens.get(i), table.schema()) && tokens.get(i + 1).isSymbol(".")
                    && names(tokens.get(i + 2), table.name()) && tokens.get(i + 3).isSymbol(".")
                    && (i == 0 || !tokens.get(i - 1).isSymbol("."))) {
                text.append(sql, copied, tokens.get(i).start());
                copied = tokens.get(i + 4).start();
                i += 3;
            }
        }
        return text.append(sql.substring(copied)).toString();
    }

    /** Whether {@code sql} is only {@code <column> IS NOT NULL}: HSQLDB's own form of a column's NOT NULL. */
    static boolean isNotNull(String sql) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(sql, false);
        int n = tokens.size();
        return n >= 4 && tokens.get(n - 3).isWord("IS") && tokens.get(n - 2).isWord("NOT") && tokens.get(n - 1).isWord("NULL")
                && isName(tokens, n - 3);
    }

    /** Whether the tokens before {@code end} are one name, qualified or not: {@code a}, {@code a.b}, {@code "a".b.c}. */
    private static boolean isName(List<SqlToken> tokens, int end) {
        for (int i = 0; i < end; i++) {
            boolean expected = i % 2 == 0 ? identifier(tokens.get(i)) : tokens.get(i).isSymbol(".");
            if (!expected) {
                return false;
            }
        }
        return end % 2 == 1;
    }

    private static boolean identifier(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
    }

    private static boolean names(SqlToken token, String name) {
        return identifier(token) && token.text().equals(name);
    }
}
