package dev.ferry.core.format.parquet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a file written with {@code PARQUET_TYPES spark} that hold TIME values as plain {@code int64}
 * microseconds of the day (Spark 3.5 refuses Parquet's TIME type), named in the file's key-value metadata so that a
 * reader takes them for times, not for numbers, whatever the table it loads them into.
 */
final class PlainTimeColumns {
    /** The key of the file's metadata: a JSON array of column names. */
    static final String KEY = "ferry.time_micros_columns";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlainTimeColumns() {
    }

    /** The metadata entry naming {@code columns}; empty where there are none. */
    static Map<String, String> metadata(List<String> columns) {
        if (columns.isEmpty()) {
            return Map.of();
        }
        try {
            return Map.of(KEY, JSON.writeValueAsString(columns));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of names is JSON", e);
        }
    }

    /**
     * The columns a file's metadata names.
     *
     * @throws IllegalArgumentException where the entry is not a JSON array of names
     */
    static Set<String> read(Map<String, String> metadata) {
        String names = metadata.get(KEY);
        if (names == null) {
            return Set.of();
        }
        try {
            return Set.copyOf(JSON.readValue(names, new TypeReference<List<String>>() {
            }));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("the file's metadata " + KEY + " is not a JSON array of column names: "
                    + names, e);
        }
    }
}
