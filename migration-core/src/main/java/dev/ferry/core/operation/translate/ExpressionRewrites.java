package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Param;
import org.jooq.QueryPart;
import org.jooq.VisitContext;
import org.jooq.VisitListener;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;
import org.jooq.impl.SQLDataType;

/**
 * Rewrites, while jOOQ writes an expression for the target, the constructs of the source's catalog text that jOOQ
 * would otherwise write with noise or another meaning:
 * <ul>
 * <li>a cast of a literal to its own kind ({@code 'G'::character varying}, {@code (0)::numeric}, H2's
 * {@code CAST('x' AS CHARACTER VARYING)}) is the literal alone, which every engine reads the same ({@link #literalOf});</li>
 * <li>{@code LOCALTIMESTAMP} and {@code LOCALTIME}, which jOOQ's parser reads as columns of that name, are the
 * functions they are;</li>
 * <li>in a CHECK, each of the table's exact decimal columns is compared as the target compares such a column with a
 * number ({@link Dialect#decimalOperand}: SQLite keeps its text), except where its text is what is read
 * ({@code length(amount)}, {@code amount LIKE '%.00'}); the source's own such cast is the column alone.</li>
 * </ul>
 */
final class ExpressionRewrites implements VisitListener {
    /** Constructs (jOOQ's classes) that read their operands as text: a decimal column in them is read as it is. */
    private static final Set<String> READS_TEXT = Set.of("Like", "NotLike", "Lower", "Upper", "CharLength",
            "OctetLength", "Substring", "Trim", "Ltrim", "Rtrim", "Replace", "Concat");

    private final Set<String> decimals;
    private final boolean sourceCastsDecimals;
    private final boolean targetCastsDecimals;
    private final Deque<QueryPart> within = new ArrayDeque<>();
    private final Set<QueryPart> made = Collections.newSetFromMap(new IdentityHashMap<>());

    /**
     * @param decimals the names (as the source stores them, in lower case) of the table's exact decimal columns that a
     *                 CHECK compares; empty elsewhere
     */
    ExpressionRewrites(Dialect source, Dialect target, Set<String> decimals) {
        this.decimals = decimals;
        this.sourceCastsDecimals = castsDecimals(source);
        this.targetCastsDecimals = castsDecimals(target);
    }

    private static boolean castsDecimals(Dialect dialect) {
        return !dialect.decimalOperand("x").equals("x");
    }

    @Override
    public void visitStart(VisitContext context) {
        QueryPart part = context.queryPart();
        QueryPart replacement = made.contains(part) ? null : replacement(part);
        if (replacement != null) {
            made.add(replacement);
            context.queryPart(replacement);
        }
        within.push(context.queryPart());
    }

    @Override
    public void visitEnd(VisitContext context) {
        within.pop();
    }

    private QueryPart replacement(QueryPart part) {
        if (part instanceof QOM.Cast<?> cast) {
            Param<?> literal = literalOf(cast);
            if (literal != null) {
                return literal;
            }
            if (sourceCastsDecimals && isDecimalColumn(cast.$field()) && isUnconstrainedDecimal(cast.getDataType())) {
                return cast.$field();
            }
        } else if (part instanceof Field<?> field && isColumnReference(field)) {
            Field<?> moment = niladicMoment(field);
            if (moment != null) {
                return moment;
            }
            if (targetCastsDecimals && isDecimalColumn(field) && !readAsText()) {
                made.add(field);
                return DSL.cast(field, SQLDataType.NUMERIC);
            }
        }
        return null;
    }

    /** Whether {@code part}, as parsed, stands for the current date or time ({@code CURRENT_TIMESTAMP}, ...). */
    static boolean isMoment(QueryPart part) {
        return part.getClass().getSimpleName().startsWith("Current") || part instanceof Field<?> field
                && isColumnReference(field) && niladicMoment(field) != null;
    }

    /**
     * The function an unquoted {@code LOCALTIMESTAMP} or {@code LOCALTIME} stands for, which jOOQ's parser reads as a
     * column of that name; null for any other column.
     */
    private static Field<?> niladicMoment(Field<?> column) {
        Name name = column.getUnqualifiedName();
        if (name.quoted() == Name.Quoted.QUOTED) {
            return null;
        }
        return name.first().equalsIgnoreCase("LOCALTIMESTAMP") ? DSL.currentLocalDateTime()
                : name.first().equalsIgnoreCase("LOCALTIME") ? DSL.currentLocalTime() : null;
    }

    /**
     * The literal that means what {@code cast} does, or null: a literal cast to its own kind is the literal alone (a
     * string that the type's length holds, an integer to an integer type, a number to a decimal without a precision), as is
     * a string cast to a type of the source's own (PostgreSQL's {@code 'G'::mpaa_rating}; the column holding it has
     * the type the target was given instead); a string cast to a boolean ({@code CAST('t' AS BOOLEAN)}, DuckDB's
     * defaults) is that boolean.
     */
    private static Param<?> literalOf(QOM.Cast<?> cast) {
        if (!(cast.$field() instanceof Param<?> literal)) {
            return null;
        }
        Object value = literal.getValue();
        DataType<?> type = cast.getDataType();
        boolean fits = value instanceof String text && (type.isOther()
                || type.isString() && (!type.lengthDefined() || text.length() <= type.length()))
                || value instanceof Number number && (isUnconstrainedDecimal(type)
                || isInteger(type) && new BigDecimal(number.toString()).stripTrailingZeros().scale() <= 0);
        if (fits) {
            return literal;
        }
        if (value instanceof String text && type.isBoolean()) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "t", "true", "1", "y", "yes", "on" -> DSL.inline(true);
                case "f", "false", "0", "n", "no", "off" -> DSL.inline(false);
                default -> null;
            };
        }
        return null;
    }

    private boolean isDecimalColumn(Field<?> field) {
        return isColumnReference(field) && field.getQualifiedName().parts().length == 1
                && decimals.contains(field.getName().toLowerCase(Locale.ROOT));
    }

    private static boolean isColumnReference(Field<?> field) {
        return field instanceof org.jooq.TableField<?, ?> || field.getClass().getSimpleName().equals("TableFieldImpl");
    }

    private static boolean isInteger(DataType<?> type) {
        int sqlType = type.getSQLType();
        return sqlType == java.sql.Types.TINYINT || sqlType == java.sql.Types.SMALLINT
                || sqlType == java.sql.Types.INTEGER || sqlType == java.sql.Types.BIGINT;
    }

    /** Whether {@code type} is an exact decimal without a precision ({@code NUMERIC}, {@code DECIMAL}). */
    static boolean isUnconstrainedDecimal(DataType<?> type) {
        int sqlType = type.getSQLType();
        return (sqlType == java.sql.Types.NUMERIC || sqlType == java.sql.Types.DECIMAL) && !type.precisionDefined();
    }

    /**
     * Whether the part being written is read as text: within a construct that reads its text or within a cast, which
     * says itself how it is read, before any condition ({@code length(amount) < 20}, not {@code amount < 20}).
     */
    private boolean readAsText() {
        for (QueryPart outer : within) {
            if (READS_TEXT.contains(outer.getClass().getSimpleName()) || outer instanceof QOM.Cast<?>) {
                return true;
            }
            if (outer instanceof org.jooq.Condition) {
                return false;
            }
        }
        return false;
    }
}
