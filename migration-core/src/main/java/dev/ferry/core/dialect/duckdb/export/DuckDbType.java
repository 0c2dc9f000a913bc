package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A column type as DuckDB names it, described as DuckDB's JDBC driver (1.4) describes a live column of that type in
 * {@link java.sql.DatabaseMetaData#getColumns}, and the kind Ferry reads its values as.
 *
 * @param name     DuckDB's own name of the type, as its catalog reports it: {@code DECIMAL(18,4)},
 *                 {@code TIMESTAMP WITH TIME ZONE}, {@code INTEGER[]}, {@code ENUM('a', 'b')}
 * @param jdbcType the {@link Types} code the driver reports (DATA_TYPE): {@code OTHER} for the types it has no code
 *                 for, such as HUGEINT, UBIGINT, UUID, JSON, INTERVAL, lists and TIMESTAMP_NS
 * @param size     COLUMN_SIZE as the driver reports it (the numeric precision: bits of an integer or float type,
 *                 digits of a DECIMAL); 0 where it reports none
 * @param scale    DECIMAL_DIGITS as the driver reports it; 0 where it reports none
 * @param kind     how Ferry carries the type's values
 * @param element  the element type of a list ({@code T[]}) or array ({@code T[n]}), else null
 */
record DuckDbType(String name, int jdbcType, int size, int scale, ValueKind kind, DuckDbType element) {

    private static final Map<String, DuckDbType> SIMPLE = new HashMap<>();

    static {
        simple("BOOLEAN", Types.BOOLEAN, 0, ValueKind.BOOLEAN, "BOOL", "LOGICAL");
        simple("TINYINT", Types.TINYINT, 8, ValueKind.INTEGER, "INT1");
        simple("SMALLINT", Types.SMALLINT, 16, ValueKind.INTEGER, "INT2", "SHORT", "INT16");
        simple("INTEGER", Types.INTEGER, 32, ValueKind.INTEGER, "INT", "INT4", "SIGNED", "INT32");
        simple("BIGINT", Types.BIGINT, 64, ValueKind.BIGINT, "INT8", "LONG", "INT64");
        simple("HUGEINT", Types.OTHER, 128, ValueKind.DECIMAL, "INT128");
        // The driver reports the unsigned types with the code of the next wider signed type, and no size.
        simple("UTINYINT", Types.SMALLINT, 0, ValueKind.INTEGER, "UINT8");
        simple("USMALLINT", Types.INTEGER, 0, ValueKind.INTEGER, "UINT16");
        simple("UINTEGER", Types.BIGINT, 0, ValueKind.BIGINT, "UINT32");
        simple("UBIGINT", Types.OTHER, 0, ValueKind.DECIMAL, "UINT64");
        simple("UHUGEINT", Types.OTHER, 0, ValueKind.DECIMAL, "UINT128");
        simple("BIGNUM", Types.OTHER, 0, ValueKind.DECIMAL, "VARINT");
        simple("FLOAT", Types.FLOAT, 24, ValueKind.REAL, "FLOAT4", "REAL");
        simple("DOUBLE", Types.DOUBLE, 53, ValueKind.DOUBLE, "FLOAT8", "DOUBLE PRECISION");
        simple("VARCHAR", Types.VARCHAR, 0, ValueKind.STRING, "CHAR", "BPCHAR", "TEXT", "STRING", "NVARCHAR",
                "CHARACTER", "CHARACTER VARYING");
        simple("BLOB", Types.BLOB, 0, ValueKind.BINARY, "BYTEA", "BINARY", "VARBINARY");
        simple("DATE", Types.DATE, 0, ValueKind.DATE);
        simple("TIME", Types.TIME, 0, ValueKind.TIME, "TIME WITHOUT TIME ZONE");
        simple("TIME_NS", Types.OTHER, 0, ValueKind.TIME);
        simple("TIME WITH TIME ZONE", Types.TIME_WITH_TIMEZONE, 0, ValueKind.TIME_WITH_TIME_ZONE, "TIMETZ");
        simple("TIMESTAMP", Types.TIMESTAMP, 0, ValueKind.TIMESTAMP, "DATETIME", "TIMESTAMP_US",
                "TIMESTAMP WITHOUT TIME ZONE");
        simple("TIMESTAMP_S", Types.OTHER, 0, ValueKind.TIMESTAMP);
        simple("TIMESTAMP_MS", Types.OTHER, 0, ValueKind.TIMESTAMP);
        simple("TIMESTAMP_NS", Types.OTHER, 0, ValueKind.TIMESTAMP);
        simple("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 0, ValueKind.TIMESTAMP_WITH_TIME_ZONE,
                "TIMESTAMPTZ");
        simple("UUID", Types.OTHER, 0, ValueKind.UUID, "GUID");
        simple("JSON", Types.OTHER, 0, ValueKind.JSON);
        // DuckDB's own text forms: its interval and bit string literals, which DuckDB (and PostgreSQL) read back.
        simple("INTERVAL", Types.OTHER, 0, ValueKind.ENGINE_TEXT);
        simple("BIT", Types.BIT, 0, ValueKind.ENGINE_TEXT, "BITSTRING");
    }

    private static void simple(String name, int jdbcType, int size, ValueKind kind, String... aliases) {
        DuckDbType type = new DuckDbType(name, jdbcType, size, 0, kind, null);
        SIMPLE.put(name, type);
        for (String alias : aliases) {
            SIMPLE.put(alias, type);
        }
    }

    /** Whether values of this type are lists or arrays. */
    boolean isList() {
        return element != null;
    }

    /**
     * Whether the type is or holds a STRUCT, MAP or UNION, whose values Ferry carries in DuckDB's text form only:
     * its Parquet reader does not read them.
     */
    boolean isNested() {
        if (element != null) {
            return element.isList() || element.isNested();
        }
        return kind == ValueKind.ENGINE_TEXT && !name.equals("INTERVAL") && !name.equals("BIT");
    }

    /**
     * The type DuckDB declares with {@code text} (as its export writes it, or with one of its aliases), or null where
     * Ferry does not know it.
     *
     * @param userTypes the types created with CREATE TYPE, by name as written (quotes removed) in upper case: the
     *                  type they stand for, or null
     */
    static DuckDbType parse(String text, Function<String, DuckDbType> userTypes) {
        String type = text.strip();
        if (type.endsWith("]")) {
            int open = type.lastIndexOf('[');
            if (open <= 0) {
                return null;
            }
            DuckDbType element = parse(type.substring(0, open), userTypes);
            if (element == null) {
                return null;
            }
            String bounds = type.substring(open + 1, type.length() - 1).strip();
            if (!bounds.isEmpty() && !bounds.chars().allMatch(Character::isDigit)) {
                return null;
            }
            return new DuckDbType(element.name() + "[" + bounds + "]", Types.OTHER, 0, 0, ValueKind.ARRAY, element);
        }
        int parenthesis = type.indexOf('(');
        String base = (parenthesis < 0 ? type : type.substring(0, parenthesis)).strip().replaceAll("\\s+", " ")
                .toUpperCase(Locale.ROOT);
        String arguments = null;
        if (parenthesis >= 0) {
            if (!type.endsWith(")")) {
                return null;
            }
            arguments = type.substring(parenthesis + 1, type.length() - 1).strip();
        }
        if (arguments == null && base.startsWith("\"") && base.endsWith("\"") && base.length() > 1) {
            return userTypes.apply(type.substring(1, type.length() - 1).replace("\"\"", "\"").toUpperCase(Locale.ROOT));
        }
        switch (base) {
            case "DECIMAL", "NUMERIC" -> {
                return decimal(arguments);
            }
            case "ENUM" -> {
                return arguments == null ? null
                        : new DuckDbType("ENUM(" + arguments + ")", Types.OTHER, 0, 0, ValueKind.STRING, null);
            }
            case "STRUCT", "ROW" -> {
                return arguments == null ? null
                        : new DuckDbType("STRUCT(" + arguments + ")", Types.STRUCT, 0, 0, ValueKind.ENGINE_TEXT, null);
            }
            case "MAP", "UNION" -> {
                return arguments == null ? null
                        : new DuckDbType(base + "(" + arguments + ")", Types.OTHER, 0, 0, ValueKind.ENGINE_TEXT, null);
            }
            default -> {
                DuckDbType simple = SIMPLE.get(base);
                if (simple != null) {
                    // VARCHAR(10) and the like: DuckDB keeps no length.
                    return arguments == null || simple.kind() == ValueKind.STRING ? simple : null;
                }
                return arguments == null ? userTypes.apply(base) : null;
            }
        }
    }

    /** DECIMAL(p,s); DuckDB's DECIMAL without a width is DECIMAL(18,3), with a precision alone a scale of 0. */
    private static DuckDbType decimal(String arguments) {
        int precision = 18;
        int scale = 3;
        if (arguments != null) {
            String[] parts = arguments.split(",");
            try {
                precision = Integer.parseInt(parts[0].strip());
                scale = parts.length > 1 ? Integer.parseInt(parts[1].strip()) : 0;
            } catch (NumberFormatException e) {
                return null;
            }
            if (parts.length > 2 || precision < 1 || precision > 38 || scale < 0 || scale > precision) {
                return null;
            }
        }
        return new DuckDbType("DECIMAL(" + precision + "," + scale + ")", Types.DECIMAL, precision, scale,
                ValueKind.DECIMAL, null);
    }
}
