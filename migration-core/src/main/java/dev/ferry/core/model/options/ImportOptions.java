package dev.ferry.core.model.options;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * The options of IMPORT DATABASE. The data's format is read from the export's manifest; what the user says is whether
 * scripts edited since the export may run, and on how many connections the data is loaded.
 *
 * @param allowEditedScripts whether schema.sql, load.sql and post-data.sql may differ from the checksums the manifest
 *                           records ({@code ALLOW_EDITED_SCRIPTS}): the user's own edits, which then run as written
 * @param jobs               how many connections load data files and build indexes at once ({@code JOBS}, 1 to
 *                           {@value ExportOptions#MAX_JOBS}), or 0 where not given: then 1, so that an import is one
 *                           transaction wherever the engine allows (only the statement says otherwise, not a
 *                           connection's {@code ferry.jobs}, which is for exports)
 */
public record ImportOptions(boolean allowEditedScripts, int jobs) {
    /** The option that lets edited scripts run. */
    public static final String ALLOW_EDITED_SCRIPTS = "ALLOW_EDITED_SCRIPTS";

    /** No option given: scripts must be those the export wrote; one connection. */
    public static final ImportOptions DEFAULTS = new ImportOptions(false, 0);

    public ImportOptions {
        if (jobs < 0 || jobs > ExportOptions.MAX_JOBS) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
    }

    /** Whether edited scripts may run, on one connection. */
    public ImportOptions(boolean allowEditedScripts) {
        this(allowEditedScripts, 0);
    }

    /** The options of an IMPORT DATABASE statement, by name (a bare option's value is {@code true}). */
    public static ImportOptions from(Map<String, String> options) throws SQLException {
        boolean allowEdited = false;
        int jobs = 0;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            if (name.equals(ExportOptions.JOBS)) {
                jobs = ExportOptions.jobs(option.getValue(), ExportOptions.JOBS);
            } else if (name.equals(ALLOW_EDITED_SCRIPTS)) {
                allowEdited = switch (option.getValue().toLowerCase(Locale.ROOT)) {
                    case "true", "on", "1", "yes" -> true;
                    case "false", "off", "0", "no" -> false;
                    default -> throw FerryErrors.invalidParameter(ALLOW_EDITED_SCRIPTS + " must be true or false, got '"
                            + option.getValue() + "'");
                };
            } else {
                throw FerryErrors.invalidParameter("IMPORT DATABASE takes the options " + ALLOW_EDITED_SCRIPTS
                        + " and " + ExportOptions.JOBS + "; the format is read from the export's manifest. Given: "
                        + option.getKey());
            }
        }
        return new ImportOptions(allowEdited, jobs);
    }

    /** JOBS as given, else 1. */
    public int effectiveJobs() {
        return jobs == 0 ? 1 : jobs;
    }
}
