package dev.ferry.core.dialect;

import dev.ferry.core.value.ValueKind;
import java.util.List;

/**
 * The table a data file is loaded into, as the target database declares it.
 *
 * @param table     the table as SQL, as the load script names it
 * @param names     the columns' names, as the data file's header has them
 * @param sqlNames  the columns as SQL
 * @param kinds     how each column's values are carried
 * @param jdbcTypes each column's {@link java.sql.Types} code
 */
public record LoadTarget(String table, List<String> names, List<String> sqlNames, List<ValueKind> kinds,
                         int[] jdbcTypes) {
}
