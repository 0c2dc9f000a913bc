package dev.ferry.it.realworld;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ferry.it.realworld.SampleRows.Rows;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asserts that a copy in another engine holds exactly the source's rows, as {@link SampleRows} reads them: the same
 * tables, each with the same columns and the same rows, value for value. A value that a documented, warned mapping
 * changes on the way (a type the target has not) is named column by column with a {@link Mapped}, which says why and
 * what the source's value becomes; nothing else is loosened. A failure names the table and its first differing row.
 */
public final class RowComparison {

    /**
     * Column {@code column} of table (or view) {@code table} is held by the target as {@code asInTarget} makes the
     * source's canonical value, because of {@code reason} (a documented, warned mapping). It must name a column that
     * exists and change at least one of its values, so that no mapping is declared that the data does not need.
     */
    public record Mapped(String table, String column, String reason, UnaryOperator<String> asInTarget) {
    }

    private RowComparison() {
    }

    /** The source and the target have the same tables, and each the same rows, but as {@code mapped} says. */
    public static void assertSameTables(Map<String, Rows> source, Map<String, Rows> target, Mapped... mapped) {
        assertEquals(source.keySet(), target.keySet(), "tables");
        for (Mapped m : mapped) {
            assertTrue(source.containsKey(m.table()), () -> "no table " + m.table() + " for " + m);
        }
        for (Map.Entry<String, Rows> table : source.entrySet()) {
            assertSameRows("table " + table.getKey(), table.getValue(), target.get(table.getKey()),
                    List.of(mapped).stream().filter(m -> m.table().equals(table.getKey())).toArray(Mapped[]::new));
        }
    }

    /** {@code source} and {@code target} (of one table or view, {@code what}) hold the same rows, but as mapped. */
    public static void assertSameRows(String what, Rows source, Rows target, Mapped... mapped) {
        assertEquals(source.columns(), target.columns(), what + ": columns");
        List<List<String>> expected = source.rows();
        for (Mapped m : mapped) {
            int column = source.column(m.column());
            assertTrue(column >= 0, () -> what + " has no column " + m.column() + " for " + m);
            List<List<String>> changed = new ArrayList<>();
            for (List<String> row : expected) {
                List<String> copy = new ArrayList<>(row);
                copy.set(column, m.asInTarget().apply(row.get(column)));
                changed.add(copy);
            }
            assertTrue(!changed.equals(expected), () -> what + "." + m.column() + ": the mapping (" + m.reason()
                    + ") changes no value; compare it as it is");
            changed.sort(SampleRows.ROW_ORDER);
            expected = changed;
        }
        List<List<String>> actual = target.rows();
        int sourceSize = expected.size();
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!expected.get(i).equals(actual.get(i))) {
                List<String> columns = new ArrayList<>();
                for (int c = 0; c < source.columns().size(); c++) {
                    if (!Objects.equals(expected.get(i).get(c), actual.get(i).get(c))) {
                        columns.add(source.columns().get(c));
                    }
                }
                fail(what + ": " + expected.size() + " rows in the source, " + actual.size() + " in the target;"
                        + " first difference at row " + i + " of the sorted rows, in " + columns + ":\n  source "
                        + named(source.columns(), expected.get(i)) + "\n  target "
                        + named(source.columns(), actual.get(i)));
            }
        }
        assertEquals(sourceSize, actual.size(), () -> what + ": rows; the first " + Math.min(sourceSize,
                actual.size()) + " (sorted) are equal");
    }

    private static String named(List<String> columns, List<String> row) {
        StringBuilder text = new StringBuilder("{");
        for (int i = 0; i < columns.size(); i++) {
            text.append(i == 0 ? "" : ", ").append(columns.get(i)).append('=').append(row.get(i));
        }
        return text.append('}').toString();
    }

    private static final Pattern ELEMENT = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"|([^,\\s\\]]+)");

    /**
     * An array's canonical value ({@code ["Trailers", "Deleted Scenes"]}) as PostgreSQL writes it as text
     * ({@code {Trailers,"Deleted Scenes"}}): the form in which Ferry carries a PostgreSQL array into an engine that has
     * no arrays (MariaDB, SQLite), with a warning naming the column (between-engines.md, Arrays).
     */
    public static final UnaryOperator<String> POSTGRES_ARRAY_TEXT = value -> {
        if (value == null) {
            return null;
        }
        List<String> elements = new ArrayList<>();
        Matcher m = ELEMENT.matcher(value.substring(1, value.length() - 1));
        while (m.find()) {
            if (m.group(1) == null) {
                elements.add(m.group(2));
                continue;
            }
            String text = m.group(1).replaceAll("\\\\(.)", "$1");
            boolean quote = text.isEmpty() || text.equalsIgnoreCase("NULL") || text.matches("(?s).*[{},\"\\\\\\s].*");
            elements.add(quote ? SampleRows.quoted(text) : text);
        }
        return "{" + String.join(",", elements) + "}";
    };
}
