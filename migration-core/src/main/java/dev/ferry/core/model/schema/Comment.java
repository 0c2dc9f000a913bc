package dev.ferry.core.model.schema;

/**
 * A comment on a table or on one of its columns.
 *
 * @param table  the table
 * @param column the column, or null for a comment on the table itself
 * @param text   the comment
 */
public record Comment(QualifiedName table, String column, String text) {
}
