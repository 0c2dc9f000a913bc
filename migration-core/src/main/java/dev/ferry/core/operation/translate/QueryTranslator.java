package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.IdentifierCase;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.jooq.Configuration;
import org.jooq.Name;
import org.jooq.Parser;
import org.jooq.QueryPart;
import org.jooq.SQLDialect;
import org.jooq.Select;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.conf.ParseNameCase;
import org.jooq.conf.ParseUnknownFunctions;
import org.jooq.conf.RenderOptionalKeyword;
import org.jooq.conf.RenderQuotedNames;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

/**
 * Rewrites a view's query from the source engine's SQL into the target's with jOOQ's parser and renderer: the query is
 * parsed as the source reads it and written as the target reads it ({@code ||} becomes {@code CONCAT} for MariaDB,
 * {@code GROUP_CONCAT} becomes {@code string_agg} for PostgreSQL, and so on), every name as the target names it
 * ({@link NameMapper}), quoted. A query is translated only when each construct in it is one whose translation is known
 * to keep its meaning ({@link TranslationGuard}); any other is refused with the reason, never written with another.
 */
final class QueryTranslator {
    static {
        // jOOQ prints a banner and tips on first use, into the console of the application that loaded Ferry.
        if (System.getProperty("org.jooq.no-logo") == null) {
            System.setProperty("org.jooq.no-logo", "true");
        }
        if (System.getProperty("org.jooq.no-tips") == null) {
            System.setProperty("org.jooq.no-tips", "true");
        }
    }

    /** Engines whose column defaults are literals or the current moment, never other expressions. */
    private static final Set<String> LITERAL_DEFAULTS_ONLY = Set.of("hsqldb");

    /** Engines that let a grouped query select a column it neither groups by nor aggregates. */
    private static final Set<String> PERMISSIVE_GROUPING = Set.of("mariadb", "sqlite");

    private final Dialect source;
    private final Dialect target;
    private final NameMapper names;
    private final Set<String> schemas;
    private final Set<String> tables;
    private final Set<String> userRoutines;
    private final Map<String, String> spellings = new HashMap<>();
    private final SQLDialect from;
    private final SQLDialect to;

    /**
     * @param schemaNames  the source's schemas, which a qualified name may start with
     * @param tableNames   the source's tables and views, which a two-part name may start with instead
     * @param knownNames   the names of the source's tables, views, columns and sequences, as it stores them: where it
     *                     matches names in any case, an unquoted name in a query stands for the one known
     * @param userRoutines the names of the functions and aggregates the source's users wrote, which are not carried
     *                     even where the target has a built-in function of that name
     */
    QueryTranslator(Dialect source, Dialect target, NameMapper names, Set<String> schemaNames, Set<String> tableNames,
                    Set<String> knownNames, Set<String> userRoutines) {
        this.source = source;
        this.target = target;
        this.names = names;
        this.schemas = lowerCase(schemaNames);
        this.tables = lowerCase(tableNames);
        this.userRoutines = lowerCase(userRoutines);
        if (source.capabilities().identifierCase() == IdentifierCase.PRESERVED) {
            knownNames.forEach(name -> spellings.put(name.toLowerCase(Locale.ROOT), name));
        }
        this.from = jooqDialect(source);
        this.to = jooqDialect(target);
    }

    /** Whether both engines are ones jOOQ reads and writes. */
    private boolean translates() {
        return from != null && to != null;
    }

    /** The query {@code sql} written for the target. */
    String query(String sql) throws NotTranslatable {
        return translated(sql, Parser::parseSelect, Set.of()).sql();
    }

    /** The expression {@code sql} (a generated column's) written for the target. */
    String expression(String sql) throws NotTranslatable {
        return translated(sql, Parser::parseField, Set.of()).sql();
    }

    /**
     * The column default {@code sql} written for the target: a literal or the current moment as it is, any other
     * expression in parentheses, as engines that take expressions for defaults read them (HSQLDB takes none).
     */
    String columnDefault(String sql) throws NotTranslatable {
        Translated translated = translated(sql, Parser::parseField, Set.of());
        QueryPart parsed = translated.parsed();
        if (ExpressionRewrites.isMoment(parsed) || isOneLiteral(translated.sql())) {
            return translated.sql();
        }
        if (LITERAL_DEFAULTS_ONLY.contains(target.name())) {
            throw new NotTranslatable(target.name() + " takes only a literal or the current moment for a default");
        }
        return "(" + translated.sql() + ")";
    }

    /**
     * The CHECK condition {@code sql} written for the target.
     *
     * @param decimals the names of the table's exact decimal columns, which the target may compare otherwise
     *                 ({@link ExpressionRewrites})
     */
    String condition(String sql, Set<String> decimals) throws NotTranslatable {
        return translated(sql, Parser::parseCondition, lowerCase(decimals)).sql();
    }

    /**
     * Whether {@code sql}, as written for the target, is a literal alone (a number, possibly negative, a string or a
     * keyword such as TRUE), not a literal jOOQ writes as an expression for it (SQLite's {@code cast(4.99 as numeric)}).
     */
    private boolean isOneLiteral(String sql) {
        try {
            List<SqlToken> tokens = SqlLexer.tokens(sql, target.capabilities().mysqlSyntax());
            int first = tokens.size() == 2 && tokens.get(0).isSymbol("-") ? 1 : 0;
            return tokens.size() == first + 1 && tokens.get(first).kind() != SqlToken.Kind.SYMBOL
                    && tokens.get(first).kind() != SqlToken.Kind.QUOTED_IDENTIFIER;
        } catch (SQLException e) {
            return false;
        }
    }

    /** What the parser made of a text, and the text written for the target. */
    private record Translated(QueryPart parsed, String sql) {
    }

    private Translated translated(String sql, BiFunction<Parser, String, QueryPart> parse, Set<String> decimals)
            throws NotTranslatable {
        if (!translates()) {
            throw new NotTranslatable("Ferry has no SQL translation from " + source.name() + " to " + target.name());
        }
        TranslationGuard guard = new TranslationGuard(source, target, userRoutines);
        List<SqlToken> tokens;
        try {
            tokens = SqlLexer.tokens(sql, source.capabilities().mysqlSyntax());
            if (source.name().equals("postgresql")) {
                sql = AnyArrayLists.asInLists(sql, tokens);
                tokens = SqlLexer.tokens(sql, false);
            }
        } catch (SQLException e) {
            throw new NotTranslatable("its text cannot be read (" + e.getMessage() + ")");
        }
        guard.checkCalls(tokens);
        QueryPart parsed;
        try {
            parsed = parse.apply(DSL.using(from, settings()).parser(),
                    prepared(sql, tokens).strip().replaceAll(";+$", ""));
        } catch (RuntimeException e) {
            throw new NotTranslatable("Ferry's SQL parser cannot read it (" + firstLine(e.getMessage()) + ")");
        }
        String ungrouped = parsed instanceof Select<?> && PERMISSIVE_GROUPING.contains(source.name())
                && !PERMISSIVE_GROUPING.contains(target.name()) ? UngroupedColumns.first(parsed) : null;
        if (ungrouped != null) {
            throw new NotTranslatable("it selects " + ungrouped + " without grouping by it or aggregating it, which "
                    + source.name() + " allows and " + target.name() + " refuses");
        }
        Configuration configuration = new DefaultConfiguration().set(to).set(settings())
                .set(new ExpressionRewrites(source, target, decimals), new TargetNames(), guard);
        String rendered;
        try {
            rendered = DSL.using(configuration).renderInlined(parsed);
        } catch (RuntimeException e) {
            throw new NotTranslatable("it cannot be written in " + target.name() + "'s SQL (" + firstLine(e.getMessage())
                    + ")");
        }
        guard.verdict();
        return new Translated(parsed, rendered);
    }

    private static Settings settings() {
        return new Settings()
                .withParseNameCase(ParseNameCase.AS_IS)
                .withParseUnknownFunctions(ParseUnknownFunctions.IGNORE)
                .withRenderQuotedNames(RenderQuotedNames.EXPLICIT_DEFAULT_QUOTED)
                .withRenderOptionalAsKeywordForFieldAliases(RenderOptionalKeyword.ON)
                .withRenderGroupConcatMaxLenSessionVariable(false)
                .withRenderFormatted(false);
    }

    /**
     * Writes each name of the query as the target names the source's object, quoted: an unquoted name first read as
     * the source reads it (folded to its case), then mapped. jOOQ's own names (of functions and keywords) are left as
     * they are.
     */
    private final class TargetNames implements VisitListener {
        private final Set<Name> written = Collections.newSetFromMap(new IdentityHashMap<>());

        @Override
        public void visitStart(VisitContext context) {
            if (!(context.queryPart() instanceof Name name) || written.contains(name) || name.parts().length == 0) {
                return;
            }
            Name[] parts = name.parts();
            Name[] mapped = new Name[parts.length];
            for (int i = 0; i < parts.length; i++) {
                mapped[i] = parts[i].quoted() == Name.Quoted.SYSTEM ? parts[i]
                        : DSL.quotedName(names.name(asStored(parts[i])));
                written.add(mapped[i]);
            }
            Name replacement = mapped.length == 1 ? mapped[0] : DSL.name(mapped);
            written.add(replacement);
            context.queryPart(replacement);
        }

        /** A name as the source stores the object it names. */
        private String asStored(Name part) {
            if (part.quoted() == Name.Quoted.QUOTED) {
                return part.first();
            }
            String folded = folded(part.first());
            return spellings.getOrDefault(folded.toLowerCase(Locale.ROOT), folded);
        }
    }

    /**
     * {@code sql} (whose tokens are {@code tokens}) as jOOQ's parser reads it the same: without the schema before each name in a schema that becomes the
     * target's default one (the target finds the object there unqualified, under whatever name its default schema
     * has), and each string literal in standard SQL's quotes, without MariaDB's charset introducer (the parser reads
     * neither its backslash escapes nor its introducers).
     */
    private String prepared(String sql, List<SqlToken> tokens) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            if (token.kind() == SqlToken.Kind.STRING) {
                out.append(sql, copied, token.start()).append('\'').append(token.text().replace("'", "''")).append('\'');
                copied = token.start() + token.raw().length();
                continue;
            }
            if (isCharsetIntroducer(tokens, i)) {
                out.append(sql, copied, token.start());
                copied = tokens.get(i + 1).start();
                continue;
            }
            if (i + 2 >= tokens.size()) {
                continue;
            }
            boolean name = token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
            boolean afterDot = i > 0 && tokens.get(i - 1).isSymbol(".");
            if (!name || afterDot || !tokens.get(i + 1).isSymbol(".")) {
                continue;
            }
            String stored = token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER ? token.text() : folded(token.text());
            boolean threeParts = i + 4 < tokens.size() && tokens.get(i + 3).isSymbol(".");
            boolean schema = schemas.contains(stored.toLowerCase(Locale.ROOT))
                    && (threeParts || !tables.contains(stored.toLowerCase(Locale.ROOT)));
            if (schema && (names.isDefaultSchema(stored) || names.schema(stored) == null)) {
                out.append(sql, copied, token.start());
                copied = tokens.get(i + 2).start();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }

    /** Whether a MariaDB charset introducer ({@code _utf8mb4'x'}, as SHOW CREATE VIEW writes strings) starts at {@code i}. */
    private boolean isCharsetIntroducer(List<SqlToken> tokens, int i) {
        SqlToken token = tokens.get(i);
        return source.capabilities().mysqlSyntax() && token.kind() == SqlToken.Kind.WORD && token.text().startsWith("_")
                && i + 1 < tokens.size() && tokens.get(i + 1).kind() == SqlToken.Kind.STRING
                && tokens.get(i + 1).start() == token.start() + token.raw().length();
    }

    /** An unquoted word as the source reads it. */
    private String folded(String word) {
        return source.capabilities().identifierCase().folded(word);
    }

    /** jOOQ's dialect for an engine, or null where it has none in its open-source edition. */
    private static SQLDialect jooqDialect(Dialect dialect) {
        return switch (dialect.name()) {
            case "postgresql" -> SQLDialect.POSTGRES;
            case "mariadb" -> SQLDialect.MARIADB;
            case "h2", "h2-1.4" -> SQLDialect.H2;
            case "sqlite" -> SQLDialect.SQLITE;
            case "duckdb" -> SQLDialect.DUCKDB;
            case "hsqldb" -> SQLDialect.HSQLDB;
            default -> null;
        };
    }

    private static Set<String> lowerCase(Set<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.strip().lines().findFirst().orElse("");
    }
}
