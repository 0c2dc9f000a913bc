package dev.ferry.core.model.schema;

import java.util.List;

/**
 * An index that is not the engine's own support for a key.
 *
 * @param name    the index's name
 * @param table   its table
 * @param unique  whether it is unique
 * @param columns    its columns, in order (empty when only its definition is known, or when the index is more than
 *                   its columns)
 * @param definition the complete CREATE INDEX statement as the engine writes it, or null to build one from the
 *                   columns; where both are given, the statement is the engine's own (as an import into the same
 *                   engine runs it) and the columns are what another engine creates the index from
 */
public record Index(String name, QualifiedName table, boolean unique, List<IndexColumn> columns, String definition) {

    public Index {
        columns = List.copyOf(columns);
    }

    /**
     * One column of an index.
     *
     * @param name         the column's name
     * @param descending   whether it is sorted in descending order
     * @param prefixLength how many leading characters (or bytes) of the value the index holds, or 0 for all of it
     *                     (MariaDB and MySQL index prefixes of long values)
     */
    public record IndexColumn(String name, boolean descending, int prefixLength) {

        /** A column indexed whole. */
        public IndexColumn(String name, boolean descending) {
            this(name, descending, 0);
        }
    }
}
