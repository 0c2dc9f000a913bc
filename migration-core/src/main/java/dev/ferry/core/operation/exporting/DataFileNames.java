package dev.ferry.core.operation.exporting;

import dev.ferry.core.model.schema.QualifiedName;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Gives each table a data file name that is safe on every file system and unique even where names differ only in
 * case: {@code <schema>.<table>.<ext>} in lower case, characters other than letters, digits, {@code -} and
 * {@code _} replaced by {@code _}, a {@code _2}, {@code _3} ... suffix where two tables would collide.
 */
final class DataFileNames {
    private static final int MAX_STEM = 100;

    private final String extension;
    private final Set<String> taken = new HashSet<>();

    DataFileNames(String extension) {
        this.extension = extension;
    }

    String next(QualifiedName table) {
        String stem = (table.schema() == null ? "" : safe(table.schema()) + ".") + safe(table.name());
        if (stem.length() > MAX_STEM) {
            stem = stem.substring(0, MAX_STEM);
        }
        String name = stem + "." + extension;
        for (int suffix = 2; !taken.add(name); suffix++) {
            name = stem + "_" + suffix + "." + extension;
        }
        return name;
    }

    private static String safe(String part) {
        String safe = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
