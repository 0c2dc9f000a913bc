package dev.ferry.core.operation.verify;

import java.io.IOException;
import java.util.BitSet;
import java.sql.SQLException;

/**
 * A table's rows summed up whatever their order: their count, the sum of their {@link RowHash}es (modulo 2^64) and,
 * where the table has a key, that sum for each bucket of rows whose keys hash alike, which tells where to look for a
 * difference without holding the rows.
 */
final class ContentSums {
    /** Buckets of keys: 512 KB a side; a table of 100 million rows has about 1,500 rows in each. */
    static final int BUCKETS = 1 << 16;

    long rows;
    long sum;
    final long[] buckets;

    private ContentSums(boolean keyed) {
        buckets = keyed ? new long[BUCKETS] : null;
    }

    /** Reads every row of {@code side}; {@code key} the key's column positions, or null where there is no key. */
    static ContentSums of(CanonicalRows side, int[] key) throws IOException, SQLException {
        ContentSums sums = new ContentSums(key != null);
        for (String[] row; (row = side.next()) != null; ) {
            long hash = RowHash.of(row);
            sums.rows++;
            sums.sum += hash;
            if (key != null) {
                sums.buckets[bucket(row, key)] += hash;
            }
        }
        return sums;
    }

    static int bucket(String[] row, int[] key) {
        return (int) (RowHash.of(row, key) >>> 48);
    }

    boolean sameAs(ContentSums other) {
        return rows == other.rows && sum == other.sum;
    }

    /**
     * The buckets whose sums differ, at most {@code most} of them (the first), in a set; empty where none does or
     * there are no buckets.
     */
    BitSet differentBuckets(ContentSums other, int most) {
        BitSet different = new BitSet(BUCKETS);
        if (buckets == null) {
            return different;
        }
        for (int i = 0; i < BUCKETS && different.cardinality() < most; i++) {
            if (buckets[i] != other.buckets[i]) {
                different.set(i);
            }
        }
        return different;
    }

    /** How many buckets' sums differ. */
    int differentBucketCount(ContentSums other) {
        int count = 0;
        for (int i = 0; buckets != null && i < BUCKETS; i++) {
            if (buckets[i] != other.buckets[i]) {
                count++;
            }
        }
        return count;
    }
}
