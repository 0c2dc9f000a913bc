package dev.ferry.core.command;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises Ferry's statements in SQL text:
 * <pre>
 * EXPORT DATABASE '&lt;dir&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * IMPORT DATABASE '&lt;dir&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * COPY &lt;table&gt; [ ( &lt;column&gt; [, ...] ) ] FROM '&lt;file&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * </pre>
 * An option is {@code name value}, {@code name = value} or a lone {@code name} (meaning true); a value is a
 * string literal, a double-quoted word, a number or a word. Paths may be {@code ?} parameters. Keywords are
 * matched in any case; comments and whitespace may stand anywhere.
 *
 * <p>Any other statement is not Ferry's: {@link #parse} returns empty, having looked no further than its first
 * words. That includes every COPY that is not exactly of the form above, such as PostgreSQL's
 * {@code COPY ... FROM STDIN} or {@code COPY t FROM '/server/file' WITH (FORMAT csv)}: the database judges those.
 */
public final class CommandParser {
    private final SqlLexer lexer;
    private SqlToken current;
    private int parameters;

    private CommandParser(String sql) {
        this.lexer = new SqlLexer(sql);
    }

    /**
     * Parses {@code sql} if it is one of Ferry's statements.
     *
     * @return the command, or empty when the statement is not Ferry's
     * @throws SQLException (SQLState 42601) when it is Ferry's but malformed
     */
    public static Optional<FerryCommand> parse(String sql) throws SQLException {
        if (sql == null) {
            return Optional.empty();
        }
        return new CommandParser(sql).statement();
    }

    private Optional<FerryCommand> statement() throws SQLException {
        if (!advanceIfReadable()) {
            return Optional.empty();
        }
        if (current.isWord("EXPORT") || current.isWord("IMPORT")) {
            boolean export = current.isWord("EXPORT");
            if (!advanceIfReadable() || !current.isWord("DATABASE")) {
                return Optional.empty();
            }
            advance();
            String name = export ? "EXPORT DATABASE" : "IMPORT DATABASE";
            Argument directory = stringArgument(name, "a quoted directory path");
            Map<String, String> options = optionalOptions(name);
            expectEnd(name);
            return Optional.of(export
                    ? new ExportDatabaseCommand(directory, options)
                    : new ImportDatabaseCommand(directory, options));
        }
        if (current.isWord("COPY")) {
            try {
                return copy();
            } catch (SQLException notFerrys) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Advances, answering false where the text cannot be read as SQL (it is then not Ferry's to judge). */
    private boolean advanceIfReadable() {
        try {
            advance();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private Optional<FerryCommand> copy() throws SQLException {
        advance();
        int tableStart = current.start();
        if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
            return Optional.empty();
        }
        int tableEnd = current.start() + current.raw().length();
        advance();
        while (current.isSymbol(".")) {
            advance();
            if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                return Optional.empty();
            }
            tableEnd = current.start() + current.raw().length();
            advance();
        }
        String table = lexer.sql().substring(tableStart, tableEnd);
        List<String> columns = new ArrayList<>();
        if (current.isSymbol("(")) {
            do {
                advance();
                if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                    return Optional.empty();
                }
                columns.add(current.raw());
                advance();
            } while (current.isSymbol(","));
            if (!current.isSymbol(")")) {
                return Optional.empty();
            }
            advance();
        }
        if (!current.isWord("FROM")) {
            return Optional.empty();
        }
        advance();
        if (current.kind() != SqlToken.Kind.STRING && current.kind() != SqlToken.Kind.PARAMETER) {
            return Optional.empty();
        }
        Argument file = stringArgument("COPY", "a quoted file path");
        Map<String, String> options = optionalOptions("COPY");
        expectEnd("COPY");
        return Optional.of(new CopyFromCommand(table, List.copyOf(columns), file, options));
    }

    private Argument stringArgument(String statement, String expected) throws SQLException {
        Argument argument;
        if (current.kind() == SqlToken.Kind.STRING) {
            argument = Argument.literal(current.text());
        } else if (current.kind() == SqlToken.Kind.PARAMETER) {
            argument = Argument.parameter(++parameters);
        } else {
            throw error(statement, "expected " + expected);
        }
        advance();
        return argument;
    }

    private Map<String, String> optionalOptions(String statement) throws SQLException {
        Map<String, String> options = new LinkedHashMap<>();
        if (!current.isSymbol("(")) {
            return Collections.unmodifiableMap(options);
        }
        advance();
        if (current.isSymbol(")")) {
            advance();
            return Collections.unmodifiableMap(options);
        }
        while (true) {
            if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                throw error(statement, "expected an option name");
            }
            String name = current.text().toUpperCase(Locale.ROOT);
            if (options.containsKey(name)) {
                throw error(statement, "option " + name + " is given twice");
            }
            advance();
            if (current.isSymbol("=")) {
                advance();
                options.put(name, optionValue(statement, name));
            } else if (current.isSymbol(",") || current.isSymbol(")")) {
                options.put(name, "true");
            } else {
                options.put(name, optionValue(statement, name));
            }
            if (current.isSymbol(")")) {
                advance();
                return Collections.unmodifiableMap(options);
            }
            if (!current.isSymbol(",")) {
                throw error(statement, "expected ',' or ')' after option " + name);
            }
            advance();
        }
    }

    private String optionValue(String statement, String name) throws SQLException {
        switch (current.kind()) {
            case STRING, QUOTED_IDENTIFIER, NUMBER, WORD -> {
                String value = current.text();
                advance();
                return value;
            }
            default -> throw error(statement, "expected a value for option " + name);
        }
    }

    private void expectEnd(String statement) throws SQLException {
        while (current.isSymbol(";")) {
            advance();
        }
        if (current.kind() != SqlToken.Kind.END) {
            throw error(statement, "unexpected text");
        }
    }

    private void advance() throws SQLException {
        current = lexer.next();
    }

    private SQLException error(String statement, String problem) {
        return FerryErrors.syntax("Syntax error in " + statement + " at position " + (current.start() + 1)
                + ": " + problem + ", found " + current.describe());
    }
}
