package dev.ferry.core.operation.verify;

/**
 * A 64-bit hash of a row's values in their canonical text forms (null apart from every text), the same for equal rows
 * on both sides of a comparison. Sums of these hashes (modulo 2^64) compare tables whatever their rows' order.
 */
final class RowHash {
    private static final long NULL = 0x6a09e667f3bcc909L;
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private RowHash() {
    }

    /** The hash of the values at {@code positions} of {@code row}, in that order. */
    static long of(String[] row, int[] positions) {
        long hash = positions.length;
        for (int position : positions) {
            hash = mix(hash * 31 + of(row[position]));
        }
        return hash;
    }

    /** The hash of every value of {@code row}. */
    static long of(String[] row) {
        long hash = row.length;
        for (String value : row) {
            hash = mix(hash * 31 + of(value));
        }
        return hash;
    }

    private static long of(String value) {
        if (value == null) {
            return NULL;
        }
        long hash = FNV_OFFSET;
        for (int i = 0; i < value.length(); i++) {
            hash = (hash ^ value.charAt(i)) * FNV_PRIME;
        }
        return mix(hash ^ value.length());
    }

    /** SplitMix64's finaliser: every bit of the input moves about half the output's. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
