/**
 * Client-side {@code COPY}: a table's or a query's rows written to a file on the machine running Ferry
 * ({@link dev.ferry.core.operation.copying.CopyToFile}), and such a file loaded into a table
 * ({@link dev.ferry.core.operation.copying.CopyFromFile}), whatever the database server and wherever it runs. Files are written
 * and read by the same formats, value kinds and bulk loader as EXPORT and IMPORT DATABASE.
 */
package dev.ferry.core.operation.copying;
