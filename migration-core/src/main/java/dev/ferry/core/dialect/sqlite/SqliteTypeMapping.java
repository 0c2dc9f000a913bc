package dev.ferry.core.dialect.sqlite;

import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;

/**
 * SQLite's declared types in engine-neutral terms and back, for imports across engines.
 *
 * <p>Reading: a declared type's name, by the usual names first, then by SQLite's affinity rules; {@code INTEGER} is
 * BIGINT (SQLite's integers have 64 bits, and an INTEGER PRIMARY KEY is the 64-bit rowid), {@code INT} INTEGER,
 * {@code REAL} DOUBLE (SQLite's reals have 64 bits). A column without a type, or {@code ANY}, or of a name with
 * NUMERIC affinity that is none of those below, is OTHER: its values travel in SQLite's literal form.
 *
 * <p>Declaring: each family under a name that reads back as the same family and whose affinity keeps its values
 * exactly. Exact decimals are declared {@code DECIMAL_TEXT(p,s)}: the name holds {@code TEXT}, so SQLite keeps their
 * text, where a {@code DECIMAL} (NUMERIC affinity) would turn {@code 1.10} into the double 1.1 and lose digits
 * beyond the 15th. JSON is {@code JSON_TEXT} for the same reason (NUMERIC affinity would turn the document {@code 1.50}
 * into 1.5).
 */
final class SqliteTypeMapping {
    private static final String FLOATING_POINT_LOSS = "SQLite stores NaN as NULL and -0.0 as 0.0";

    private SqliteTypeMapping() {
    }

    /** The portable type of a column declared {@code declared}; {@code sourceName} names it in messages. */
    static PortableType portable(SqliteDeclaredType declared, String sourceName) {
        int length = declared.length();
        int scale = declared.scale();
        return switch (declared.name()) {
            case "", "ANY" -> PortableType.of(TypeFamily.OTHER, sourceName.isEmpty() ? "(no type)" : sourceName);
            case "BOOL", "BOOLEAN" -> PortableType.of(TypeFamily.BOOLEAN, sourceName);
            case "TINYINT", "INT1" -> PortableType.of(TypeFamily.TINYINT, sourceName);
            case "SMALLINT", "INT2" -> PortableType.of(TypeFamily.SMALLINT, sourceName);
            case "INT", "INT4", "MEDIUMINT" -> PortableType.of(TypeFamily.INTEGER, sourceName);
            case "INTEGER", "BIGINT", "INT8", "UNSIGNED BIG INT" -> PortableType.of(TypeFamily.BIGINT, sourceName);
            case "DECIMAL", "DEC", "DECIMAL_TEXT", "NUMERIC" ->
                    PortableType.decimal(length, Math.max(scale, 0), sourceName);
            case "FLOAT4" -> PortableType.of(TypeFamily.REAL, sourceName);
            case "REAL", "DOUBLE", "DOUBLE PRECISION", "FLOAT", "FLOAT8" -> PortableType.of(TypeFamily.DOUBLE, sourceName);
            case "CHAR", "CHARACTER", "NCHAR", "NATIVE CHARACTER" ->
                    PortableType.sized(TypeFamily.CHAR, length, sourceName);
            case "VARCHAR", "NVARCHAR", "VARYING CHARACTER", "CHARACTER VARYING" ->
                    StandardTypes.text(length, sourceName);
            case "BINARY" -> PortableType.sized(TypeFamily.BINARY, length, sourceName);
            case "VARBINARY" -> length > 0 ? PortableType.sized(TypeFamily.VARBINARY, length, sourceName)
                    : PortableType.of(TypeFamily.BLOB, sourceName);
            case "BYTEA" -> PortableType.of(TypeFamily.BLOB, sourceName);
            case "DATE" -> PortableType.of(TypeFamily.DATE, sourceName);
            case "TIME", "TIME WITHOUT TIME ZONE" -> temporal(TypeFamily.TIME, declared, sourceName);
            case "TIMETZ", "TIME WITH TIME ZONE" -> temporal(TypeFamily.TIME_WITH_TIME_ZONE, declared, sourceName);
            case "TIMESTAMP", "DATETIME", "TIMESTAMP WITHOUT TIME ZONE" ->
                    temporal(TypeFamily.TIMESTAMP, declared, sourceName);
            case "TIMESTAMPTZ", "TIMESTAMP WITH TIME ZONE" ->
                    temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, declared, sourceName);
            case "UUID" -> PortableType.of(TypeFamily.UUID, sourceName);
            case "JSON", "JSON_TEXT" -> PortableType.of(TypeFamily.JSON, sourceName);
            default -> switch (declared.affinity()) {
                case INTEGER -> PortableType.of(TypeFamily.BIGINT, sourceName);
                case TEXT -> PortableType.of(TypeFamily.TEXT, sourceName);
                case BLOB -> PortableType.of(TypeFamily.BLOB, sourceName);
                case REAL -> PortableType.of(TypeFamily.DOUBLE, sourceName);
                case NUMERIC -> PortableType.of(TypeFamily.OTHER, sourceName);
            };
        };
    }

    /** A time or timestamp whose fractional digits are the declared type's number: {@code TIMESTAMP(3)}. */
    private static PortableType temporal(TypeFamily family, SqliteDeclaredType declared, String sourceName) {
        return PortableType.temporal(family, declared.length() > 0 ? declared.length() : -1, sourceName);
    }

    /** How Ferry declares {@code type} in SQLite. */
    static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("BOOLEAN");
            case TINYINT -> TargetType.exact("TINYINT");
            case SMALLINT -> TargetType.exact("SMALLINT");
            case INTEGER -> TargetType.exact("INT");
            case BIGINT -> TargetType.exact("BIGINT");
            case DECIMAL -> TargetType.exact(type.hasLength()
                    ? "DECIMAL_TEXT(" + type.length() + "," + Math.max(type.scale(), 0) + ")" : "DECIMAL_TEXT");
            case REAL -> TargetType.lossy("FLOAT4", FLOATING_POINT_LOSS);
            case DOUBLE -> TargetType.lossy("REAL", FLOATING_POINT_LOSS);
            case CHAR -> TargetType.exact(StandardTypes.withLength("CHAR", type));
            case VARCHAR -> TargetType.exact(StandardTypes.withLength("VARCHAR", type));
            case TEXT -> TargetType.exact("TEXT");
            case BINARY -> TargetType.exact(StandardTypes.withLength("BINARY", type));
            case VARBINARY -> TargetType.exact(StandardTypes.withLength("VARBINARY", type));
            case BLOB -> TargetType.exact("BLOB");
            case DATE -> TargetType.exact("DATE");
            case TIME -> TargetType.exact("TIME" + StandardTypes.fraction(type));
            case TIME_WITH_TIME_ZONE -> TargetType.exact("TIMETZ" + StandardTypes.fraction(type));
            case TIMESTAMP -> TargetType.exact("TIMESTAMP" + StandardTypes.fraction(type));
            case TIMESTAMP_WITH_TIME_ZONE -> TargetType.exact("TIMESTAMPTZ" + StandardTypes.fraction(type));
            case UUID -> TargetType.exact("UUID");
            case JSON -> TargetType.exact("JSON_TEXT");
            case INTERVAL, ARRAY, OTHER -> StandardTypes.keptAsText("TEXT", type);
        };
    }
}
