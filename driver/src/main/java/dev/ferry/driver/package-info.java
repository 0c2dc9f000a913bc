/**
 * Ferry's JDBC surface: {@link dev.ferry.driver.FerryDriver} accepts {@code jdbc:ferry:<rest>}, connects to
 * {@code jdbc:<rest>} through the database's own driver and hands out wrappers that pass every statement through
 * untouched, except {@code EXPORT DATABASE} and {@code IMPORT DATABASE}, which Ferry runs itself.
 *
 * <p>Every object reached from a Ferry connection (statements, result sets, database metadata) is wrapped, so
 * {@code getConnection()} and {@code getStatement()} always lead back to Ferry's objects, never to the database
 * driver's; {@code unwrap} reaches the driver's vendor interfaces on request.
 */
package dev.ferry.driver;
