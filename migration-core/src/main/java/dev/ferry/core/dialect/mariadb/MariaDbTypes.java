package dev.ferry.core.dialect.mariadb;

import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.StandardTypes;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.model.types.TypeNames;

/**
 * MariaDB's types in engine-neutral terms, read from {@code COLUMN_TYPE}, and declared for other engines' types:
 * {@code TINYINT(1)} is a boolean, unsigned integers are widened to the next signed type, {@code DATETIME} and
 * {@code TIMESTAMP} are timestamps without time zone (an export reads them in UTC).
 */
final class MariaDbTypes {
    private static final int MAX_PRECISION = 65;
    private static final int MAX_SCALE = 38;
    /** The longest VARCHAR whose utf8mb4 bytes fit MariaDB's 65,535-byte row. */
    private static final int MAX_VARCHAR = 16_383;
    private static final int MAX_VARBINARY = 65_532;

    private MariaDbTypes() {
    }

    static PortableType portable(Column column) {
        String declared = column.typeName();
        TypeNames type = TypeNames.parse(declared.substring(0, attributesStart(declared)));
        boolean unsigned = type.rest().startsWith("unsigned") || type.base().endsWith(" unsigned");
        String base = type.base().replace(" unsigned", "").replace(" zerofill", "");
        int first = type.first();
        return switch (base) {
            case "tinyint" -> first == 1 && !unsigned ? PortableType.of(TypeFamily.BOOLEAN, declared)
                    : PortableType.of(unsigned ? TypeFamily.SMALLINT : TypeFamily.TINYINT, declared);
            case "smallint" -> PortableType.of(unsigned ? TypeFamily.INTEGER : TypeFamily.SMALLINT, declared);
            case "mediumint" -> PortableType.of(TypeFamily.INTEGER, declared);
            case "int", "integer" -> PortableType.of(unsigned ? TypeFamily.BIGINT : TypeFamily.INTEGER, declared);
            case "bigint" -> unsigned ? PortableType.decimal(20, 0, declared) : PortableType.of(TypeFamily.BIGINT, declared);
            case "decimal", "numeric" -> PortableType.decimal(first > 0 ? first : 10, Math.max(type.second(), 0), declared);
            case "float" -> PortableType.of(TypeFamily.REAL, declared);
            case "double", "double precision", "real" -> PortableType.of(TypeFamily.DOUBLE, declared);
            case "bit" -> first <= 1 ? PortableType.of(TypeFamily.BOOLEAN, declared) : PortableType.of(TypeFamily.BIGINT, declared);
            case "year" -> PortableType.of(TypeFamily.SMALLINT, declared);
            case "char" -> PortableType.sized(TypeFamily.CHAR, first > 0 ? first : 1, declared);
            case "varchar" -> StandardTypes.text(first, declared);
            case "tinytext", "text", "mediumtext", "longtext" -> PortableType.of(TypeFamily.TEXT, declared);
            case "binary" -> PortableType.sized(TypeFamily.BINARY, first > 0 ? first : 1, declared);
            case "varbinary" -> PortableType.sized(TypeFamily.VARBINARY, first, declared);
            case "tinyblob", "blob", "mediumblob", "longblob" -> PortableType.of(TypeFamily.BLOB, declared);
            case "date" -> PortableType.of(TypeFamily.DATE, declared);
            case "time" -> PortableType.temporal(TypeFamily.TIME, Math.max(first, 0), declared);
            case "datetime", "timestamp" -> PortableType.temporal(TypeFamily.TIMESTAMP, Math.max(first, 0), declared);
            case "json" -> PortableType.of(TypeFamily.JSON, declared);
            case "uuid" -> PortableType.of(TypeFamily.UUID, declared);
            default -> PortableType.of(TypeFamily.OTHER, declared);
        };
    }

    /**
     * Where the attributes that {@link MariaDbColumns} writes after a column's type start ({@code ON UPDATE ...},
     * {@code INVISIBLE}, {@code COMMENT '...'}, and the {@code CHARACTER SET ... COLLATE ...} of a column whose
     * character set is not its table's: Sakila's {@code film.description}), outside the quotes of ENUM and SET labels;
     * the text's length where there are none.
     */
    static int attributesStart(String declared) {
        boolean quoted = false;
        for (int i = 0; i < declared.length(); i++) {
            char c = declared.charAt(i);
            if (c == '\'') {
                quoted = !quoted; // '' inside a label toggles twice
            } else if (c == '\\' && quoted) {
                i++;
            } else if (!quoted && c == ' ' && (startsAt(declared, i, " ON UPDATE ") || startsAt(declared, i, " INVISIBLE")
                    || startsAt(declared, i, " COMMENT '") || startsAt(declared, i, " CHARACTER SET ")
                    || startsAt(declared, i, " COLLATE "))) {
                return i;
            }
        }
        return declared.length();
    }

    private static boolean startsAt(String text, int at, String word) {
        return text.regionMatches(true, at, word, 0, word.length());
    }

    /** The expression of the {@code ON UPDATE ...} after a column's type, or null. */
    static String onUpdate(String declared) {
        int start = attributesStart(declared);
        if (!startsAt(declared, start, " ON UPDATE ")) {
            return null;
        }
        String rest = " " + declared.substring(start + " ON UPDATE ".length());
        return rest.substring(0, attributesStart(rest)).strip();
    }

    static TargetType declare(PortableType type) {
        int length = type.length();
        return switch (type.family()) {
            case BOOLEAN -> TargetType.exact("tinyint(1)");
            case TINYINT -> TargetType.exact("tinyint");
            case SMALLINT -> TargetType.exact("smallint");
            case INTEGER -> TargetType.exact("int");
            case BIGINT -> TargetType.exact("bigint");
            case DECIMAL -> type.hasLength() && length <= MAX_PRECISION && type.scale() <= MAX_SCALE
                    ? TargetType.exact("decimal(" + length + "," + type.scale() + ")")
                    : TargetType.lossy("longtext", "MariaDB's DECIMAL holds at most 65 digits, 38 after the point,"
                    + " and needs a precision: its values are kept as text");
            case REAL -> TargetType.exact("float");
            case DOUBLE -> TargetType.exact("double");
            case CHAR -> TargetType.exact(length <= 255 ? StandardTypes.withLength("char", type) : "varchar(" + length + ")");
            case VARCHAR -> TargetType.exact(length <= MAX_VARCHAR ? "varchar(" + length + ")" : "longtext");
            case TEXT -> TargetType.exact("longtext");
            case BINARY -> TargetType.exact(length <= 255 ? StandardTypes.withLength("binary", type)
                    : "varbinary(" + length + ")");
            case VARBINARY -> TargetType.exact(type.hasLength() && length <= MAX_VARBINARY ? "varbinary(" + length + ")"
                    : "longblob");
            case BLOB -> TargetType.exact("longblob");
            case DATE -> TargetType.exact("date");
            case TIME -> fractional("time", type);
            case TIMESTAMP -> fractional("datetime", type);
            case TIMESTAMP_WITH_TIME_ZONE -> {
                TargetType datetime = fractional("datetime", type);
                yield TargetType.lossy(datetime.sql(), "MariaDB has no time zone in a timestamp: values are moved to"
                        + " UTC, their offsets not kept");
            }
            case UUID -> TargetType.exact("uuid");
            case JSON -> TargetType.exact("json");
            case TIME_WITH_TIME_ZONE, INTERVAL, ARRAY, OTHER -> StandardTypes.keptAsText("longtext", type);
        };
    }

    /** The type's first word, upper case: {@code BIGINT} of {@code BIGINT(20) UNSIGNED}. */
    static String baseType(String upperCaseType) {
        int end = 0;
        while (end < upperCaseType.length() && Character.isLetterOrDigit(upperCaseType.charAt(end))) {
            end++;
        }
        return upperCaseType.substring(0, end);
    }

    private static TargetType fractional(String base, PortableType type) {
        int scale = type.hasScale() ? type.scale() : 6;
        String sql = base + "(" + Math.min(scale, 6) + ")";
        return scale > 6 ? TargetType.lossy(sql, "fractions of a second beyond microseconds are cut") : TargetType.exact(sql);
    }
}
