package dev.ferry.core.model.manifest;

/** The names of the scripts and of the data folder in an export directory. */
public final class ExportLayout {
    /** Schemas and tables with their columns, primary keys and unique keys: run before the data. */
    public static final String SCHEMA = "schema.sql";
    /** One {@code COPY <table> FROM '<file>'} per table. */
    public static final String LOAD = "load.sql";
    /** Identity positions, indexes and foreign keys: run after the data. */
    public static final String POST_DATA = "post-data.sql";
    /**
     * The folder holding the data: a folder of its own per table, {@code data/<schema>.<table>/part-0001.csv}, so
     * that Spark, DuckDB's {@code read_parquet} and pyarrow read a table's folder as a data set. Exports of earlier
     * Ferry versions have their data files beside the scripts instead; their manifest and load script name them so.
     */
    public static final String DATA = "data";

    private ExportLayout() {
    }
}
