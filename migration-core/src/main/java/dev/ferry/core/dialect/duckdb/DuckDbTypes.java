package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.util.Locale;
import java.util.Set;

/**
 * DuckDB's type names, as its catalog ({@code duckdb_columns().data_type}) and its JDBC driver write them: how values
 * of each are carried, and how an export selects a column of each so that both drivers (0.8.1 and 1.x) hand its values
 * over exactly.
 */
final class DuckDbTypes {
    private static final Set<String> SMALL_INTEGERS = Set.of("TINYINT", "INT1", "SMALLINT", "INT2", "SHORT", "INTEGER",
            "INT4", "INT", "SIGNED", "UTINYINT", "USMALLINT");
    private static final Set<String> BIG_INTEGERS = Set.of("BIGINT", "INT8", "LONG", "UINTEGER");
    private static final Set<String> WIDE_INTEGERS = Set.of("HUGEINT", "INT128", "UHUGEINT", "UINT128", "UBIGINT");
    /** Integers of any length (DuckDB 1.1's VARINT, called BIGNUM since 1.4). */
    private static final Set<String> UNBOUNDED_INTEGERS = Set.of("VARINT", "BIGNUM");
    private static final Set<String> TIMESTAMPS = Set.of("TIMESTAMP", "DATETIME", "TIMESTAMP_US", "TIMESTAMP_S",
            "TIMESTAMP_MS", "TIMESTAMP_NS");

    private DuckDbTypes() {
    }

    /** The name in upper case, without surrounding space. */
    static String normalized(String typeName) {
        return typeName == null ? "" : typeName.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether the type is a LIST ({@code INTEGER[]}) or a fixed-size ARRAY ({@code INTEGER[3]}). */
    static boolean isList(String typeName) {
        return normalized(typeName).endsWith("]");
    }

    /** The element type of a list: {@code INTEGER[][]} gives {@code INTEGER[]}. */
    static String elementType(String typeName) {
        String type = typeName.strip();
        return type.substring(0, type.lastIndexOf('[')).strip();
    }

    /** Whether the type nests named fields or alternatives: STRUCT, MAP, UNION. */
    static boolean isComposite(String typeName) {
        String type = normalized(typeName);
        return type.startsWith("STRUCT") || type.startsWith("MAP") || type.startsWith("UNION");
    }

    /** Whether the type is an ENUM, named ({@code ENUM} in results) or written out ({@code ENUM('a', 'b')}). */
    static boolean isEnum(String typeName) {
        String type = normalized(typeName);
        return type.equals("ENUM") || type.startsWith("ENUM(");
    }

    /** The kind that carries values of the type; by {@link ValueKind#of} for a name DuckDB does not define. */
    static ValueKind valueKind(int jdbcType, String typeName) {
        String type = normalized(typeName);
        String base = type.replaceFirst("\\(.*", "").strip();
        if (isList(type)) {
            return ValueKind.ARRAY;
        }
        if (isComposite(type)) {
            return ValueKind.OTHER;
        }
        if (isEnum(type)) {
            return ValueKind.STRING;
        }
        if (SMALL_INTEGERS.contains(base)) {
            return ValueKind.INTEGER;
        }
        if (BIG_INTEGERS.contains(base)) {
            return ValueKind.BIGINT;
        }
        if (WIDE_INTEGERS.contains(base) || base.equals("DECIMAL") || base.equals("NUMERIC")) {
            return ValueKind.DECIMAL;
        }
        if (TIMESTAMPS.contains(base)) {
            return ValueKind.TIMESTAMP;
        }
        return switch (base) {
            case "BOOLEAN", "BOOL", "LOGICAL" -> ValueKind.BOOLEAN;
            case "FLOAT", "REAL", "FLOAT4" -> ValueKind.REAL;
            case "DOUBLE", "FLOAT8" -> ValueKind.DOUBLE;
            case "VARCHAR", "CHAR", "BPCHAR", "TEXT", "STRING" -> ValueKind.STRING;
            case "BLOB", "BYTEA", "BINARY", "VARBINARY" -> ValueKind.BINARY;
            case "DATE" -> ValueKind.DATE;
            case "TIME" -> ValueKind.TIME;
            case "TIME WITH TIME ZONE", "TIMETZ" -> ValueKind.TIME_WITH_TIME_ZONE;
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" -> ValueKind.TIMESTAMP_WITH_TIME_ZONE;
            case "UUID" -> ValueKind.UUID;
            case "JSON" -> ValueKind.JSON;
            // DuckDB's text of these is what it reads back, in 0.8.1 as in 1.x.
            case "INTERVAL", "BIT", "BITSTRING", "VARINT", "BIGNUM" -> ValueKind.ENGINE_TEXT;
            default -> ValueKind.of(jdbcType, typeName);
        };
    }

    /**
     * The type an export converts a column of {@code typeName} to, in SQL, or null to select it as it is. The drivers
     * report unsigned integers under codes their values overflow, HUGEINT as a 38-digit decimal (it has 39), and the
     * second and millisecond timestamps with bugs at their infinities. A list becomes a list of its elements' text in
     * DuckDB's own words (a nested list's elements are lists, as text), which DuckDB casts back to the element type;
     * STRUCT, MAP and UNION values become DuckDB's text of the whole value.
     */
    static String exportedType(String typeName) {
        String type = normalized(typeName);
        if (isList(type)) {
            return "VARCHAR[]";
        }
        if (isComposite(type)) {
            return "VARCHAR";
        }
        return switch (type) {
            case "UTINYINT" -> "SMALLINT";
            case "USMALLINT" -> "INTEGER";
            case "UINTEGER" -> "BIGINT";
            case "UBIGINT" -> "DECIMAL(20,0)";
            case "HUGEINT", "UHUGEINT", "VARINT", "BIGNUM" -> "VARCHAR";
            case "TIMESTAMP_S", "TIMESTAMP_MS" -> "TIMESTAMP";
            default -> null;
        };
    }

    /** The {@link Types} code for a column of the type, as close as the code can say. */
    static int jdbcType(String typeName) {
        String type = normalized(typeName);
        if (isList(type)) {
            return Types.ARRAY;
        }
        if (type.startsWith("STRUCT")) {
            return Types.STRUCT;
        }
        if (type.startsWith("DECIMAL") || type.startsWith("NUMERIC")) {
            return Types.DECIMAL;
        }
        return switch (type) {
            case "BOOLEAN" -> Types.BOOLEAN;
            case "TINYINT" -> Types.TINYINT;
            case "SMALLINT", "UTINYINT" -> Types.SMALLINT;
            case "INTEGER", "USMALLINT" -> Types.INTEGER;
            case "BIGINT", "UINTEGER" -> Types.BIGINT;
            case "FLOAT" -> Types.REAL;
            case "DOUBLE" -> Types.DOUBLE;
            case "VARCHAR" -> Types.VARCHAR;
            case "BLOB" -> Types.BLOB;
            case "DATE" -> Types.DATE;
            case "TIME" -> Types.TIME;
            case "TIME WITH TIME ZONE" -> Types.TIME_WITH_TIMEZONE;
            case "TIMESTAMP", "TIMESTAMP_S", "TIMESTAMP_MS", "TIMESTAMP_NS" -> Types.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> Types.TIMESTAMP_WITH_TIMEZONE;
            default -> Types.OTHER;
        };
    }
}
