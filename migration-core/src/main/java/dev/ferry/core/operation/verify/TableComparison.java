package dev.ferry.core.operation.verify;

import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a table's rows in the database with its data files, never holding the table: a first pass over each side
 * sums the rows ({@link ContentSums}); where the sums differ and the table has a key, a second pass over each side
 * keeps only the rows of the buckets of keys that differ (at most {@value #HELD_BUCKETS}: {@link KeyedRows}) and
 * names the first key in the data files' order that differs, else the first that only the table has, and counts the
 * others.
 */
final class TableComparison {
    /** The most buckets of keys a second pass holds the rows of: about 96,000 rows a side in 100 million. */
    private static final int HELD_BUCKETS = 64;

    /** Opens one side's rows afresh, for each pass. */
    @FunctionalInterface
    interface Side {
        CanonicalRows open() throws IOException, SQLException;
    }

    private final String table;
    private final TableShape shape;
    private final Side file;
    private final Side database;
    private final int[] key;

    /**
     * @param key the positions of the table's key columns among {@code shape}'s, or null where it has none
     */
    TableComparison(String table, TableShape shape, Side file, Side database, int[] key) {
        this.table = table;
        this.shape = shape;
        this.file = file;
        this.database = database;
        this.key = key;
    }

    VerifiedObject compare() throws IOException, SQLException {
        ContentSums expected;
        try (CanonicalRows rows = file.open()) {
            expected = ContentSums.of(rows, key);
        }
        ContentSums found;
        try (CanonicalRows rows = database.open()) {
            found = ContentSums.of(rows, key);
        }
        if (expected.sameAs(found)) {
            return new VerifiedObject(table, Status.OK, expected.rows, found.rows, null);
        }
        BitSet buckets = expected.differentBuckets(found, HELD_BUCKETS);
        String detail;
        if (buckets.isEmpty()) {
            detail = expected.rows != found.rows ? expected.rows + " rows expected, " + found.rows + " found"
                    : "content checksum differs";
        } else {
            detail = differences(buckets, expected.differentBucketCount(found) > buckets.cardinality());
        }
        return new VerifiedObject(table, Status.DIFFERS, expected.rows, found.rows, detail);
    }

    /**
     * The first key of {@code buckets}, in the data files' order, whose rows differ, else the first only the table
     * has; then how many more keys differ.
     *
     * @param moreBuckets whether buckets beyond {@code buckets} differ too, whose keys are not counted
     */
    private String differences(BitSet buckets, boolean moreBuckets) throws IOException, SQLException {
        KeyedRows expected;
        try (CanonicalRows rows = file.open()) {
            expected = KeyedRows.of(rows, key, shape, buckets);
        }
        KeyedRows found;
        try (CanonicalRows rows = database.open()) {
            found = KeyedRows.of(rows, key, shape, buckets);
        }
        List<String> differences = new ArrayList<>();
        for (Map.Entry<List<String>, KeyedRows.Entry> entry : expected.byKey.entrySet()) {
            KeyedRows.Entry there = found.byKey.get(entry.getKey());
            KeyedRows.Entry here = entry.getValue();
            String keyText = KeyedRows.keyText(here.first, key, shape);
            if (there == null) {
                differences.add(keyText + ": missing from the database");
            } else if (here.count != there.count) {
                differences.add(keyText + ": " + here.count + (here.count == 1 ? " row" : " rows")
                        + " expected, " + there.count + " found");
            } else if (here.sum != there.sum) {
                differences.add(keyText + ": row differs" + column(here.first, there.first));
            }
        }
        for (Map.Entry<List<String>, KeyedRows.Entry> entry : found.byKey.entrySet()) {
            if (!expected.byKey.containsKey(entry.getKey())) {
                differences.add(KeyedRows.keyText(entry.getValue().first, key, shape) + ": not in the export");
            }
        }
        if (differences.isEmpty()) {
            return "content checksum differs";
        }
        int more = differences.size() - 1;
        return differences.get(0) + (moreBuckets ? "; more keys differ"
                : more == 0 ? "" : "; " + more + (more == 1 ? " more key differs" : " more keys differ"));
    }

    /** Where two rows of one key differ, in words: {@code " in column title"}, where they are single rows. */
    private String column(String[] expected, String[] found) {
        for (int i = 0; i < expected.length; i++) {
            if (!Objects.equals(expected[i], found[i])) {
                return " in column " + shape.names().get(i) + " (expected " + shown(expected[i]) + ", found "
                        + shown(found[i]) + ")";
            }
        }
        return "";
    }

    private static String shown(String value) {
        if (value == null) {
            return "NULL";
        }
        String text = value.length() > 40 ? value.substring(0, 40) + "..." : value;
        return "'" + text + "'";
    }
}
