package dev.ferry.core.model.schema;

import java.io.Serializable;
import java.util.List;

/**
 * A primary key or unique constraint.
 *
 * @param name    the constraint's name, or null when the engine gives none
 * @param columns its columns in key order
 */
public record KeyConstraint(String name, List<String> columns) implements Serializable {

    public KeyConstraint {
        columns = List.copyOf(columns);
    }
}
