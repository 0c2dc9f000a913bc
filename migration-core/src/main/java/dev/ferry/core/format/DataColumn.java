package dev.ferry.core.format;

import dev.ferry.core.value.ValueKind;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A column of a data file: its name, how its values are carried, and the precision and scale its type declares,
 * which a typed format (Parquet) writes into the file's schema.
 *
 * @param name      the column's name
 * @param kind      how values are read, written and bound
 * @param precision decimal digits of a DECIMAL, or 0 where unknown or unlimited
 * @param scale     digits after the decimal point of a DECIMAL, or fractional-second digits of a time type
 */
public record DataColumn(String name, ValueKind kind, int precision, int scale) {

    /** A column whose precision and scale are not known (reading needs none: the file declares them). */
    public static DataColumn of(String name, ValueKind kind) {
        return new DataColumn(name, kind, 0, 0);
    }

    /** The columns of a query result, with the names given and the kinds the dialect chose. */
    public static List<DataColumn> of(List<String> names, List<ValueKind> kinds, ResultSetMetaData metaData)
            throws SQLException {
        List<DataColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(new DataColumn(names.get(i), kinds.get(i), metaData.getPrecision(i + 1),
                    metaData.getScale(i + 1)));
        }
        return List.copyOf(columns);
    }

    /** Columns with names and kinds only. */
    public static List<DataColumn> of(List<String> names, List<ValueKind> kinds) {
        List<DataColumn> columns = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            columns.add(of(names.get(i), kinds.get(i)));
        }
        return List.copyOf(columns);
    }
}
