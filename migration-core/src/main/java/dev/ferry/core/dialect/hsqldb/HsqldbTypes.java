package dev.ferry.core.dialect.hsqldb;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.model.types.TypeNames;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HSQLDB's types in engine-neutral terms, read from the type HSQLDB declares ({@link HsqldbColumn#declared}), and
 * declared for other engines' types. HSQLDB's REAL and FLOAT are DOUBLE; its intervals and bit strings have text forms
 * of their own, which other engines read otherwise, so they are kept as text there.
 */
final class HsqldbTypes {
    /** HSQLDB's own LONGVARCHAR: text of any length another engine has, still keyable (a CLOB is not). */
    static final String TEXT = "VARCHAR(16777216)";
    private static final Pattern ARRAY = Pattern.compile("(?i)(.*\\S)\\s+ARRAY(?:\\s*\\[\\s*\\d+\\s*\\])?");
    /** Element types whose text Ferry's array form carries exactly, both ways. */
    private static final Set<TypeFamily> ARRAY_ELEMENTS = Set.of(TypeFamily.BOOLEAN, TypeFamily.TINYINT,
            TypeFamily.SMALLINT, TypeFamily.INTEGER, TypeFamily.BIGINT, TypeFamily.DECIMAL, TypeFamily.DOUBLE,
            TypeFamily.CHAR, TypeFamily.VARCHAR, TypeFamily.TEXT, TypeFamily.DATE);

    private HsqldbTypes() {
    }

    /** {@code column}'s type; {@code column.scale()} holds the fractional-second digits of temporal types. */
    static PortableType portable(Column column) {
        String declared = column.declaredType() != null ? column.declaredType() : column.typeName();
        return portable(declared, column.scale());
    }

    static PortableType portable(String declared, int fraction) {
        Matcher array = ARRAY.matcher(declared);
        if (array.matches()) {
            PortableType element = portable(array.group(1), fraction);
            boolean clob = element.family() == TypeFamily.TEXT && !element.sourceName().startsWith("VARCHAR");
            return ARRAY_ELEMENTS.contains(element.family()) && !clob ? PortableType.array(element, declared)
                    : PortableType.of(TypeFamily.OTHER, declared);
        }
        TypeNames type = TypeNames.parse(declared);
        int first = type.first();
        int digits = first >= 0 ? first : fraction;
        return switch (type.base()) {
            case "boolean" -> PortableType.of(TypeFamily.BOOLEAN, declared);
            case "tinyint" -> PortableType.of(TypeFamily.TINYINT, declared);
            case "smallint" -> PortableType.of(TypeFamily.SMALLINT, declared);
            case "integer", "int" -> PortableType.of(TypeFamily.INTEGER, declared);
            case "bigint" -> PortableType.of(TypeFamily.BIGINT, declared);
            case "decimal", "numeric" -> PortableType.decimal(first, Math.max(type.second(), 0), declared);
            case "double", "double precision", "float", "real" -> PortableType.of(TypeFamily.DOUBLE, declared);
            case "character", "char" -> PortableType.sized(TypeFamily.CHAR, Math.max(first, 1), declared);
            case "varchar", "character varying" -> StandardTypes.text(first, declared);
            case "clob", "character large object" -> PortableType.of(TypeFamily.TEXT, declared);
            case "binary" -> PortableType.sized(TypeFamily.BINARY, Math.max(first, 1), declared);
            case "varbinary", "binary varying" -> first <= 0 || first > StandardTypes.UNBOUNDED_LENGTH
                    ? PortableType.of(TypeFamily.BLOB, declared) : PortableType.sized(TypeFamily.VARBINARY, first, declared);
            case "blob", "binary large object" -> PortableType.of(TypeFamily.BLOB, declared);
            case "date" -> PortableType.of(TypeFamily.DATE, declared);
            case "time" -> PortableType.temporal(TypeFamily.TIME, digits, declared);
            case "time with time zone" -> PortableType.temporal(TypeFamily.TIME_WITH_TIME_ZONE, digits, declared);
            case "timestamp" -> PortableType.temporal(TypeFamily.TIMESTAMP, digits, declared);
            case "timestamp with time zone" ->
                    PortableType.temporal(TypeFamily.TIMESTAMP_WITH_TIME_ZONE, digits, declared);
            case "uuid" -> PortableType.of(TypeFamily.UUID, declared);
            case "bit" -> first <= 1 ? PortableType.of(TypeFamily.BOOLEAN, declared)
                    : PortableType.of(TypeFamily.OTHER, declared);
            default -> PortableType.of(TypeFamily.OTHER, declared);
        };
    }

    static TargetType declare(PortableType type) {
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("BOOLEAN");
            case TINYINT -> TargetType.exact("TINYINT");
            // Not a DECIMAL of some fixed scale, which would round or pad values that each keep their own scale.
            case DECIMAL -> type.hasLength() ? TargetType.exact("DECIMAL(" + type.length() + "," + type.scale() + ")")
                    : StandardTypes.keptAsText(TEXT, type);
            case REAL, DOUBLE -> TargetType.exact("DOUBLE");
            case CHAR -> TargetType.exact(StandardTypes.withLength("CHARACTER", type));
            case VARCHAR -> TargetType.exact(StandardTypes.withLength("VARCHAR", type));
            case TEXT -> TargetType.exact(TEXT);
            case TIME, TIME_WITH_TIME_ZONE, TIMESTAMP, TIMESTAMP_WITH_TIME_ZONE -> temporal(type);
            case UUID -> TargetType.exact("UUID");
            case ARRAY -> array(type);
            case JSON, INTERVAL, OTHER -> StandardTypes.keptAsText(TEXT, type);
            default -> StandardTypes.declare(type);
        };
    }

    /** HSQLDB's default is no fractional digits for TIME: an unsaid precision keeps microseconds, as elsewhere. */
    private static TargetType temporal(PortableType type) {
        int digits = type.hasScale() ? Math.min(type.scale(), 9) : 6;
        String name = type.family() == TypeFamily.TIME || type.family() == TypeFamily.TIME_WITH_TIME_ZONE
                ? "TIME" : "TIMESTAMP";
        boolean zoned = type.family() == TypeFamily.TIME_WITH_TIME_ZONE
                || type.family() == TypeFamily.TIMESTAMP_WITH_TIME_ZONE;
        return TargetType.exact(name + "(" + digits + ")" + (zoned ? " WITH TIME ZONE" : ""));
    }

    private static TargetType array(PortableType type) {
        if (!ARRAY_ELEMENTS.contains(type.element().family())) {
            return StandardTypes.keptAsText(TEXT, type);
        }
        TargetType element = declare(type.element());
        return new TargetType(element.sql() + " ARRAY", element.loss());
    }
}
