/**
 * Directories written by DuckDB's own {@code EXPORT DATABASE}, read into Ferry's model
 * ({@link dev.ferry.core.dialect.duckdb.export.DuckDbExport}): {@code schema.sql} and {@code load.sql} parsed token by
 * token as DuckDB writes them (its mistakes put right where they can be), and its CSV and Parquet data files read value
 * by value in DuckDB's own text forms, as the kinds a target table asks for.
 */
package dev.ferry.core.dialect.duckdb.export;
