package dev.ferry.core.model.options;

import dev.ferry.core.FerryErrors;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;

/**
 * The options of IMPORT DATABASE. The data's format is read from the export's manifest; what the user says is whether
 * scripts edited since the export may run.
 *
 * @param allowEditedScripts whether schema.sql, load.sql and post-data.sql may differ from the checksums the manifest
 *                           records ({@code ALLOW_EDITED_SCRIPTS}): the user's own edits, which then run as written
 */
public record ImportOptions(boolean allowEditedScripts) {
    /** The option that lets edited scripts run. */
    public static final String ALLOW_EDITED_SCRIPTS = "ALLOW_EDITED_SCRIPTS";

    /** No option given: scripts must be those the export wrote. */
    public static final ImportOptions DEFAULTS = new ImportOptions(false);

    /** The options of an IMPORT DATABASE statement, by name (a bare option's value is {@code true}). */
    public static ImportOptions from(Map<String, String> options) throws SQLException {
        boolean allowEdited = false;
        for (Map.Entry<String, String> option : options.entrySet()) {
            if (!option.getKey().equalsIgnoreCase(ALLOW_EDITED_SCRIPTS)) {
                throw FerryErrors.invalidParameter("IMPORT DATABASE takes one option, " + ALLOW_EDITED_SCRIPTS
                        + "; the format is read from the export's manifest. Given: " + option.getKey());
            }
            allowEdited = switch (option.getValue().toLowerCase(Locale.ROOT)) {
                case "true", "on", "1", "yes" -> true;
                case "false", "off", "0", "no" -> false;
                default -> throw FerryErrors.invalidParameter(ALLOW_EDITED_SCRIPTS + " must be true or false, got '"
                        + option.getValue() + "'");
            };
        }
        return new ImportOptions(allowEdited);
    }
}
