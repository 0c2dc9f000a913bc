package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites an SQL expression or query of the source engine (a default, a CHECK, a view's query) for the target,
 * token by token, keeping its spacing: names of the exported schema are written as the target names them, quoted its
 * way; string literals are quoted its way; PostgreSQL's {@code ::type} casts are dropped and MariaDB's
 * {@code current_timestamp()} loses its parentheses. Functions and operators are kept as written: what has no
 * counterpart in the target fails there, naming the statement.
 */
final class SqlTextTranslator {
    /** Functions that read their argument as text: a decimal kept as text is handed to them as it is. */
    private static final List<String> TEXT_FUNCTIONS = List.of("LENGTH", "SUBSTR", "SUBSTRING", "LOWER", "UPPER",
            "TRIM", "LTRIM", "RTRIM", "INSTR", "REPLACE", "TYPEOF", "HEX", "QUOTE", "UNICODE");

    /** Words that continue a multi-word type name after {@code ::}. */
    private static final Set<String> TYPE_WORDS = Set.of("varying", "precision", "with", "without", "time", "zone");
    private static final Set<String> CURRENT_FUNCTIONS = Set.of("current_timestamp", "current_date", "current_time",
            "localtimestamp", "localtime", "now", "curdate", "curtime");

    private final Dialect source;
    private final Dialect target;
    private final NameMapper names;
    private final Map<String, String> known = new HashMap<>();
    private final Map<String, String> schemas = new HashMap<>();

    /**
     * @param knownNames    the names of the exported tables, views, columns and sequences
     * @param schemaNames   the source's schemas, which a qualified name may start with
     */
    SqlTextTranslator(Dialect source, Dialect target, NameMapper names, Set<String> knownNames,
                      Set<String> schemaNames) {
        this.source = source;
        this.target = target;
        this.names = names;
        knownNames.forEach(name -> known.put(key(name), name));
        schemaNames.forEach(name -> schemas.put(key(name), name));
    }

    /** {@code sql} written for the target. */
    String translate(String sql) throws SQLException {
        return translateCheck(sql, Set.of());
    }

    /**
     * A CHECK constraint written for the target, each of {@code decimals} (the names of the table's exact decimal
     * columns) read as the target compares such a column with a number ({@link Dialect#decimalOperand}); where the
     * source wrote {@code CAST(<such a column> AS NUMERIC)}, as the SQLite dialect has it, the column alone.
     */
    String translateCheck(String sql, Set<String> decimals) throws SQLException {
        Set<String> decimalKeys = new HashSet<>();
        decimals.forEach(name -> decimalKeys.add(key(name)));
        List<SqlToken> tokens = SqlLexer.tokens(sql, source.capabilities().mysqlSyntax());
        StringBuilder out = new StringBuilder();
        int end = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            String gap = sql.substring(end, token.start());
            end = token.start() + token.raw().length();
            if (token.isSymbol(":") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(":")) {
                int last = castEnd(tokens, i + 2);
                end = last < 0 ? end : tokens.get(last).start() + tokens.get(last).raw().length();
                i = Math.max(last, i + 1);
                continue;
            }
            if (isDecimalCast(tokens, i, decimalKeys)) {
                out.append(gap).append(target.decimalOperand(target.quoteIdentifier(names.name(
                        sourceName(tokens.get(i + 2))))));
                end = tokens.get(i + 5).start() + 1;
                i += 5;
                continue;
            }
            int close = isLiteralCast(tokens, i) ? closingParenthesis(tokens, i + 1) : -1;
            if (close > 0) {
                out.append(gap).append(literal(tokens.get(i + 2)));
                end = tokens.get(close).start() + 1;
                i = close;
                continue;
            }
            out.append(gap);
            SqlToken next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean qualifies = next != null && next.isSymbol(".");
            switch (token.kind()) {
                case STRING -> out.append(target.quoteLiteral(token.text()));
                case QUOTED_IDENTIFIER -> {
                    if (qualifies && isSchema(token.text(), true) && names.schema(token.text()) == null) {
                        end = next.start() + 1;
                        i++;
                    } else if (qualifies && isSchema(token.text(), true)) {
                        out.append(target.quoteIdentifier(names.schema(token.text())));
                    } else {
                        out.append(operand(token, tokens, i, decimalKeys));
                    }
                }
                case WORD -> {
                    boolean call = next != null && next.isSymbol("(");
                    if (call && CURRENT_FUNCTIONS.contains(token.text().toLowerCase(Locale.ROOT))
                            && i + 2 < tokens.size() && tokens.get(i + 2).isSymbol(")")) {
                        out.append(currentFunction(token.text()));
                        end = tokens.get(i + 2).start() + 1;
                        i += 2;
                    } else if (qualifies && isSchema(token.text(), false)) {
                        String schema = names.schema(schemas.get(key(folded(token.text()))));
                        if (schema == null) {
                            end = next.start() + 1;
                            i++;
                        } else {
                            out.append(target.quoteIdentifier(schema));
                        }
                    } else if (!call && known.containsKey(key(folded(token.text())))) {
                        out.append(operand(token, tokens, i, decimalKeys));
                    } else {
                        out.append(token.raw());
                    }
                }
                default -> out.append(token.raw());
            }
        }
        out.append(sql.substring(Math.min(end, sql.length())));
        return out.toString();
    }

    /**
     * A name of the exported schema as the target writes it; an unqualified decimal column as the target compares it,
     * except where its text is what is read ({@link #readsText}: {@code length(amount)}, {@code amount LIKE '%.00'}).
     */
    private String operand(SqlToken token, List<SqlToken> tokens, int i, Set<String> decimalKeys) {
        String name = target.quoteIdentifier(names.name(sourceName(token)));
        boolean qualified = i > 0 && tokens.get(i - 1).isSymbol(".")
                || i + 1 < tokens.size() && tokens.get(i + 1).isSymbol(".");
        return !qualified && decimalKeys.contains(key(sourceName(token))) && !readsText(tokens, i)
                ? target.decimalOperand(name) : name;
    }

    /**
     * Whether the token at {@code i} is read as text: an operand of LIKE, GLOB or {@code ||}, or the argument of a
     * function of text alone ({@code length(amount)}).
     */
    private static boolean readsText(List<SqlToken> tokens, int i) {
        SqlToken before = i > 0 ? tokens.get(i - 1) : null;
        SqlToken after = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        SqlToken afterNot = after != null && after.isWord("NOT") && i + 2 < tokens.size() ? tokens.get(i + 2) : after;
        if (isTextOperator(before) || isTextOperator(afterNot)) {
            return true;
        }
        return before != null && before.isSymbol("(") && i > 1
                && TEXT_FUNCTIONS.stream().anyMatch(tokens.get(i - 2)::isWord)
                && after != null && (after.isSymbol(")") || after.isSymbol(","));
    }

    private static boolean isTextOperator(SqlToken token) {
        return token != null && (token.isWord("LIKE") || token.isWord("GLOB") || token.isSymbol("||")
                || token.isSymbol("|"));
    }

    /** The name a word or quoted identifier stands for, as the source stores it. */
    private String sourceName(SqlToken token) {
        if (token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER) {
            return token.text();
        }
        return known.getOrDefault(key(folded(token.text())), folded(token.text()));
    }

    /** Whether {@code CAST(<one of the decimal columns> AS NUMERIC)} starts at {@code i}. */
    private boolean isDecimalCast(List<SqlToken> tokens, int i, Set<String> decimalKeys) {
        return !decimalKeys.isEmpty() && i + 5 < tokens.size() && tokens.get(i).isWord("CAST")
                && tokens.get(i + 1).isSymbol("(") && (tokens.get(i + 2).kind() == SqlToken.Kind.WORD
                || tokens.get(i + 2).kind() == SqlToken.Kind.QUOTED_IDENTIFIER)
                && decimalKeys.contains(key(sourceName(tokens.get(i + 2)))) && tokens.get(i + 3).isWord("AS")
                && tokens.get(i + 4).isWord("NUMERIC") && tokens.get(i + 5).isSymbol(")");
    }

    /**
     * Whether {@code CAST(<literal> AS ...)} starts at {@code i}: H2 writes such casts into the checks and defaults it
     * reports, in its own type names; the literal alone reads the same elsewhere.
     */
    private static boolean isLiteralCast(List<SqlToken> tokens, int i) {
        return i + 4 < tokens.size() && tokens.get(i).isWord("CAST") && tokens.get(i + 1).isSymbol("(")
                && (tokens.get(i + 2).kind() == SqlToken.Kind.NUMBER || tokens.get(i + 2).kind() == SqlToken.Kind.STRING)
                && tokens.get(i + 3).isWord("AS");
    }

    /** The index of the parenthesis that closes the one at {@code open}, or -1. */
    private static int closingParenthesis(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private String literal(SqlToken token) {
        return token.kind() == SqlToken.Kind.STRING ? target.quoteLiteral(token.text()) : token.raw();
    }

    /** The index of the last token of the type name that starts at {@code first} (after {@code ::}), or -1. */
    private static int castEnd(List<SqlToken> tokens, int first) {
        int i = first;
        if (i >= tokens.size()) {
            return -1;
        }
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol(".")) {
            i += 2;
        }
        while (i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlToken.Kind.WORD
                && TYPE_WORDS.contains(tokens.get(i + 1).text().toLowerCase(Locale.ROOT))) {
            i++;
        }
        if (i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
            int close = i + 1;
            while (close < tokens.size() && !tokens.get(close).isSymbol(")")) {
                close++;
            }
            i = Math.min(close, tokens.size() - 1);
        }
        while (i + 2 < tokens.size() && tokens.get(i + 1).isSymbol("[") && tokens.get(i + 2).isSymbol("]")) {
            i += 2;
        }
        return i;
    }

    private String currentFunction(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "current_date", "curdate" -> "CURRENT_DATE";
            case "current_time", "curtime" -> "CURRENT_TIME";
            case "localtime" -> "LOCALTIME";
            case "localtimestamp" -> "LOCALTIMESTAMP";
            default -> "CURRENT_TIMESTAMP";
        };
    }

    private boolean isSchema(String name, boolean quoted) {
        return schemas.containsKey(key(quoted ? name : folded(name)));
    }

    /** An unquoted word as the source stores it. */
    private String folded(String word) {
        return source.capabilities().identifierCase().folded(word);
    }

    /** Names compared as the source compares them: exactly, or in any case where it keeps case but ignores it. */
    private String key(String name) {
        return source.capabilities().identifierCase() == IdentifierCase.PRESERVED ? name.toLowerCase(Locale.ROOT) : name;
    }
}
