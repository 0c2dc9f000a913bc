package dev.ferry.core.model.schema;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name              the constraint's name
 * @param table             the referencing table
 * @param columns           the referencing columns, in key order
 * @param referencedTable   the referenced table
 * @param referencedColumns the referenced columns, in key order
 * @param onUpdate          the action on update as SQL ({@code CASCADE}, {@code SET NULL} ...), or null for the default
 * @param onDelete          the action on delete as SQL, or null for the default
 */
public record ForeignKey(String name, QualifiedName table, List<String> columns, QualifiedName referencedTable,
                         List<String> referencedColumns, String onUpdate, String onDelete) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
