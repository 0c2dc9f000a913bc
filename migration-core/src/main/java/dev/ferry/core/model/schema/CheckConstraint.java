package dev.ferry.core.model.schema;

import java.io.Serializable;

/**
 * A CHECK constraint.
 *
 * @param name       the constraint's name
 * @param definition the whole constraint as the engine writes it: {@code CHECK (<condition>)}
 */
public record CheckConstraint(String name, String definition) implements Serializable {
}
