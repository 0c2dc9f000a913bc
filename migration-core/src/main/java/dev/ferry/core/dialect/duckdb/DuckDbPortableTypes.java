package dev.ferry.core.dialect.duckdb;

import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's types in engine-neutral terms, and back: what an import from or into another engine maps through. Unsigned
 * integers are widened to the signed type that holds them (UINTEGER to BIGINT, UBIGINT to DECIMAL(20,0)); HUGEINT and
 * UHUGEINT, whose extremes have 39 digits, to DECIMAL(39,0).
 */
final class DuckDbPortableTypes {
    /** The widest DECIMAL DuckDB declares. */
    static final int MAX_DECIMAL_PRECISION = 38;
    private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\s*\\((\\d+)\\s*(?:,\\s*(\\d+))?\\)");

    private DuckDbPortableTypes() {
    }

    /** A column of DuckDB type {@code typeName} in engine-neutral terms. */
    static PortableType portable(String typeName) {
        String type = DuckDbTypes.normalized(typeName);
        if (DuckDbTypes.isList(type)) {
            return PortableType.array(portable(DuckDbTypes.elementType(typeName)), typeName);
        }
        Matcher decimal = DECIMAL.matcher(type);
        if (decimal.matches()) {
            return PortableType.decimal(Integer.parseInt(decimal.group(1)),
                    decimal.group(2) == null ? 0 : Integer.parseInt(decimal.group(2)), typeName);
        }
        if (DuckDbTypes.isComposite(type) || DuckDbTypes.isEnum(type)) {
            return PortableType.of(TypeFamily.OTHER, typeName);
        }
        return switch (type) {
            case "BOOLEAN", "BOOL", "LOGICAL" -> PortableType.of(TypeFamily.BOOLEAN, typeName);
            case "TINYINT", "INT1" -> PortableType.of(TypeFamily.TINYINT, typeName);
            case "SMALLINT", "INT2", "SHORT", "UTINYINT" -> PortableType.of(TypeFamily.SMALLINT, typeName);
            case "INTEGER", "INT4", "INT", "SIGNED", "USMALLINT" -> PortableType.of(TypeFamily.INTEGER, typeName);
            case "BIGINT", "INT8", "LONG", "UINTEGER" -> PortableType.of(TypeFamily.BIGINT, typeName);
            case "UBIGINT" -> PortableType.decimal(20, 0, typeName);
            case "HUGEINT", "INT128", "UHUGEINT", "UINT128" -> PortableType.decimal(39, 0, typeName);
            case "VARINT", "BIGNUM" -> PortableType.decimal(0, 0, typeName);
            case "DECIMAL", "NUMERIC" -> PortableType.decimal(18, 3, typeName);
            case "FLOAT", "FLOAT4", "REAL" -> PortableType.of(TypeFamily.REAL, typeName);
            case "DOUBLE", "FLOAT8" -> PortableType.of(TypeFamily.DOUBLE, typeName);
            case "VARCHAR", "CHAR", "BPCHAR", "TEXT", "STRING" -> PortableType.of(TypeFamily.TEXT, typeName);
            case "BLOB", "BYTEA", "BINARY", "VARBINARY" -> PortableType.of(TypeFamily.BLOB, typeName);
            case "DATE" -> PortableType.of(TypeFamily.DATE, typeName);
            case "TIME" -> PortableType.temporal(TypeFamily.TIME, 6, typeName);
            case "TIME WITH TIME ZONE", "TIMETZ" -> PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, 6, typeName);
            case "TIMESTAMP_S" -> PortableType.temporal(TypeFamily.TIMESTAMP, 0, typeName);
            case "TIMESTAMP_MS" -> PortableType.temporal(TypeFamily.TIMESTAMP, 3, typeName);
            case "TIMESTAMP", "DATETIME", "TIMESTAMP_US" -> PortableType.temporal(TypeFamily.TIMESTAMP, 6, typeName);
            case "TIMESTAMP_NS" -> PortableType.temporal(TypeFamily.TIMESTAMP, 9, typeName);
            case "TIMESTAMP WITH TIME ZONE", "TIMESTAMPTZ" ->
                    PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, 6, typeName);
            case "UUID" -> PortableType.of(TypeFamily.UUID, typeName);
            case "JSON" -> PortableType.of(TypeFamily.JSON, typeName);
            case "INTERVAL" -> PortableType.of(TypeFamily.INTERVAL, typeName);
            default -> PortableType.of(TypeFamily.OTHER, typeName);
        };
    }

    /** How DuckDB declares {@code type}, and what its values lose there. */
    static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("BOOLEAN");
            case TINYINT -> TargetType.exact("TINYINT");
            case SMALLINT -> TargetType.exact("SMALLINT");
            case INTEGER -> TargetType.exact("INTEGER");
            case BIGINT -> TargetType.exact("BIGINT");
            case DECIMAL -> decimal(type);
            case REAL -> TargetType.exact("REAL");
            case DOUBLE -> TargetType.exact("DOUBLE");
            // DuckDB's VARCHAR takes a length but does not enforce it; the values are kept as they are.
            case CHAR, VARCHAR, TEXT -> TargetType.exact("VARCHAR");
            case BINARY, VARBINARY, BLOB -> TargetType.exact("BLOB");
            case DATE -> TargetType.exact("DATE");
            case TIME -> microseconds("TIME", type);
            case TIME_WITH_TIME_ZONE -> microseconds("TIMETZ", type);
            case TIMESTAMP -> type.scale() > 6
                    ? TargetType.lossy("TIMESTAMP_NS", "nanosecond timestamps reach from 1677-09-22 to 2262-04-11;"
                            + " a value outside that range is refused")
                    : TargetType.exact("TIMESTAMP");
            case TIMESTAMP_WITH_TIME_ZONE -> {
                TargetType timestamp = microseconds("TIMESTAMPTZ", type);
                yield TargetType.lossy(timestamp.sql(), "DuckDB keeps the instant of each value, not its offset (it"
                        + " comes back in UTC)" + (timestamp.isLossy() ? "; " + timestamp.loss() : ""));
            }
            case UUID -> TargetType.exact("UUID");
            case JSON -> TargetType.exact("JSON");
            case INTERVAL -> TargetType.exact("INTERVAL");
            case ARRAY -> {
                TargetType element = declare(type.element());
                yield new TargetType(element.sql() + "[]", element.loss());
            }
            case OTHER -> StandardTypes.keptAsText("VARCHAR", type);
        };
    }

    private static TargetType decimal(PortableType type) {
        if (!type.hasLength()) {
            return TargetType.lossy("VARCHAR", "DuckDB has no DECIMAL without a precision: its values are kept as text");
        }
        if (type.length() > MAX_DECIMAL_PRECISION) {
            return TargetType.lossy("VARCHAR", "DuckDB's DECIMAL holds at most " + MAX_DECIMAL_PRECISION + " digits, "
                    + type.describe() + " has " + type.length() + ": its values are kept as text");
        }
        return TargetType.exact("DECIMAL(" + type.length() + ", " + type.scale() + ")");
    }

    /** TIME, TIMETZ and TIMESTAMPTZ hold microseconds: finer fractions are cut. */
    private static TargetType microseconds(String sql, PortableType type) {
        return type.scale() > 6
                ? TargetType.lossy(sql, "DuckDB keeps microseconds: the digits of " + type.describe() + " beyond six"
                        + " are cut")
                : TargetType.exact(sql);
    }
}
