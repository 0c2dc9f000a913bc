package dev.ferry.core.model.schema;

import java.io.Serializable;

/**
 * A table's name with its schema.
 *
 * @param schema the schema, or null where the engine has none
 * @param name   the table's own name
 */
public record QualifiedName(String schema, String name) implements Serializable {

    /** The name as a person reads it: {@code schema.name}, unquoted. */
    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
