package dev.ferry.core.operation.verify;

import java.io.IOException;
import java.sql.SQLException;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows of some buckets of keys ({@link ContentSums#bucket}) on one side, by key in the order read: for each key
 * its rows' count and hash sum, and its first row's values (to name the column that differs).
 */
final class KeyedRows {
    final Map<String, Entry> byKey = new LinkedHashMap<>();

    /** One key's rows. */
    static final class Entry {
        long count;
        long sum;
        String[] first;
    }

    /** Reads {@code side}, keeping the rows of {@code buckets}. */
    static KeyedRows of(CanonicalRows side, int[] key, TableShape shape, BitSet buckets)
            throws IOException, SQLException {
        KeyedRows rows = new KeyedRows();
        for (String[] row; (row = side.next()) != null; ) {
            if (buckets.get(ContentSums.bucket(row, key))) {
                Entry entry = rows.byKey.computeIfAbsent(keyText(row, key, shape), k -> new Entry());
                entry.count++;
                entry.sum += RowHash.of(row);
                if (entry.first == null) {
                    entry.first = row;
                }
            }
        }
        return rows;
    }

    /** The key as a person reads it: {@code id=42}, {@code a=1, b=x}. */
    static String keyText(String[] row, int[] key, TableShape shape) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < key.length; k++) {
            String value = row[key[k]];
            text.append(k == 0 ? "" : ", ").append(shape.names().get(key[k])).append('=')
                    .append(value == null ? "NULL" : value);
        }
        return text.toString();
    }
}
