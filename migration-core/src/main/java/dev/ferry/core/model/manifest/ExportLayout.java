package dev.ferry.core.model.manifest;

/** The names of the scripts in an export directory. */
public final class ExportLayout {
    /** Schemas and tables with their columns, primary keys and unique keys: run before the data. */
    public static final String SCHEMA = "schema.sql";
    /** One {@code COPY <table> FROM '<file>'} per table. */
    public static final String LOAD = "load.sql";
    /** Identity positions, indexes and foreign keys: run after the data. */
    public static final String POST_DATA = "post-data.sql";

    private ExportLayout() {
    }
}
