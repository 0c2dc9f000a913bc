package dev.ferry.core.operation.importing;

import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlScript;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A statement of a post-data script that builds an index or a key over loaded rows, which may run beside others of its
 * kind on another connection: {@code CREATE [UNIQUE] INDEX ... ON t}, {@code ALTER TABLE t ADD [CONSTRAINT c]
 * PRIMARY KEY | UNIQUE} (kind {@link Kind#INDEX}), or {@code ALTER TABLE t ADD [CONSTRAINT c] FOREIGN KEY ...
 * REFERENCES r} (kind {@link Kind#FOREIGN_KEY}, which needs the keys it refers to built first).
 *
 * @param statement the statement, with its line in the script
 * @param kind      what it builds
 * @param tables    the tables it locks, by their names' last part in lower case: two statements that share one do not
 *                  run at once (they would wait on each other's locks, and foreign keys both ways could deadlock)
 */
record KeyStatement(SqlScript.Statement statement, Kind kind, Set<String> tables) {

    /** What a statement builds. */
    enum Kind {
        /** An index, or a primary or unique key. */
        INDEX,
        /** A foreign key. */
        FOREIGN_KEY
    }

    /** The statement as one that builds an index or a key; empty for any other statement. */
    static Optional<KeyStatement> of(SqlScript.Statement statement, boolean mysql) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(statement.sql(), mysql);
        if (startsWith(tokens, 0, "CREATE", "INDEX") || startsWith(tokens, 0, "CREATE", "UNIQUE", "INDEX")) {
            int on = indexOfWord(tokens, "ON", 2);
            return on < 0 ? Optional.empty() : tableAfter(tokens, on + 1)
                    .map(table -> new KeyStatement(statement, Kind.INDEX, Set.of(table)));
        }
        if (!startsWith(tokens, 0, "ALTER", "TABLE")) {
            return Optional.empty();
        }
        int at = 2;
        Optional<String> table = tableAfter(tokens, at);
        int add = indexOfWord(tokens, "ADD", at);
        if (table.isEmpty() || add < 0 || hasCommaOutsideParentheses(tokens)) {
            return Optional.empty();
        }
        int what = startsWith(tokens, add + 1, "CONSTRAINT") ? add + 3 : add + 1;
        if (startsWith(tokens, what, "PRIMARY", "KEY") || startsWith(tokens, what, "UNIQUE")) {
            return Optional.of(new KeyStatement(statement, Kind.INDEX, Set.of(table.get())));
        }
        int references = indexOfWord(tokens, "REFERENCES", what);
        if (!startsWith(tokens, what, "FOREIGN", "KEY") || references < 0) {
            return Optional.empty();
        }
        Set<String> tables = new LinkedHashSet<>();
        tables.add(table.get());
        tableAfter(tokens, references + 1).ifPresent(tables::add);
        return Optional.of(new KeyStatement(statement, Kind.FOREIGN_KEY, Set.copyOf(tables)));
    }

    /** Whether the statement has a comma outside parentheses: an ALTER TABLE that does more than add one key. */
    private static boolean hasCommaOutsideParentheses(List<SqlToken> tokens) {
        int depth = 0;
        for (SqlToken token : tokens) {
            if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            } else if (token.isSymbol(",") && depth == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The table named at {@code at} ({@code a}, {@code s.a}, quoted or not, after {@code IF EXISTS} or {@code ONLY}):
     * its last part in lower case.
     */
    private static Optional<String> tableAfter(List<SqlToken> tokens, int at) {
        if (startsWith(tokens, at, "IF", "EXISTS")) {
            at += 2;
        }
        if (startsWith(tokens, at, "ONLY")) {
            at++;
        }
        String last = null;
        while (at < tokens.size() && isName(tokens.get(at))) {
            last = tokens.get(at).text().toLowerCase(Locale.ROOT);
            if (at + 1 < tokens.size() && tokens.get(at + 1).isSymbol(".")) {
                at += 2;
            } else {
                break;
            }
        }
        return Optional.ofNullable(last);
    }

    private static boolean isName(SqlToken token) {
        return token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
    }

    private static int indexOfWord(List<SqlToken> tokens, String word, int from) {
        for (int i = from; i < tokens.size(); i++) {
            if (tokens.get(i).isWord(word)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(List<SqlToken> tokens, int at, String... words) {
        if (at + words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(at + i).isWord(words[i])) {
                return false;
            }
        }
        return true;
    }
}
