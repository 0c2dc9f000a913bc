package dev.ferry.core.model.options;

import java.util.Locale;

/**
 * Which Parquet types carry the values whose exact logical type not every reader takes: the PARQUET_TYPES option.
 * Either choice is read back exactly by IMPORT and COPY.
 */
public enum ParquetTypes {
    /**
     * The Parquet specification's logical types, as DuckDB writes and reads them: UUID, TIME (MICROS or NANOS, local
     * or UTC), TIMESTAMP in NANOS.
     */
    DUCKDB,
    /**
     * Only types Spark 3.5 reads: UUID as its 36-character text, TIME(0-6) as {@code int64} microseconds of the day
     * with no logical type, and the text form for TIME WITH TIME ZONE and for times and timestamps with more than six
     * fractional digits.
     */
    SPARK;

    /** The option's name. */
    public static final String OPTION = "PARQUET_TYPES";

    /** The name as written in options: {@code duckdb}, {@code spark}. */
    public String optionValue() {
        return name().toLowerCase(Locale.ROOT);
    }
}
