package dev.ferry.core.operation.script;

import dev.ferry.core.FerryVersion;
import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.model.manifest.ExportLayout;
import java.util.Map;

/** The comment a script starts with, by the script's name ({@link ExportLayout}). */
@FunctionalInterface
public interface ScriptHeader {

    /** The header of the script called {@code name}, ending in an empty line. */
    String of(String name);

    /**
     * The headers of an export's scripts: what each script is for, and where it came from.
     *
     * @param database      the source database's product name and version, as its driver tells them
     * @param dialect       the source's dialect
     * @param scriptDialect the dialect the scripts are written for: {@code dialect}, or the one DIALECT names
     */
    static ScriptHeader exported(String database, Dialect dialect, Dialect scriptDialect) {
        Map<String, String> purposes = Map.of(
                ExportLayout.SCHEMA, "Schema: run by IMPORT DATABASE before the data",
                ExportLayout.LOAD, "Data: one COPY per table, run by IMPORT DATABASE",
                ExportLayout.POST_DATA, "After the data: identities, keys, indexes, foreign keys");
        String origin = "-- Written by Ferry " + FerryVersion.get() + " from " + database + " (dialect " + dialect.name()
                + ")" + (scriptDialect == dialect ? "" : " for " + scriptDialect.name()) + ".\n\n";
        return name -> "-- " + purposes.get(name) + ".\n" + origin;
    }

    /**
     * The one header of the scripts IMPORT DATABASE writes for its target from another engine's export.
     *
     * @param source what the export came from: its dialect's name, or a description such as DuckDB's own export
     */
    static ScriptHeader translated(String source, Dialect target) {
        String header = "-- Translated by Ferry " + FerryVersion.get() + " from " + source + " for " + target.name()
                + ".\n\n";
        return name -> header;
    }
}
