package dev.ferry.core.operation.command;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
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
 * VERIFY DATABASE '&lt;dir&gt;' [ ( ALLOW_EDITED_SCRIPTS ) ] [;]
 * COPY &lt;table&gt; [ ( &lt;column&gt; [, ...] ) ] FROM '&lt;file&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * COPY &lt;table&gt; [ ( &lt;column&gt; [, ...] ) ] TO '&lt;file&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * COPY ( &lt;query&gt; ) TO '&lt;file&gt;' [ ( &lt;option&gt; [, ...] ) ] [;]
 * </pre>
 * An option is {@code name value}, {@code name = value} or a lone {@code name} (meaning true); a value is a
 * string literal, a double-quoted word, a number or a word. Paths may be {@code ?} parameters. Keywords are
 * matched in any case; comments and whitespace may stand anywhere.
 *
 * <p>Any other statement is not Ferry's: {@link #parse} returns empty, having looked no further than its first
 * words. That includes every COPY that is not exactly of the forms above, such as PostgreSQL's
 * {@code COPY ... FROM STDIN}, {@code COPY ... TO STDOUT}, {@code COPY t TO PROGRAM '...'} or
 * {@code COPY t FROM '/server/file' WITH (FORMAT csv)}: the database judges those. A COPY of the forms above whose
 * option list is malformed is a syntax error; the query of {@code COPY (<query>)} is the database's to judge and is
 * only read as far as its closing parenthesis.
 */
public final class CommandParser {
    private final SqlLexer lexer;
    private final boolean copies;
    private SqlToken current;
    private int parameters;

    private CommandParser(String sql, boolean copies) {
        this.lexer = new SqlLexer(sql);
        this.copies = copies;
    }

    /**
     * Parses {@code sql} if it is one of Ferry's statements.
     *
     * @return the command, or empty when the statement is not Ferry's
     * @throws SQLException (SQLState 42601) when it is Ferry's but malformed
     */
    public static Optional<FerryCommand> parse(String sql) throws SQLException {
        return parse(sql, true);
    }

    /**
     * Parses {@code sql} if it is one of Ferry's statements, COPY included only when {@code copies} is true.
     *
     * @param copies whether COPY statements are Ferry's; when false, every COPY is left to the database unread
     * @return the command, or empty when the statement is not Ferry's
     * @throws SQLException (SQLState 42601) when it is Ferry's but malformed
     */
    public static Optional<FerryCommand> parse(String sql, boolean copies) throws SQLException {
        if (sql == null) {
            return Optional.empty();
        }
        return new CommandParser(sql, copies).statement();
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
        if (current.isWord("VERIFY")) {
            return verify();
        }
        if (current.isWord("COPY")) {
            return copies ? copy() : Optional.empty();
        }
        return Optional.empty();
    }

    /** {@code VERIFY DATABASE '<dir>' [(<options>)]}; empty where the second word is not DATABASE. */
    private Optional<FerryCommand> verify() throws SQLException {
        if (!advanceIfReadable() || !current.isWord("DATABASE")) {
            return Optional.empty();
        }
        advance();
        Argument directory = stringArgument("VERIFY DATABASE", "a quoted directory path");
        Map<String, String> options = optionalOptions("VERIFY DATABASE");
        expectEnd("VERIFY DATABASE");
        return Optional.of(new VerifyDatabaseCommand(directory, options));
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

    /**
     * A COPY is Ferry's when it reads {@code COPY <table> [(<columns>)] FROM|TO <file>} or
     * {@code COPY (<query>) TO <file>}, the file a string literal or {@code ?}, followed by the end of the statement or
     * by an option list in parentheses. From there on it is Ferry's to judge: a malformed option list is a syntax
     * error. Anything else (STDIN, STDOUT, PROGRAM, PostgreSQL's {@code WITH (...)} or its options without
     * parentheses) goes to the database.
     */
    private Optional<FerryCommand> copy() throws SQLException {
        CopyHead head;
        try {
            head = copyHead();
        } catch (SQLException notFerrys) {
            return Optional.empty();
        }
        if (head == null) {
            return Optional.empty();
        }
        if (head.parameterInQuery() != null) {
            throw error("COPY", "a query copied by Ferry cannot take ? parameters", head.parameterInQuery());
        }
        if (head.query() != null && head.query().isBlank()) {
            throw error("COPY", "expected a query between the parentheses", head.queryEnd());
        }
        Map<String, String> options = optionalOptions("COPY");
        expectEnd("COPY");
        if (head.to()) {
            return Optional.of(head.query() != null
                    ? CopyToCommand.ofQuery(head.query(), head.file(), options)
                    : CopyToCommand.ofTable(head.table(), head.columns(), head.file(), options));
        }
        return Optional.of(new CopyFromCommand(head.table(), head.columns(), head.file(), options));
    }

    /**
     * What comes before a COPY's options, or null when the statement is not one of Ferry's COPY forms.
     *
     * @param table             the table as written, or null for a query
     * @param columns           the columns as written
     * @param query             the query's text, or null for a table
     * @param queryEnd          the query's closing parenthesis
     * @param parameterInQuery  the first {@code ?} inside the query, or null
     * @param to                whether rows go to the file (COPY TO) rather than come from it
     * @param file              the file
     */
    private record CopyHead(String table, List<String> columns, String query, SqlToken queryEnd,
                            SqlToken parameterInQuery, boolean to, Argument file) {
    }

    private CopyHead copyHead() throws SQLException {
        advance();
        String table = null;
        String query = null;
        SqlToken queryEnd = null;
        SqlToken parameterInQuery = null;
        List<String> columns = new ArrayList<>();
        if (current.isSymbol("(")) {
            int queryStart = current.start() + 1;
            int depth = 1;
            while (depth > 0) {
                advance();
                if (current.kind() == SqlToken.Kind.END) {
                    return null;
                }
                if (current.kind() == SqlToken.Kind.PARAMETER && parameterInQuery == null) {
                    parameterInQuery = current;
                }
                depth += current.isSymbol("(") ? 1 : current.isSymbol(")") ? -1 : 0;
            }
            queryEnd = current;
            query = lexer.sql().substring(queryStart, current.start()).strip();
            advance();
        } else {
            table = tableName();
            if (table == null || !columnList(columns)) {
                return null;
            }
        }
        boolean to = current.isWord("TO");
        if (!to && (!current.isWord("FROM") || query != null)) {
            return null;
        }
        advance();
        if (current.kind() != SqlToken.Kind.STRING && current.kind() != SqlToken.Kind.PARAMETER) {
            return null;
        }
        Argument file = stringArgument("COPY", "a quoted file path");
        if (!current.isSymbol("(") && !current.isSymbol(";") && current.kind() != SqlToken.Kind.END) {
            return null;
        }
        return new CopyHead(table, List.copyOf(columns), query, queryEnd, parameterInQuery, to, file);
    }

    /** A possibly qualified table name, exactly as written; null where there is none. */
    private String tableName() throws SQLException {
        int tableStart = current.start();
        if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
            return null;
        }
        int tableEnd = current.start() + current.raw().length();
        advance();
        while (current.isSymbol(".")) {
            advance();
            if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                return null;
            }
            tableEnd = current.start() + current.raw().length();
            advance();
        }
        return lexer.sql().substring(tableStart, tableEnd);
    }

    /** An optional list of column names, added to {@code columns} as written; false where it is malformed. */
    private boolean columnList(List<String> columns) throws SQLException {
        if (!current.isSymbol("(")) {
            return true;
        }
        do {
            advance();
            if (current.kind() != SqlToken.Kind.WORD && current.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
                return false;
            }
            columns.add(current.raw());
            advance();
        } while (current.isSymbol(","));
        if (!current.isSymbol(")")) {
            return false;
        }
        advance();
        return true;
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
        return error(statement, problem, current);
    }

    private static SQLException error(String statement, String problem, SqlToken found) {
        return FerryErrors.syntax("Syntax error in " + statement + " at position " + (found.start() + 1)
                + ": " + problem + ", found " + found.describe());
    }
}
