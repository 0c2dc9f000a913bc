package dev.ferry.core.dialect.postgres;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.model.types.TypeNames;

/** PostgreSQL's types in engine-neutral terms, read from {@code format_type}, and declared for other engines' types. */
final class PostgresTypes {
    /** NUMERIC's largest declared precision. */
    private static final int MAX_PRECISION = 1000;

    private PostgresTypes() {
    }

    static PortableType portable(Column column) {
        String declared = column.declaredType() != null ? column.declaredType() : column.typeName();
        TypeNames type = TypeNames.parse(declared);
        PortableType base = base(type, column, declared);
        if (!type.array()) {
            return base;
        }
        // Elements that PostgreSQL's array text does not hold as other engines read them: bytea's as its own hex
        // (\x0102), box's separated by ';', and types no other engine has.
        return base.family() == TypeFamily.BLOB || base.family() == TypeFamily.OTHER
                ? PortableType.of(TypeFamily.OTHER, declared) : PortableType.array(base, declared);
    }

    private static PortableType base(TypeNames type, Column column, String declared) {
        int first = type.first();
        return switch (type.base()) {
            case "boolean" -> PortableType.of(TypeFamily.BOOLEAN, declared);
            case "smallint" -> PortableType.of(TypeFamily.SMALLINT, declared);
            case "integer" -> PortableType.of(TypeFamily.INTEGER, declared);
            case "bigint" -> PortableType.of(TypeFamily.BIGINT, declared);
            case "numeric" -> PortableType.decimal(Math.max(first, 0), Math.max(type.second(), 0), declared);
            case "real" -> PortableType.of(TypeFamily.REAL, declared);
            case "double precision" -> PortableType.of(TypeFamily.DOUBLE, declared);
            case "character", "char" -> PortableType.sized(TypeFamily.CHAR, first > 0 ? first : 1, declared);
            case "character varying", "varchar" -> StandardTypes.text(first, declared);
            case "text" -> PortableType.of(TypeFamily.TEXT, declared);
            case "bytea" -> PortableType.of(TypeFamily.BLOB, declared);
            case "date" -> PortableType.of(TypeFamily.DATE, declared);
            case "time without time zone", "time" -> PortableType.temporal(TypeFamily.TIME, fraction(first), declared);
            case "time with time zone" -> PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, fraction(first), declared);
            case "timestamp without time zone", "timestamp" ->
                    PortableType.temporal(TypeFamily.TIMESTAMP, fraction(first), declared);
            case "timestamp with time zone" ->
                    PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, fraction(first), declared);
            case "uuid" -> PortableType.of(TypeFamily.UUID, declared);
            case "json", "jsonb" -> PortableType.of(TypeFamily.JSON, declared);
            default -> type.base().startsWith("interval") ? PortableType.of(TypeFamily.INTERVAL, declared)
                    : PortableType.of(TypeFamily.OTHER, declared);
        };
    }

    /** PostgreSQL's default is 6 fractional digits, as its largest. */
    private static int fraction(int declared) {
        return declared >= 0 ? declared : 6;
    }

    static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("boolean");
            case TINYINT, SMALLINT -> TargetType.exact("smallint");
            case INTEGER -> TargetType.exact("integer");
            case BIGINT -> TargetType.exact("bigint");
            case REAL -> TargetType.exact("real");
            case DATE -> TargetType.exact("date");
            case DOUBLE -> TargetType.exact("double precision");
            case DECIMAL -> type.length() > MAX_PRECISION ? TargetType.exact("numeric")
                    : TargetType.exact(type.hasLength() ? "numeric(" + type.length() + "," + type.scale() + ")" : "numeric");
            case TEXT -> TargetType.exact("text");
            case VARCHAR -> TargetType.exact(StandardTypes.withLength("character varying", type));
            case CHAR -> TargetType.exact(StandardTypes.withLength("character", type));
            case BINARY, VARBINARY, BLOB -> TargetType.exact("bytea");
            case TIME, TIME_WITH_TIME_ZONE, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> temporal(type);
            case UUID -> TargetType.exact("uuid");
            case JSON -> TargetType.exact("jsonb");
            case INTERVAL -> TargetType.exact("interval");
            case ARRAY -> {
                TargetType element = declare(type.element());
                yield new TargetType(element.sql() + "[]", element.loss());
            }
            case OTHER -> StandardTypes.keptAsText("text", type);
            default -> StandardTypes.declare(type);
        };
    }

    private static TargetType temporal(PortableType type) {
        String name = switch (type.family()) {
            case TIME -> "time(%d) without time zone";
            case TIME_WITH_TIME_ZONE -> "time(%d) with time zone";
            case TIMESTAMP -> "timestamp(%d) without time zone";
            default -> "timestamp(%d) with time zone";
        };
        int scale = type.hasScale() ? type.scale() : 6;
        String sql = String.format(name, Math.min(scale, 6));
        return scale > 6 ? TargetType.lossy(sql, "fractions of a second beyond microseconds are cut") : TargetType.exact(sql);
    }
}
