package dev.ferry.core.operation.exporting;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a table's integer key into ranges of about CHUNK_ROWS rows each, from the key's least and greatest values
 * and the table's estimated rows: as many ranges as the estimate holds CHUNK_ROWS (rounded up), never more than there
 * are key values between the two nor more than {@value #MAX_RANGES}, of equal width. Gaps in the key make some ranges hold fewer rows; the ranges still
 * take every row whatever the estimate (see {@link KeyRange}).
 */
final class KeyRanges {
    /** The most ranges a table is split into, so that part numbers keep four digits and sort as they are read. */
    static final int MAX_RANGES = 9_999;

    private KeyRanges() {
    }

    /**
     * @param least         the key's least value, or null for an empty table
     * @param greatest      the key's greatest value, or null for an empty table
     * @param estimatedRows the rows the table is thought to hold
     * @param chunkRows     the rows above which a table is split; 0 for never
     * @return the ranges in key order; {@link KeyRange#ALL} alone where the table is not split
     */
    static List<KeyRange> split(BigInteger least, BigInteger greatest, long estimatedRows, long chunkRows) {
        if (chunkRows <= 0 || estimatedRows <= chunkRows || least == null || greatest == null) {
            return List.of(KeyRange.ALL);
        }
        BigInteger width = greatest.subtract(least).add(BigInteger.ONE);
        BigInteger wanted = BigInteger.valueOf(estimatedRows / chunkRows + (estimatedRows % chunkRows == 0 ? 0 : 1));
        int count = wanted.min(width).min(BigInteger.valueOf(MAX_RANGES)).intValueExact();
        if (count <= 1) {
            return List.of(KeyRange.ALL);
        }
        List<KeyRange> ranges = new ArrayList<>(count);
        BigInteger from = null;
        for (int i = 1; i < count; i++) {
            // floor(width * i / count) grows by at least 1 each step, since count <= width.
            BigInteger to = least.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(count)));
            ranges.add(new KeyRange(from, to));
            from = to;
        }
        ranges.add(new KeyRange(from, null));
        return ranges;
    }
}
