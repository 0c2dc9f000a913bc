package dev.ferry.core.model.types;

import dev.ferry.core.model.schema.Column;
import java.sql.Types;
import java.util.Locale;

/**
 * The standard-SQL answers of type mapping: a column described by its {@link Types} code, type name, size and scale
 * as a {@link PortableType}, and a portable type declared in standard SQL. Dialects override what their engine says
 * otherwise.
 */
public final class StandardTypes {
    /** Lengths beyond this are text or binary of any length rather than a bounded VARCHAR or VARBINARY. */
    public static final int UNBOUNDED_LENGTH = 10_485_760;

    private StandardTypes() {
    }

    /** {@code column}'s type as its {@link Types} code, type name, size and scale describe it. */
    public static PortableType portable(Column column) {
        String name = column.typeName() == null ? "" : column.typeName().toUpperCase(Locale.ROOT);
        int size = column.size();
        int scale = column.scale();
        String source = column.typeName();
        if (name.equals("UUID")) {
            return PortableType.of(TypeFamily.UUID, source);
        }
        if (name.equals("JSON") || name.equals("JSONB")) {
            return PortableType.of(TypeFamily.JSON, source);
        }
        if (name.startsWith("INTERVAL")) {
            return PortableType.of(TypeFamily.INTERVAL, source);
        }
        return switch (column.jdbcType()) {
            case Types.BOOLEAN -> PortableType.of(TypeFamily.BOOLEAN, source);
            case Types.BIT -> size > 1 ? PortableType.sized(TypeFamily.VARBINARY, (size + 7) / 8, source)
                    : PortableType.of(TypeFamily.BOOLEAN, source);
            case Types.TINYINT -> PortableType.of(TypeFamily.TINYINT, source);
            case Types.SMALLINT -> PortableType.of(TypeFamily.SMALLINT, source);
            case Types.INTEGER -> PortableType.of(TypeFamily.INTEGER, source);
            case Types.BIGINT -> PortableType.of(TypeFamily.BIGINT, source);
            case Types.DECIMAL, Types.NUMERIC -> PortableType.decimal(size, scale, source);
            case Types.REAL -> PortableType.of(TypeFamily.REAL, source);
            case Types.FLOAT, Types.DOUBLE -> PortableType.of(TypeFamily.DOUBLE, source);
            case Types.CHAR, Types.NCHAR -> PortableType.sized(TypeFamily.CHAR, size, source);
            case Types.VARCHAR, Types.NVARCHAR -> text(size, source);
            case Types.LONGVARCHAR, Types.LONGNVARCHAR, Types.CLOB, Types.NCLOB ->
                    PortableType.of(TypeFamily.TEXT, source);
            case Types.BINARY -> PortableType.sized(TypeFamily.BINARY, size, source);
            case Types.VARBINARY -> size <= 0 || size > UNBOUNDED_LENGTH ? PortableType.of(TypeFamily.BLOB, source)
                    : PortableType.sized(TypeFamily.VARBINARY, size, source);
            case Types.LONGVARBINARY, Types.BLOB -> PortableType.of(TypeFamily.BLOB, source);
            case Types.DATE -> PortableType.of(TypeFamily.DATE, source);
            case Types.TIME -> PortableType.temporal(TypeFamily.TIME, scale, source);
            case Types.TIME_WITH_TIMEZONE -> PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, scale, source);
            case Types.TIMESTAMP -> PortableType.temporal(TypeFamily.TIMESTAMP, scale, source);
            case Types.TIMESTAMP_WITH_TIMEZONE ->
                    PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, scale, source);
            case Types.ARRAY -> PortableType.array(PortableType.of(TypeFamily.TEXT, "TEXT"), source);
            default -> PortableType.of(TypeFamily.OTHER, source);
        };
    }

    /** VARCHAR of {@code length} characters, or TEXT where there is no length or one so large it is none. */
    public static PortableType text(int length, String sourceName) {
        return length <= 0 || length > UNBOUNDED_LENGTH ? PortableType.of(TypeFamily.TEXT, sourceName)
                : PortableType.sized(TypeFamily.VARCHAR, length, sourceName);
    }

    /** {@code type} declared in standard SQL. */
    public static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("BOOLEAN");
            case TINYINT, SMALLINT -> TargetType.exact("SMALLINT");
            case INTEGER -> TargetType.exact("INTEGER");
            case BIGINT -> TargetType.exact("BIGINT");
            case DECIMAL -> TargetType.exact(type.hasLength() ? "DECIMAL(" + type.length() + ", " + type.scale() + ")"
                    : "DECIMAL");
            case REAL -> TargetType.exact("REAL");
            case DOUBLE -> TargetType.exact("DOUBLE PRECISION");
            case CHAR -> TargetType.exact(withLength("CHAR", type));
            case VARCHAR -> TargetType.exact(withLength("VARCHAR", type));
            case TEXT -> TargetType.exact("CLOB");
            case BINARY -> TargetType.exact(withLength("BINARY", type));
            case VARBINARY -> TargetType.exact(withLength("VARBINARY", type));
            case BLOB -> TargetType.exact("BLOB");
            case DATE -> TargetType.exact("DATE");
            case TIME -> TargetType.exact("TIME" + fraction(type));
            case TIME_WITH_TIME_ZONE -> TargetType.exact("TIME" + fraction(type) + " WITH TIME ZONE");
            case TIMESTAMP -> TargetType.exact("TIMESTAMP" + fraction(type));
            case TIMESTAMP_WITH_TIME_ZONE -> TargetType.exact("TIMESTAMP" + fraction(type) + " WITH TIME ZONE");
            case UUID -> TargetType.exact("CHAR(36)");
            case JSON -> TargetType.exact("CLOB");
            case INTERVAL, ARRAY, OTHER -> keptAsText("CLOB", type);
        };
    }

    /** {@code base(length)}, or {@code base} alone where the type has no length. */
    public static String withLength(String base, PortableType type) {
        return type.hasLength() ? base + "(" + type.length() + ")" : base;
    }

    /** {@code (scale)} for a type that says its fractional digits, else nothing. */
    public static String fraction(PortableType type) {
        return type.hasScale() ? "(" + type.scale() + ")" : "";
    }

    /** The type declared as {@code textType}, its values kept in their text form. */
    public static TargetType keptAsText(String textType, PortableType type) {
        return TargetType.lossy(textType, "no " + type.describe() + " type here: its values are kept as text");
    }
}
