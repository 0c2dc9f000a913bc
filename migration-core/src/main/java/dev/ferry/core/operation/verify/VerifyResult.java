package dev.ferry.core.operation.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The result of VERIFY DATABASE.
 *
 * @param directory the export directory compared with, as the user named it (a Hadoop URI's export is compared in
 *                  a local copy)
 * @param tables    one entry per table of the export, in the order the import loads them
 * @param missing   one entry per schema object the export creates that the database lacks
 * @param warnings  what the export did not carry (which the database cannot be expected to hold), in words
 */
public record VerifyResult(String directory, List<VerifiedObject> tables, List<VerifiedObject> missing,
                           List<String> warnings) {

    public VerifyResult {
        tables = List.copyOf(tables);
        missing = List.copyOf(missing);
        warnings = List.copyOf(warnings);
    }

    /** The tables, then the schema objects missing: the rows of the statement's result. */
    public List<VerifiedObject> objects() {
        List<VerifiedObject> objects = new ArrayList<>(tables);
        objects.addAll(missing);
        return objects;
    }

    /** What is not {@code ok}, in a sentence; empty where everything is. */
    public Optional<String> summary() {
        long differ = tables.stream().filter(t -> t.status() == VerifiedObject.Status.DIFFERS).count();
        long absent = tables.stream().filter(t -> t.status() == VerifiedObject.Status.MISSING).count();
        List<String> parts = new ArrayList<>();
        if (differ > 0) {
            parts.add(differ + " of " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                    + (differ == 1 ? " differs" : " differ"));
        }
        if (absent > 0) {
            parts.add(absent + " of " + tables.size() + (tables.size() == 1 ? " table" : " tables")
                    + (absent == 1 ? " is" : " are") + " missing");
        }
        if (!missing.isEmpty()) {
            parts.add(missing.size() + (missing.size() == 1 ? " schema object is" : " schema objects are")
                    + " missing");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of("VERIFY DATABASE: the database does not match "
                + directory + ": " + String.join(", ", parts));
    }

    /** Rows read from the database's tables. */
    public long rowsFound() {
        return objects().stream().mapToLong(o -> o.rowsFound() == null ? 0 : o.rowsFound()).sum();
    }

    /** The entries that are not {@code ok}. */
    public List<VerifiedObject> problems() {
        return objects().stream().filter(o -> o.status() != VerifiedObject.Status.OK).toList();
    }
}
