package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.sql.SqlToken;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.QOM;

/**
 * Lets a query be translated only where every construct jOOQ renders for the target is one whose translation keeps its
 * meaning between Ferry's engines: columns, joins, grouping, ordering, comparisons, arithmetic, CASE, casts and the
 * common functions of text and numbers. Anything else (a function jOOQ does not know, which would be written as it
 * stands; interval arithmetic; regular expressions; ...) refuses the query, naming what it met. Some translations are
 * refused although jOOQ writes them: a division between engines of which one divides integers exactly and the other
 * truncates, a cast of PostgreSQL's special date strings ({@code 'now'}), and a call of a function that the source's
 * users wrote under a name the target gives a built-in function (Sakila's {@code group_concat}), and MariaDB's
 * {@code GROUP_CONCAT(DISTINCT ... ORDER BY ...)}, whose order the other engines refuse unless it is by the values.
 */
final class TranslationGuard implements VisitListener {
    /** What jOOQ renders a translated query of, as its classes are named, that is known to keep its meaning. */
    private static final Set<String> KEPT = Set.of(
            // the query itself
            "SelectQueryImpl", "SelectFieldList", "SchemaImpl", "TableList", "TableImpl", "TableAlias", "Alias",
            "FieldAlias", "TableFieldImpl", "Join", "JoinTable", "InnerJoin", "LeftJoin", "RightJoin", "FullJoin", "CrossJoin",
            "ConditionProviderImpl", "GroupFieldList", "SortFieldList", "SortFieldImpl", "QueryPartList",
            "QueryPartListView", "QueryPartCollectionView", "KeywordImpl", "Val", "Inline", "SQLImpl", "ScalarSubquery",
            "Union", "UnionAll", "Exists", "NotExists", "InCondition", "NotInCondition", "FieldCondition", "Asterisk",
            "QualifiedAsterisk", "QualifiedAsteriskImpl", "DerivedTable", "Distinct", "Limit",
            // conditions
            "Eq", "Ne", "Lt", "Le", "Gt", "Ge", "And", "Or", "Not", "IsNull", "IsNotNull", "InList", "NotInList",
            "BetweenCondition", "Like", "NotLike", "IsDistinctFrom", "IsNotDistinctFrom", "TrueCondition",
            "FalseCondition", "NoCondition",
            // values
            "Add", "Sub", "Mul", "Mod", "Neg", "Concat", "Expression", "CaseSearched", "CaseSimple", "Iif", "Cast",
            "CastNative", "Coalesce", "Nullif", "Lower", "Upper", "Trim", "Ltrim", "Rtrim", "Substring", "CharLength",
            "OctetLength", "Abs", "Round", "Ceil", "Floor", "Replace", "Function", "Function1",
            "CurrentDate", "CurrentTime", "CurrentTimestamp",
            // aggregates
            "Count", "CountTable", "Sum", "Max", "Min", "Avg", "GroupConcat", "ListAgg", "StringAgg");

    /** Engines that read a cast to a decimal without a precision as keeping every digit; others fix a scale. */
    private static final Set<String> UNCONSTRAINED_DECIMALS = Set.of("postgresql", "sqlite");

    /** Engines whose {@code /} between two integers truncates; the others divide exactly. */
    private static final Set<String> TRUNCATING_DIVISION = Set.of("postgresql", "h2", "h2-1.4", "hsqldb", "sqlite");

    private final Dialect source;
    private final Dialect target;
    private final Set<String> userRoutines;
    private final Deque<QueryPart> within = new ArrayDeque<>();
    private String refusal;

    /** @param userRoutines the source's users' functions and aggregates, in lower case */
    TranslationGuard(Dialect source, Dialect target, Set<String> userRoutines) {
        this.source = source;
        this.target = target;
        this.userRoutines = userRoutines;
    }

    /**
     * Refuses a query (its tokens) that calls one of the source's users' functions, before jOOQ reads it as a built-in one, or that
     * orders the distinct values GROUP_CONCAT joins where the target cannot.
     */
    void checkCalls(List<SqlToken> tokens) throws NotTranslatable {
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlToken token = tokens.get(i);
            boolean name = token.kind() == SqlToken.Kind.WORD || token.kind() == SqlToken.Kind.QUOTED_IDENTIFIER;
            if (name && tokens.get(i + 1).isSymbol("(") && userRoutines.contains(token.text().toLowerCase(Locale.ROOT))) {
                throw new NotTranslatable("it calls " + token.text() + ", a function written in " + source.name()
                        + "'s own SQL, which is not carried");
            }
            if (token.isWord("GROUP_CONCAT") && !target.capabilities().mysqlSyntax() && tokens.get(i + 1).isSymbol("(")
                    && i + 2 < tokens.size() && tokens.get(i + 2).isWord("DISTINCT") && ordersWithin(tokens, i + 1)) {
                throw new NotTranslatable("its GROUP_CONCAT(DISTINCT ... ORDER BY ...) joins distinct values in an order,"
                        + " which " + target.name() + "'s aggregates of distinct values allow only by the values"
                        + " themselves");
            }
        }
    }

    /** Whether the call whose parenthesis opens at {@code open} has an ORDER BY of its own. */
    private static boolean ordersWithin(List<SqlToken> tokens, int open) {
        int depth = 0;
        for (int i = open; i + 1 < tokens.size(); i++) {
            depth += tokens.get(i).isSymbol("(") ? 1 : tokens.get(i).isSymbol(")") ? -1 : 0;
            if (depth == 0) {
                return false;
            }
            if (depth == 1 && tokens.get(i).isWord("ORDER") && tokens.get(i + 1).isWord("BY")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void visitStart(VisitContext context) {
        QueryPart part = context.queryPart();
        within.push(part);
        if (refusal != null || part instanceof Name) {
            return;
        }
        String kind = part.getClass().getSimpleName();
        if (kind.equals("Div")) {
            if (!dividesAlike(source, target)) {
                refuse("it divides, and " + source.name() + " truncates the quotient of two integers where "
                        + target.name() + " does not, or the other way round");
            }
        } else if (!KEPT.contains(kind)) {
            refuse("it uses " + describe(part) + ", which Ferry does not translate between engines");
        } else if (part instanceof QOM.Function<?> function
                && function.getUnqualifiedName().quoted() != Name.Quoted.SYSTEM) {
            refuse("it calls " + function.getName() + ", which is not a function Ferry knows " + target.name()
                    + " to have with the same meaning");
        } else if (part instanceof Param<?> param) {
            check(param);
        } else if (part instanceof QOM.Cast<?> cast && ExpressionRewrites.isUnconstrainedDecimal(cast.getDataType())
                && !UNCONSTRAINED_DECIMALS.contains(target.name())) {
            refuse("it casts to a decimal without a precision (" + shortened(part.toString()) + "), which "
                    + target.name() + " reads with a fixed scale, rounding what PostgreSQL or SQLite keeps");
        }
    }

    @Override
    public void visitEnd(VisitContext context) {
        within.pop();
    }

    private void check(Param<?> param) {
        if (param.getDataType().isInterval()) {
            refuse("it computes with an interval (" + param.getValue() + "), which the engines add differently");
        } else if (param.getValue() instanceof String text && source.name().equals("postgresql")
                && SpecialMoments.isSpecial(text) && isCast()) {
            refuse("it casts '" + text + "', which PostgreSQL alone reads as a moment");
        }
    }

    private boolean isCast() {
        return within.stream().anyMatch(part -> part.getClass().getSimpleName().startsWith("Cast"));
    }

    /** Throws the first refusal met while the query was written for the target. */
    void verdict() throws NotTranslatable {
        if (refusal != null) {
            throw new NotTranslatable(refusal);
        }
    }

    private void refuse(String reason) {
        if (refusal == null) {
            refusal = reason;
        }
    }

    private static String describe(QueryPart part) {
        String kind = part.getClass().getSimpleName();
        return kind.isEmpty() ? "a construct" : kind.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                + " (" + shortened(part.toString()) + ")";
    }

    private static String shortened(String sql) {
        String flat = sql.replaceAll("\\s+", " ").strip();
        return flat.length() > 60 ? flat.substring(0, 60) + "..." : flat;
    }

    private static boolean dividesAlike(Dialect a, Dialect b) {
        return TRUNCATING_DIVISION.contains(a.name()) == TRUNCATING_DIVISION.contains(b.name());
    }
}
