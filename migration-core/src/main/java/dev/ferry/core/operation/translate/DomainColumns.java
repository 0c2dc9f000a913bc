package dev.ferry.core.operation.translate;

import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's domains ({@code CREATE DOMAIN public.year AS integer CONSTRAINT year_check CHECK (VALUE >= 1901 ...)},
 * Sakila's) resolved for an engine that has none: a column of a domain is a column of its base type, NOT NULL where
 * the domain is, with the domain's default where it has none of its own, and each of the domain's CHECKs a CHECK of
 * its table with {@code VALUE} read as the column. A domain over a domain is resolved down to its base type.
 */
final class DomainColumns {
    private static final int DEEPEST = 8;

    /** A domain: its base type (as PostgreSQL's format_type writes it), default, NOT NULL and CHECK conditions. */
    record Domain(String name, String baseType, String defaultExpression, boolean notNull, List<String> checks) {
    }

    private final Map<String, Domain> domains = new LinkedHashMap<>();

    /** @param types the source's CREATE statements of its types, of which the CREATE DOMAIN ones are read */
    DomainColumns(List<String> types) throws SQLException {
        for (String statement : types) {
            Domain domain = parse(statement);
            if (domain != null) {
                int dot = domain.name().indexOf('.');
                domains.put(domain.name(), domain);
                domains.putIfAbsent(domain.name().substring(dot + 1), domain);
            }
        }
    }

    /** The domain {@code statement} creates, or null where it creates something else. */
    Domain domainOf(String statement) throws SQLException {
        return parse(statement);
    }

    /** {@code table} with each column of a domain written as a column of the domain's base type, and its checks. */
    Table resolve(Table table) {
        if (domains.isEmpty()) {
            return table;
        }
        List<Column> columns = new ArrayList<>();
        List<CheckConstraint> checks = new ArrayList<>(table.checks());
        boolean changed = false;
        for (Column column : table.columns()) {
            Domain domain = domains.get(unquoted(column.declaredType()));
            if (domain == null || column.isGenerated()) {
                columns.add(column);
                continue;
            }
            changed = true;
            String baseType = domain.baseType();
            boolean notNull = domain.notNull();
            String defaultExpression = column.defaultExpression();
            List<String> conditions = new ArrayList<>(domain.checks());
            for (int depth = 0; depth < DEEPEST && domains.containsKey(unquoted(baseType)); depth++) {
                Domain under = domains.get(unquoted(baseType));
                baseType = under.baseType();
                notNull |= under.notNull();
                defaultExpression = defaultExpression == null ? under.defaultExpression() : defaultExpression;
                conditions.addAll(under.checks());
            }
            defaultExpression = defaultExpression == null ? domain.defaultExpression() : defaultExpression;
            columns.add(new Column(column.name(), baseType.replaceAll("\\(.*", ""), column.jdbcType(), column.size(),
                    column.scale(), column.nullable() && !notNull, defaultExpression, column.identity(), baseType,
                    column.check(), null));
            for (String condition : conditions) {
                checks.add(new CheckConstraint(null, "CHECK (" + ofColumn(condition, column.name()) + ")"));
            }
        }
        return changed ? new Table(table.name(), columns, table.primaryKey(), table.uniqueKeys(), checks,
                table.definition(), table.inheritance()) : table;
    }

    /** A domain's condition with each {@code VALUE} the column {@code name}, quoted as PostgreSQL quotes. */
    private static String ofColumn(String condition, String name) {
        try {
            StringBuilder out = new StringBuilder();
            int copied = 0;
            for (SqlToken token : SqlLexer.tokens(condition, false)) {
                if (token.isWord("VALUE")) {
                    out.append(condition, copied, token.start()).append('"').append(name.replace("\"", "\"\""))
                            .append('"');
                    copied = token.start() + token.raw().length();
                }
            }
            return out.append(condition.substring(copied)).toString();
        } catch (SQLException e) {
            return condition;
        }
    }

    /**
     * The domain of {@code CREATE DOMAIN name AS type [COLLATE c] [DEFAULT expr] [NOT NULL] [CONSTRAINT n CHECK (...)]...},
     * as PostgreSQL's catalog gives it to Ferry; null for any other statement.
     */
    private static Domain parse(String statement) throws SQLException {
        List<SqlToken> tokens = SqlLexer.tokens(statement, false);
        CreatedName name = CreatedName.of(tokens, "DOMAIN");
        int i = name == null ? 0 : name.next();
        if (name == null || i + 1 >= tokens.size() || !tokens.get(i).isWord("AS")) {
            return null;
        }
        int typeStart = ++i;
        i = clauseEnd(tokens, i);
        String baseType = text(statement, tokens, typeStart, i);
        String defaultExpression = null;
        boolean notNull = false;
        List<String> checks = new ArrayList<>();
        while (i < tokens.size()) {
            SqlToken token = tokens.get(i);
            if (token.isWord("COLLATE")) {
                i = clauseEnd(tokens, i + 1);
            } else if (token.isWord("DEFAULT")) {
                int end = clauseEnd(tokens, i + 1);
                defaultExpression = text(statement, tokens, i + 1, end);
                i = end;
            } else if (token.isWord("NOT") && i + 1 < tokens.size() && tokens.get(i + 1).isWord("NULL")) {
                notNull = true;
                i += 2;
            } else if (token.isWord("CONSTRAINT")) {
                i += 2;
            } else if (token.isWord("CHECK") && i + 1 < tokens.size() && tokens.get(i + 1).isSymbol("(")) {
                int close = closing(tokens, i + 1);
                checks.add(text(statement, tokens, i + 2, close));
                i = close + 1;
            } else {
                i++;
            }
        }
        return new Domain(name.name(), baseType, defaultExpression, notNull, List.copyOf(checks));
    }

    /** The index of the first token from {@code i} that starts another clause, outside parentheses. */
    private static int clauseEnd(List<SqlToken> tokens, int i) {
        int depth = 0;
        for (; i < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            boolean clause = token.isWord("COLLATE") || token.isWord("DEFAULT") || token.isWord("CONSTRAINT")
                    || token.isWord("CHECK") || token.isWord("NOT") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord("NULL");
            if (depth == 0 && clause) {
                return i;
            }
        }
        return i;
    }

    private static int closing(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return i;
            }
        }
        return tokens.size() - 1;
    }

    /** The statement's text from token {@code from} up to token {@code to} (excluded). */
    private static String text(String statement, List<SqlToken> tokens, int from, int to) {
        if (from >= to) {
            return "";
        }
        int end = to < tokens.size() ? tokens.get(to).start() : statement.length();
        return statement.substring(tokens.get(from).start(), end).strip();
    }

    /** A type name as PostgreSQL's format_type writes it, without the quotes around its parts. */
    private static String unquoted(String type) {
        return type == null ? "" : type.replace("\"", "");
    }
}
