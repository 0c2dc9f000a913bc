package dev.ferry.core.model.options;

/**
 * What an export holds: the schema and the data (the default), the schema alone ({@code SCHEMA_ONLY}, as pg_dump's
 * {@code --schema-only}) or the data alone ({@code DATA_ONLY}, as {@code --data-only}, for a database that has the
 * schema).
 */
public enum ExportContents {
    /** Scripts, schema.json and a data file per table. */
    ALL(null),
    /** The scripts and schema.json, no data files; load.sql loads nothing. */
    SCHEMA_ONLY("schema"),
    /** The data files and load.sql, with the sequences' positions; schema.sql creates nothing. */
    DATA_ONLY("data");

    private final String manifestValue;

    ExportContents(String manifestValue) {
        this.manifestValue = manifestValue;
    }

    /** How the manifest records it ({@code "contents"}): null (left out) for {@link #ALL}. */
    public String manifestValue() {
        return manifestValue;
    }

    /** The contents a manifest records ({@link #manifestValue}), null (an older manifest, or both) being ALL. */
    public static ExportContents ofManifest(String value) {
        for (ExportContents contents : values()) {
            if (contents.manifestValue != null && contents.manifestValue.equals(value)) {
                return contents;
            }
        }
        return ALL;
    }

    /** Whether the export holds data files. */
    public boolean hasData() {
        return this != SCHEMA_ONLY;
    }

}
