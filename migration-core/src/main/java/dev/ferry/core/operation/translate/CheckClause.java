package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.List;

/**
 * A CHECK clause as an engine's catalog gives it, {@code [CONSTRAINT name] CHECK (condition)}, taken apart so that
 * its condition can be written for another engine.
 *
 * @param name      the constraint's name as the source stores it, or null where the clause names none
 * @param condition the condition, without the parentheses around it
 */
record CheckClause(String name, String condition) {

    /** {@code clause} taken apart; a clause without the CHECK keyword is a condition alone. */
    static CheckClause of(String clause, Dialect source) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(clause, source.capabilities().mysqlSyntax());
        int i = 0;
        String name = null;
        if (tokens.size() > 2 && tokens.get(0).isWord("CONSTRAINT")) {
            SqlToken given = tokens.get(1);
            name = given.kind() == SqlToken.Kind.QUOTED_IDENTIFIER ? given.text()
                    : source.capabilities().identifierCase().folded(given.text());
            i = 2;
        }
        if (i >= tokens.size() || !tokens.get(i).isWord("CHECK")) {
            return new CheckClause(name, clause.substring(i == 0 ? 0 : tokens.get(i).start()).strip());
        }
        String condition = clause.substring(tokens.get(i).start() + tokens.get(i).raw().length()).strip();
        return new CheckClause(name, condition);
    }
}
