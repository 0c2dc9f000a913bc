package dev.ferry.core.format;

import java.nio.file.Path;

/**
 * How messages name a data file: by its name, and, for a part of an export's table folder
 * ({@code data/<schema>.<table>/part-0001.csv}), by its path from the export directory, as the manifest and load.sql
 * name it; every table has a {@code part-0001}.
 */
public final class FileLabel {

    private FileLabel() {
    }

    /** The file's name, with its table folder and {@code data/} where it is a part in an export's table folder. */
    public static String of(Path file) {
        Path name = file.getFileName();
        if (name == null) {
            return file.toString();
        }
        Path folder = file.getParent();
        if (!name.toString().startsWith("part-") || folder == null || folder.getFileName() == null) {
            return name.toString();
        }
        Path data = folder.getParent();
        String prefix = data != null && data.getFileName() != null && data.getFileName().toString().equals("data")
                ? "data/" : "";
        return prefix + folder.getFileName() + "/" + name;
    }
}
