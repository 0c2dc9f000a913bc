package dev.ferry.core.dialect.h2;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import java.util.Locale;

/** H2's types in engine-neutral terms, read from the names its driver reports, and declared for other engines' types. */
final class H2Types {
    private H2Types() {
    }

    static PortableType portable(Column column) {
        String name = column.typeName().toUpperCase(Locale.ROOT);
        if (name.endsWith(" ARRAY")) {
            String element = name.substring(0, name.length() - " ARRAY".length());
            return PortableType.array(portable(new Column(column.name(), element, jdbcType(element), 0, 0, true,
                    null, null, null)), column.typeName());
        }
        return switch (name) {
            case "DECFLOAT" -> PortableType.decimal(0, 0, column.typeName());
            case "ENUM", "GEOMETRY", "JAVA_OBJECT", "ROW" -> PortableType.of(TypeFamily.OTHER, column.typeName());
            default -> StandardTypes.portable(column);
        };
    }

    private static int jdbcType(String name) {
        return switch (name) {
            case "BOOLEAN" -> java.sql.Types.BOOLEAN;
            case "TINYINT" -> java.sql.Types.TINYINT;
            case "SMALLINT" -> java.sql.Types.SMALLINT;
            case "INTEGER" -> java.sql.Types.INTEGER;
            case "BIGINT" -> java.sql.Types.BIGINT;
            case "NUMERIC", "DECIMAL" -> java.sql.Types.NUMERIC;
            case "REAL" -> java.sql.Types.REAL;
            case "DOUBLE PRECISION" -> java.sql.Types.DOUBLE;
            case "DATE" -> java.sql.Types.DATE;
            case "TIME" -> java.sql.Types.TIME;
            case "TIMESTAMP" -> java.sql.Types.TIMESTAMP;
            case "TIMESTAMP WITH TIME ZONE" -> java.sql.Types.TIMESTAMP_WITH_TIMEZONE;
            case "BINARY VARYING" -> java.sql.Types.VARBINARY;
            default -> java.sql.Types.VARCHAR;
        };
    }

    static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case TINYINT -> TargetType.exact("TINYINT");
            case DECIMAL -> TargetType.exact(type.hasLength() ? "NUMERIC(" + type.length() + ", " + type.scale() + ")"
                    : "DECFLOAT");
            case CHAR -> TargetType.exact(StandardTypes.withLength("CHARACTER", type));
            case VARCHAR -> TargetType.exact(StandardTypes.withLength("CHARACTER VARYING", type));
            // Not CHARACTER LARGE OBJECT, which H2 cannot index: engines without lengths (DuckDB) key such text.
            case TEXT -> TargetType.exact("CHARACTER VARYING");
            case BINARY -> TargetType.exact(StandardTypes.withLength("BINARY", type));
            case VARBINARY -> TargetType.exact(StandardTypes.withLength("BINARY VARYING", type));
            case BLOB -> TargetType.exact("BINARY LARGE OBJECT");
            case UUID -> TargetType.exact("UUID");
            case JSON -> TargetType.exact("JSON");
            case ARRAY -> {
                TargetType element = declare(type.element());
                yield element.sql().endsWith(" ARRAY") || type.element().family() == TypeFamily.OTHER
                        ? StandardTypes.keptAsText("CHARACTER VARYING", type)
                        : new TargetType(element.sql() + " ARRAY", element.loss());
            }
            case INTERVAL, OTHER -> StandardTypes.keptAsText("CHARACTER VARYING", type);
            default -> StandardTypes.declare(type);
        };
    }
}
