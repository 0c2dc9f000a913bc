package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlScript;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a script DuckDB's EXPORT DATABASE wrote into its statements. DuckDB ends each statement with one or more
 * semicolons and a line break, and writes an ENUM type's labels between quotes without doubling the quotes inside
 * them ({@code CREATE TYPE mood AS ENUM ( 'sad', 'it's ok' );;;}, which DuckDB itself then cannot read). Such a line
 * is repaired before the script is split, labels taken as separated by {@code ', '}.
 */
final class DuckDbScript {
    private static final Pattern ENUM_TYPE =
            Pattern.compile("(?im)^(CREATE[ \\t]+TYPE[ \\t]+.+?[ \\t]+AS[ \\t]+ENUM[ \\t]*\\([ \\t]*)(.*?)"
                    + "([ \\t]*\\)[ \\t]*;+)[ \\t]*$");
    private static final String SEPARATOR = "', '";

    private DuckDbScript() {
    }

    /** The script's statements, without their semicolons, each with the line it starts on. */
    static List<SqlScript.Statement> statements(String script) throws SQLException {
        return SqlScript.split(repairEnumTypes(script));
    }

    /** The script with the labels of its ENUM types quoted as SQL quotes them, lines kept. */
    static String repairEnumTypes(String script) {
        Matcher type = ENUM_TYPE.matcher(script);
        StringBuilder repaired = new StringBuilder();
        while (type.find()) {
            String labels = type.group(2);
            String fixed = isStringList(labels) ? labels : quote(labels);
            type.appendReplacement(repaired, Matcher.quoteReplacement(type.group(1) + fixed + type.group(3)));
        }
        type.appendTail(repaired);
        return repaired.toString();
    }

    /** Labels written {@code 'a', 'it's'} as SQL string literals. */
    private static String quote(String labels) {
        if (labels.length() < 2 || !labels.startsWith("'") || !labels.endsWith("'")) {
            return labels;
        }
        List<String> quoted = new ArrayList<>();
        for (String label : labels.substring(1, labels.length() - 1).split(Pattern.quote(SEPARATOR), -1)) {
            quoted.add("'" + label.replace("'", "''") + "'");
        }
        return String.join(", ", quoted);
    }

    /** Whether the text is string literals separated by commas (as a DuckDB that quotes its labels writes them). */
    private static boolean isStringList(String text) {
        try {
            SqlLexer lexer = new SqlLexer(text);
            SqlToken token = lexer.next();
            if (token.kind() == SqlToken.Kind.END) {
                return true;
            }
            while (true) {
                if (token.kind() != SqlToken.Kind.STRING) {
                    return false;
                }
                token = lexer.next();
                if (token.kind() == SqlToken.Kind.END) {
                    return true;
                }
                if (!token.isSymbol(",")) {
                    return false;
                }
                token = lexer.next();
            }
        } catch (SQLException unterminated) {
            return false;
        }
    }
}
