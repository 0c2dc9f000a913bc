package dev.ferry.core.operation.exporting;

import dev.ferry.core.dialect.RowPositions;
import java.math.BigInteger;
import java.util.function.Function;

/**
 * What a chunked table's {@link KeyRange}s are ranges of: its integer key, or where its rows are stored
 * ({@link dev.ferry.core.dialect.RowPositions}).
 *
 * @param column  the SQL compared with the bounds (the quoted key column, PostgreSQL's {@code ctid})
 * @param literal writes a bound as SQL comparable with {@code column}
 * @param positions whether the ranges are of where rows are stored, rather than of a key: a row updated between two
 *                  snapshots may move from one range to another
 */
record SplitBy(String column, Function<BigInteger, String> literal, boolean positions) {

    /** A table's integer key column, as quoted for the engine. */
    static SplitBy key(String quotedColumn) {
        return new SplitBy(quotedColumn, BigInteger::toString, false);
    }

    /** Where the engine stores rows ({@code ctid}). */
    static SplitBy positions(RowPositions positions) {
        return new SplitBy(positions.column(), positions::pageStart, true);
    }

    /** The SQL that limits a table's rows to {@code range}'s: empty for {@link KeyRange#ALL}. */
    String where(KeyRange range) {
        return range.all() ? "" : " WHERE " + range.condition(column, literal);
    }
}
