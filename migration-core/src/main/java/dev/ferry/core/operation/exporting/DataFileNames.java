package dev.ferry.core.operation.exporting;

import dev.ferry.core.model.schema.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives each table a data file name that is safe on every file system and unique even where names differ only in
 * case: {@code <schema>.<table>.<ext>} in lower case, characters other than letters, digits, {@code -} and
 * {@code _} replaced by {@code _}, a {@code _2}, {@code _3} ... suffix where two tables would collide. A table
 * written in chunks gets {@code <schema>.<table>.part-0001.<ext>}, {@code part-0002} ... instead (no table's own name
 * holds a {@code .}, so these never collide with another table's).
 */
final class DataFileNames {
    private static final int MAX_STEM = 100;

    private final String extension;
    private final Set<String> taken = new HashSet<>();

    DataFileNames(String extension) {
        this.extension = extension;
    }

    /** The name of a table written as one file. */
    String next(QualifiedName table) {
        return next(table, 1).get(0);
    }

    /**
     * The names of a table's {@code chunks} files: its one file's name where there is one chunk, else a part's name
     * for each, numbered from 1.
     */
    List<String> next(QualifiedName table, int chunks) {
        String base = (table.schema() == null ? "" : safe(table.schema()) + ".") + safe(table.name());
        if (base.length() > MAX_STEM) {
            base = base.substring(0, MAX_STEM);
        }
        String stem = base;
        for (int suffix = 2; !taken.add(stem); suffix++) {
            stem = base + "_" + suffix;
        }
        if (chunks == 1) {
            return List.of(stem + "." + extension);
        }
        List<String> names = new ArrayList<>(chunks);
        for (int part = 1; part <= chunks; part++) {
            names.add(String.format(Locale.ROOT, "%s.part-%04d.%s", stem, part, extension));
        }
        return names;
    }

    private static String safe(String part) {
        String safe = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
