package dev.ferry.core.operation.exporting;

import java.math.BigInteger;
import java.util.function.Function;

/**
 * The rows of a table whose integer key lies in {@code [from, to)}; a null bound is open, so the first range of a
 * table takes every key below its upper bound and the last every key from its lower bound up, and the ranges of a
 * table together take every row.
 *
 * @param from the least key taken, or null for no lower bound
 * @param to   the least key above the range, or null for no upper bound
 */
record KeyRange(BigInteger from, BigInteger to) {

    /** The whole table: a table not split. */
    static final KeyRange ALL = new KeyRange(null, null);

    KeyRange {
        if (from != null && to != null && from.compareTo(to) >= 0) {
            throw new IllegalArgumentException("empty range [" + from + ", " + to + ")");
        }
    }

    /** Whether the range takes the whole table. */
    boolean all() {
        return from == null && to == null;
    }

    /**
     * The range as an SQL condition on {@code key}, the key column as quoted for the engine, its bounds as integer
     * literals; empty for {@link #ALL}.
     */
    String condition(String key) {
        return condition(key, BigInteger::toString);
    }

    /** The range as an SQL condition on {@code column}, each bound written by {@code literal}. */
    String condition(String column, Function<BigInteger, String> literal) {
        if (from == null && to == null) {
            return "";
        }
        if (from == null) {
            return column + " < " + literal.apply(to);
        }
        return to == null ? column + " >= " + literal.apply(from)
                : column + " >= " + literal.apply(from) + " AND " + column + " < " + literal.apply(to);
    }

    @Override
    public String toString() {
        return "[" + (from == null ? "-inf" : from) + ", " + (to == null ? "+inf" : to) + ")";
    }
}
