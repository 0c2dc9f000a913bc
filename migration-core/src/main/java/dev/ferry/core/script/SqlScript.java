package dev.ferry.core.script;

import dev.ferry.core.command.SqlLexer;
import dev.ferry.core.command.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at the semicolons that stand outside literals, identifiers and comments. */
public final class SqlScript {

    private SqlScript() {
    }

    /**
     * The script's statements, without their semicolons; empty statements and comment-only text are dropped.
     *
     * @param script the script's text
     * @return each statement with the line it starts on
     */
    public static List<Statement> split(String script) throws SQLException {
        List<Statement> statements = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(script);
        int start = -1;
        LineCounter lines = new LineCounter(script);
        while (true) {
            SqlToken token = lexer.next();
            boolean end = token.kind() == SqlToken.Kind.END;
            if (end || token.isSymbol(";")) {
                if (start >= 0) {
                    statements.add(new Statement(script.substring(start, token.start()).strip(), lines.lineAt(start)));
                    start = -1;
                }
                if (end) {
                    return statements;
                }
            } else if (start < 0) {
                start = token.start();
            }
        }
    }

    /** Line numbers of offsets that only grow. */
    private static final class LineCounter {
        private final String text;
        private int offset;
        private int line = 1;

        LineCounter(String text) {
            this.text = text;
        }

        int lineAt(int target) {
            for (; offset < target; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /**
     * One statement of a script.
     *
     * @param sql  the statement's text
     * @param line the line of the script it starts on
     */
    public record Statement(String sql, int line) {
    }
}
