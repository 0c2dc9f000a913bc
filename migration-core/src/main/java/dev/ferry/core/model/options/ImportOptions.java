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
 * @param resume             whether an import of the same export that was stopped before its end (its process killed,
 *                           its connection lost) and left its journal is continued where it stopped ({@code RESUME}),
 *                           rather than what it left removed and the import begun again
 */
public record ImportOptions(boolean allowEditedScripts, int jobs, boolean resume) {
    /** The option that lets edited scripts run. */
    public static final String ALLOW_EDITED_SCRIPTS = "ALLOW_EDITED_SCRIPTS";

    /** The option that continues a stopped import. */
    public static final String RESUME = "RESUME";

    /** No option given: scripts must be those the export wrote; one connection; a stopped import begun again. */
    public static final ImportOptions DEFAULTS = new ImportOptions(false, 0, false);

    public ImportOptions {
        if (jobs < 0 || jobs > ExportOptions.MAX_JOBS) {
            throw new IllegalArgumentException("jobs " + jobs);
        }
    }

    /** Whether edited scripts may run, on one connection. */
    public ImportOptions(boolean allowEditedScripts) {
        this(allowEditedScripts, 0, false);
    }

    /**
     * The options of VERIFY DATABASE, by name: {@code ALLOW_EDITED_SCRIPTS} alone.
     *
     * @throws SQLException (22023) for any other option, or a bad value
     */
    public static ImportOptions forVerify(Map<String, String> options) throws SQLException {
        for (String name : options.keySet()) {
            if (!StatementOption.named(name.toUpperCase(Locale.ROOT), StatementOption.Command.VERIFY)) {
                throw FerryErrors.invalidParameter("VERIFY DATABASE takes the option "
                        + StatementOption.names(StatementOption.Command.VERIFY) + " alone. Given: " + name);
            }
        }
        return from(options);
    }

    /** The options of an IMPORT DATABASE statement, by name (a bare option's value is {@code true}). */
    public static ImportOptions from(Map<String, String> options) throws SQLException {
        boolean allowEdited = false;
        boolean resume = false;
        int jobs = 0;
        for (Map.Entry<String, String> option : options.entrySet()) {
            String name = option.getKey().toUpperCase(Locale.ROOT);
            if (name.equals(ExportOptions.JOBS)) {
                jobs = ExportOptions.jobs(option.getValue(), ExportOptions.JOBS);
            } else if (name.equals(ALLOW_EDITED_SCRIPTS)) {
                allowEdited = bool(ALLOW_EDITED_SCRIPTS, option.getValue());
            } else if (name.equals(RESUME)) {
                resume = bool(RESUME, option.getValue());
            } else {
                throw FerryErrors.invalidParameter("IMPORT DATABASE takes the options "
                        + StatementOption.names(StatementOption.Command.IMPORT) + "; the format is read from the"
                        + " export's manifest. Given: " + option.getKey());
            }
        }
        return new ImportOptions(allowEdited, jobs, resume);
    }

    private static boolean bool(String option, String value) throws SQLException {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "on", "1", "yes" -> true;
            case "false", "off", "0", "no" -> false;
            default -> throw FerryErrors.invalidParameter(option + " must be true or false, got '" + value + "'");
        };
    }

    /** JOBS as given, else 1. */
    public int effectiveJobs() {
        return jobs == 0 ? 1 : jobs;
    }
}
