package dev.ferry.core.model.schema;

import java.io.Serializable;

/**
 * An identity (auto-increment) column's generator.
 *
 * @param always    whether the engine refuses explicit values (GENERATED ALWAYS) rather than taking them
 * @param start     the first value the generator was declared with
 * @param increment the step between values
 * @param next      the value the next insert would get
 */
public record Identity(boolean always, long start, long increment, long next) implements Serializable {
}
