package dev.ferry.core.operation.verify;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rows of some buckets of keys ({@link ContentSums#bucket}) on one side, by key in the order read: for each key
 * its rows' count and hash sum, and its first row's values (to name the column that differs).
 */
final class KeyedRows {
    /** By the key's values, NULL a null: two keys whose text would read alike (a value holding ", ") stay apart. */
    final Map<List<String>, Entry> byKey = new LinkedHashMap<>();

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
                Entry entry = rows.byKey.computeIfAbsent(keyValues(row, key), k -> new Entry());
                entry.count++;
                entry.sum += RowHash.of(row);
                if (entry.first == null) {
                    entry.first = row;
                }
            }
        }
        return rows;
    }

    private static List<String> keyValues(String[] row, int[] key) {
        List<String> values = new ArrayList<>(key.length);
        for (int column : key) {
            values.add(row[column]);
        }
        return values;
    }

    /**
     * The key as a person reads it: {@code id=42}, {@code a=1, b=x}; a value quoted where it would read otherwise
     * ({@code name='a, b=c'}, {@code code='NULL'}, {@code note=''}), a null as NULL.
     */
    static String keyText(String[] row, int[] key, TableShape shape) {
        StringBuilder text = new StringBuilder();
        for (int k = 0; k < key.length; k++) {
            String value = row[key[k]];
            text.append(k == 0 ? "" : ", ").append(shape.names().get(key[k])).append('=').append(value == null
                    ? "NULL" : PLAIN.matcher(value).matches() && !value.equals("NULL") ? value
                    : "'" + value.replace("'", "''") + "'");
        }
        return text.toString();
    }

    /** A value that reads as itself beside others: no spaces, commas, quotes or equals signs. */
    private static final Pattern PLAIN = Pattern.compile("[\\p{L}\\p{N}_.:+\\-/]+");
}
