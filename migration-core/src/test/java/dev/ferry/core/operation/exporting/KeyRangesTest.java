package dev.ferry.core.operation.exporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class KeyRangesTest {

    private static BigInteger big(long value) {
        return BigInteger.valueOf(value);
    }

    private static List<KeyRange> split(long least, long greatest, long rows, long chunkRows) {
        return KeyRanges.split(big(least), big(greatest), rows, chunkRows);
    }

    /** The range of {@code ranges} each key falls in; every key must fall in exactly one. */
    private static List<Integer> rangeOfEach(List<KeyRange> ranges, long... keys) {
        List<Integer> found = new ArrayList<>();
        for (long key : keys) {
            int in = -1;
            for (int i = 0; i < ranges.size(); i++) {
                KeyRange range = ranges.get(i);
                boolean above = range.from() == null || big(key).compareTo(range.from()) >= 0;
                boolean below = range.to() == null || big(key).compareTo(range.to()) < 0;
                if (above && below) {
                    assertEquals(-1, in, key + " falls in two ranges: " + ranges);
                    in = i;
                }
            }
            assertTrue(in >= 0, key + " falls in no range: " + ranges);
            found.add(in);
        }
        return found;
    }

    @Test
    void anEmptyTableIsNotSplit() {
        assertEquals(List.of(KeyRange.ALL), KeyRanges.split(null, null, 0, 1000));
        assertEquals(List.of(KeyRange.ALL), KeyRanges.split(null, null, 50_000, 1000), "a stale estimate");
    }

    @Test
    void oneRowIsNotSplit_evenWhereTheEstimateSaysMany() {
        assertEquals(List.of(KeyRange.ALL), split(42, 42, 1, 1));
        assertEquals(List.of(KeyRange.ALL), split(42, 42, 1_000_000, 1000));
    }

    @Test
    void atTheThresholdATableIsOneFile_oneRowAboveItIsTwo() {
        assertEquals(List.of(KeyRange.ALL), split(1, 1000, 1000, 1000));
        assertEquals(List.of(new KeyRange(null, big(501)), new KeyRange(big(501), null)), split(1, 1001, 1001, 1000));
    }

    @Test
    void chunkRowsZeroNeverSplits() {
        assertEquals(List.of(KeyRange.ALL), split(1, 10_000_000, 10_000_000, 0));
    }

    @Test
    void tenThousandRowsInChunksOfAThousandAreTenRangesOfEqualWidth() {
        List<KeyRange> ranges = split(1, 10_000, 10_000, 1000);
        assertEquals(10, ranges.size());
        assertEquals(new KeyRange(null, big(1001)), ranges.get(0));
        assertEquals(new KeyRange(big(4001), big(5001)), ranges.get(4));
        assertEquals(new KeyRange(big(9001), null), ranges.get(9));
        assertEquals(List.of(0, 0, 1, 8, 9, 9), rangeOfEach(ranges, 1, 1000, 1001, 9000, 9001, 10_000));
    }

    @Test
    void keysWithGapsAreSplitByTheKeysSpan_andNoMoreRangesThanKeyValues() {
        List<KeyRange> ranges = split(10, 1_000_010, 3000, 1000);
        assertEquals(3, ranges.size());
        assertEquals(List.of(0, 1, 2, 2), rangeOfEach(ranges, 10, 500_000, 1_000_009, 1_000_010));
        assertEquals(3, split(1, 3, 10_000, 1000).size(), "three key values make three ranges at most");
    }

    @Test
    void negativeKeys() {
        List<KeyRange> ranges = split(-5000, -1, 5000, 1000);
        assertEquals(5, ranges.size());
        assertEquals(new KeyRange(null, big(-4000)), ranges.get(0));
        assertEquals(List.of(0, 0, 1, 4), rangeOfEach(ranges, -5000, -4001, -4000, -1));
        List<KeyRange> across = split(-1000, 999, 2000, 1000);
        assertEquals(List.of(new KeyRange(null, big(0)), new KeyRange(big(0), null)), across);
    }

    @Test
    void theWholeRangeOfALong_withoutOverflow() {
        List<KeyRange> ranges = split(Long.MIN_VALUE, Long.MAX_VALUE, 4000, 1000);
        assertEquals(4, ranges.size());
        assertEquals(new KeyRange(null, big(Long.MIN_VALUE / 2)), ranges.get(0));
        assertEquals(new KeyRange(big(0), big(Long.MAX_VALUE / 2 + 1)), ranges.get(2));
        assertEquals(List.of(0, 0, 1, 2, 3, 3), rangeOfEach(ranges, Long.MIN_VALUE, Long.MIN_VALUE / 2 - 1, -1, 0,
                Long.MAX_VALUE - 1, Long.MAX_VALUE));
        List<KeyRange> top = split(Long.MAX_VALUE - 9, Long.MAX_VALUE, 10, 5);
        assertEquals(List.of(new KeyRange(null, big(Long.MAX_VALUE - 4)), new KeyRange(big(Long.MAX_VALUE - 4), null)),
                top);
    }

    @Test
    void anUnsignedBigintAboveALongSplitsToo() {
        BigInteger max = new BigInteger("18446744073709551615");
        List<KeyRange> ranges = KeyRanges.split(BigInteger.ZERO, max, 2000, 1000);
        assertEquals(List.of(new KeyRange(null, new BigInteger("9223372036854775808")),
                new KeyRange(new BigInteger("9223372036854775808"), null)), ranges);
    }

    @Test
    void theRangesTakeEveryKeyOnce_whateverTheSplit() {
        for (long rows : new long[] {1001, 2500, 9999, 10_000, 10_001, 77_777}) {
            List<KeyRange> ranges = split(-37, 1234, rows, 1000);
            assertTrue(ranges.size() > 1, "rows " + rows);
            List<Integer> in = rangeOfEach(ranges, LongStream.rangeClosed(-40, 1240).toArray());
            for (int i = 1; i < in.size(); i++) {
                assertTrue(in.get(i) - in.get(i - 1) <= 1 && in.get(i) >= in.get(i - 1), "ranges in key order");
            }
            assertEquals(ranges.size() - 1, in.get(in.size() - 1), "every range takes a key: " + ranges);
        }
    }

    @Test
    void noMoreThanTheMostRanges() {
        assertEquals(KeyRanges.MAX_RANGES, split(1, 10_000_000_000L, 10_000_000_000L, 1).size());
    }

    @Test
    void conditionsAreOpenAtTheEnds() {
        assertEquals("", KeyRange.ALL.condition("id"));
        assertEquals("\"id\" < 5", new KeyRange(null, big(5)).condition("\"id\""));
        assertEquals("\"id\" >= 5 AND \"id\" < 9", new KeyRange(big(5), big(9)).condition("\"id\""));
        assertEquals("\"id\" >= -9", new KeyRange(big(-9), null).condition("\"id\""));
    }
}
