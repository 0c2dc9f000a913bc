package dev.ferry.core.schema;

/**
 * A column as the engine's catalog declares it, where the dialect reads it there rather than through
 * {@link java.sql.DatabaseMetaData} (which, for instance, reports a column of a NOT NULL domain as NOT NULL itself).
 *
 * @param type    the type exactly as written in DDL
 * @param notNull whether the column itself is declared NOT NULL
 */
public record ColumnDeclaration(String type, boolean notNull) {
}
