package dev.ferry.core.sql;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a script into statements at the semicolons that stand outside literals, identifiers and comments.
 *
 * <p>A statement whose own text holds such semicolons (a MariaDB procedure or trigger with a {@code BEGIN ... END}
 * body) is written between {@code DELIMITER} lines, as mysqldump and the mysql client do:
 * <pre>
 * DELIMITER ;;
 * CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END
 * ;;
 * DELIMITER ;
 * </pre>
 * A line {@code DELIMITER <text>} where a statement would start makes {@code <text>} end statements instead of
 * {@code ;} until the next such line. {@link #terminated} writes it only where a statement needs it, so scripts
 * without such statements (H2's, PostgreSQL's, whose function bodies are dollar-quoted) never hold one.
 */
public final class SqlScript {
    private static final String SEMICOLON = ";";
    /** Delimiters tried, in order, for a statement that holds semicolons; the first that keeps it whole is taken. */
    private static final List<String> DELIMITERS = List.of(";;", "//", "$$", "@@", ";;;;", "/*ferry*/");

    private SqlScript() {
    }

    /**
     * The script's statements, without their semicolons; empty statements and comment-only text are dropped.
     *
     * @param script the script's text, in standard SQL's lexical rules
     * @return each statement with the line it starts on
     */
    public static List<Statement> split(String script) throws SQLException {
        return split(script, false);
    }

    /**
     * The script's statements, without their delimiters; empty statements and comment-only text are dropped.
     *
     * @param script the script's text
     * @param mysql  whether it follows MySQL's lexical rules (MariaDB: backslash escapes in strings, {@code #} comments)
     * @return each statement with the line it starts on
     */
    public static List<Statement> split(String script, boolean mysql) throws SQLException {
        List<Statement> statements = new ArrayList<>();
        SqlLexer lexer = new SqlLexer(script, mysql);
        String delimiter = SEMICOLON;
        int start = -1;
        LineCounter lines = new LineCounter(script);
        while (true) {
            int delimiterAt = lexer.skip(delimiter);
            SqlToken token = delimiterAt >= 0 ? null : lexer.next();
            boolean end = token != null && token.kind() == SqlToken.Kind.END;
            if (delimiterAt >= 0 || end) {
                if (start >= 0) {
                    int stop = end ? token.start() : delimiterAt;
                    statements.add(new Statement(script.substring(start, stop).strip(), lines.lineAt(start)));
                    start = -1;
                }
                if (end) {
                    return statements;
                }
            } else if (start < 0 && token.isWord("DELIMITER")) {
                String rest = lexer.restOfLine().strip();
                String[] words = rest.split("\\s+", 2);
                if (words[0].isEmpty() || words.length > 1) {
                    throw FerryErrors.syntax("Line " + lines.lineAt(token.start()) + ": DELIMITER takes one word, the"
                            + " text that ends statements from there on; found '" + rest + "'");
                }
                delimiter = words[0];
            } else if (start < 0) {
                start = token.start();
            }
        }
    }

    /**
     * The statement followed by what ends it in a script, such that {@link #split} gives it back whole: a semicolon,
     * or, where its text holds semicolons of its own, a {@code DELIMITER} block (see the class comment).
     *
     * @param statement one statement, without a terminator
     * @param mysql     whether the script follows MySQL's lexical rules
     * @return the statement's text for the script, ending in a line break
     * @throws IllegalArgumentException where no delimiter keeps it whole
     */
    public static String terminated(String statement, boolean mysql) {
        String sql = statement.strip();
        String plain = sql + SEMICOLON + "\n";
        if (readsBackWhole(plain, sql, mysql)) {
            return plain;
        }
        for (String delimiter : DELIMITERS) {
            String block = "DELIMITER " + delimiter + "\n" + sql + "\n" + delimiter + "\nDELIMITER " + SEMICOLON + "\n";
            if (readsBackWhole(block, sql, mysql)) {
                return block;
            }
        }
        throw new IllegalArgumentException("No statement delimiter keeps this statement whole in a script: " + sql);
    }

    /** Whether {@code text}, followed by another statement, splits into {@code statement} and that one. */
    private static boolean readsBackWhole(String text, String statement, boolean mysql) {
        try {
            List<Statement> back = split(text + "SELECT 1" + SEMICOLON + "\n", mysql);
            return back.size() == 2 && back.get(0).sql().equals(statement) && back.get(1).sql().equals("SELECT 1");
        } catch (SQLException unreadable) {
            return false;
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
