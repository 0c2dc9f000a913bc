package dev.ferry.core.operation.verify;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of VERIFY DATABASE.
 *
 * @param directory the export directory compared with
 * @param objects   one entry per table of the export, in the order the import loads them, then one per schema object
 *                  the database lacks
 * @param warnings  what the export did not carry (which the database cannot be expected to hold), in words
 */
public record VerifyResult(Path directory, List<VerifiedObject> objects, List<String> warnings) {

    public VerifyResult {
        objects = List.copyOf(objects);
        warnings = List.copyOf(warnings);
    }

    /** Rows read from the database's tables. */
    public long rowsFound() {
        return objects.stream().mapToLong(o -> o.rowsFound() == null ? 0 : o.rowsFound()).sum();
    }

    /** The entries that are not {@code ok}. */
    public List<VerifiedObject> problems() {
        return objects.stream().filter(o -> o.status() != VerifiedObject.Status.OK).toList();
    }
}
