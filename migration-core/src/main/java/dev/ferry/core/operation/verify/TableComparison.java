package dev.ferry.core.operation.verify;

import dev.ferry.core.operation.verify.VerifiedObject.Status;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;

/**
 * Compares a table's rows in the database with its data files, never holding the table: a first pass over each side
 * sums the rows ({@link ContentSums}); where the sums differ and the table has a key, a second pass over each side
 * keeps only the rows of the first bucket of keys that differs ({@link KeyedRows}) and names a key that differs.
 */
final class TableComparison {

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
        int bucket = expected.firstDifferentBucket(found);
        String detail;
        if (bucket < 0) {
            detail = expected.rows != found.rows ? expected.rows + " rows expected, " + found.rows + " found"
                    : "content checksum differs";
        } else {
            detail = firstDifference(bucket);
        }
        return new VerifiedObject(table, Status.DIFFERS, expected.rows, found.rows, detail);
    }

    /** The first key of {@code bucket}, in the data files' order, whose rows differ; else one only the table has. */
    private String firstDifference(int bucket) throws IOException, SQLException {
        KeyedRows expected;
        try (CanonicalRows rows = file.open()) {
            expected = KeyedRows.of(rows, key, shape, bucket);
        }
        KeyedRows found;
        try (CanonicalRows rows = database.open()) {
            found = KeyedRows.of(rows, key, shape, bucket);
        }
        for (Map.Entry<String, KeyedRows.Entry> entry : expected.byKey.entrySet()) {
            KeyedRows.Entry there = found.byKey.get(entry.getKey());
            if (there == null) {
                return entry.getKey() + ": missing from the database";
            }
            KeyedRows.Entry here = entry.getValue();
            if (here.count != there.count) {
                return entry.getKey() + ": " + here.count + " rows expected, " + there.count + " found";
            }
            if (here.sum != there.sum) {
                return entry.getKey() + ": row differs" + column(here.first, there.first);
            }
        }
        for (String key : found.byKey.keySet()) {
            if (!expected.byKey.containsKey(key)) {
                return key + ": not in the export";
            }
        }
        return "content checksum differs";
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
