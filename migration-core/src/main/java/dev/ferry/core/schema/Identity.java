package dev.ferry.core.schema;

/**
 * An identity (auto-increment) column's generator.
 *
 * @param always    whether the engine refuses explicit values (GENERATED ALWAYS) rather than taking them
 * @param next      the value the next insert would get
 * @param increment the step between values
 */
public record Identity(boolean always, long next, long increment) {
}
