package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.DataColumn;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The columns of a data file, with their DuckDB types, matched to the columns a caller loads them into: by name, the
 * same name else the only one differing in case alone (a target engine may name {@code id} {@code ID}), in any order.
 */
final class FileColumns {
    private final List<String> names;
    private final List<DuckDbType> types;
    private final List<DataColumn> requested;
    private final int[] fields;

    private FileColumns(List<String> names, List<DuckDbType> types, List<DataColumn> requested, int[] fields) {
        this.names = names;
        this.types = types;
        this.requested = requested;
        this.fields = fields;
    }

    /**
     * @param file      the file's name, for errors
     * @param names     the file's columns, in order
     * @param types     their types
     * @param requested the columns the values are read for, each with the kind wanted
     * @throws SQLException (22000) where the two do not name the same columns
     */
    static FileColumns match(String file, List<String> names, List<DuckDbType> types, List<DataColumn> requested)
            throws SQLException {
        int[] fields = new int[requested.size()];
        Set<Integer> taken = new HashSet<>();
        for (int i = 0; i < fields.length; i++) {
            String name = requested.get(i).name();
            int field = names.indexOf(name);
            if (field < 0) {
                List<Integer> alike = IntStream.range(0, names.size())
                        .filter(j -> names.get(j).equalsIgnoreCase(name)).boxed().toList();
                field = alike.size() == 1 ? alike.get(0) : -1;
            }
            if (field < 0 || !taken.add(field) || requested.size() != names.size()) {
                throw FerryErrors.data(file + " holds the columns " + names + " but the columns to load are "
                        + requested.stream().map(DataColumn::name).toList());
            }
            fields[i] = field;
        }
        return new FileColumns(List.copyOf(names), List.copyOf(types), List.copyOf(requested), fields);
    }

    /** The file's column names, in order. */
    List<String> names() {
        return names;
    }

    /** How many columns the file has. */
    int size() {
        return names.size();
    }

    /** How many columns are read. */
    int requestedSize() {
        return requested.size();
    }

    /** The file's column read for requested column {@code requested}. */
    int fieldOf(int requested) {
        return fields[requested];
    }

    DataColumn requested(int requested) {
        return this.requested.get(requested);
    }

    DuckDbType type(int field) {
        return types.get(field);
    }

    String lowerCaseName(int field) {
        return names.get(field).toLowerCase(Locale.ROOT);
    }
}
