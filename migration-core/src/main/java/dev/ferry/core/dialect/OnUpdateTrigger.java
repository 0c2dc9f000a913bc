package dev.ferry.core.dialect;

/**
 * What stands in for another engine's {@code ON UPDATE} clause where the target has triggers instead
 * ({@link Dialect#onUpdateTrigger}).
 *
 * @param routine the routine the trigger runs, a CREATE statement created with the schema
 * @param trigger the CREATE TRIGGER statement, run after the data
 */
public record OnUpdateTrigger(String routine, String trigger) {
}
