package dev.ferry.core.operation.exporting;

import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.schema.QualifiedName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Gives each table a folder of its own under {@value ExportLayout#DATA}, and each of its data files a name in it:
 * {@code data/<schema>.<table>/part-0001.<ext>}, {@code part-0002} ... (one part for a table written whole), so that a
 * data lake reads every table's folder the same way. The folder's name is safe on every file system and unique even
 * where names differ only in case: lower case, characters other than letters, digits, {@code -} and {@code _} replaced
 * by {@code _}, at most {@value #MAX_STEM} characters, and a {@code _2}, {@code _3} ... suffix where two tables would
 * collide. Nothing else is ever written into a table's folder (readers such as Spark take every file in it for data).
 *
 * <p>An export for an engine whose own IMPORT finds data files by their name alone (DuckDB's) has them beside the
 * scripts instead, as earlier versions wrote every export: {@code <schema>.<table>.<ext>}, or
 * {@code <schema>.<table>.part-0001.<ext>} ... for a chunked table (no table's own name holds a {@code .}, so these
 * never collide with another table's).
 */
final class DataFileNames {
    private static final int MAX_STEM = 100;

    private final String extension;
    private final boolean besideScripts;
    private final Set<String> taken = new HashSet<>();

    /** Names in a folder per table. */
    DataFileNames(String extension) {
        this(extension, false);
    }

    /** @param besideScripts whether the files are beside the scripts rather than in a folder per table */
    DataFileNames(String extension, boolean besideScripts) {
        this.extension = extension;
        this.besideScripts = besideScripts;
    }

    /** The name of a table written as one file. */
    String next(QualifiedName table) {
        return next(table, 1).get(0);
    }

    /**
     * The names, relative to the export directory, of a table's {@code chunks} files, numbered from 1, in the table's
     * own folder (beside the scripts: one file's name where there is one chunk, else a part's name for each).
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
        if (besideScripts && chunks == 1) {
            return List.of(stem + "." + extension);
        }
        List<String> names = new ArrayList<>(chunks);
        for (int part = 1; part <= chunks; part++) {
            names.add(besideScripts ? String.format(Locale.ROOT, "%s.part-%04d.%s", stem, part, extension)
                    : String.format(Locale.ROOT, "%s/%s/part-%04d.%s", ExportLayout.DATA, stem, part, extension));
        }
        return names;
    }

    private static String safe(String part) {
        String safe = part.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        return safe.isEmpty() ? "_" : safe;
    }
}
