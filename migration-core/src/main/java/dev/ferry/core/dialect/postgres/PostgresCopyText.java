package dev.ferry.core.dialect.postgres;

import dev.ferry.core.value.ValueKind;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A value as PostgreSQL's COPY reads it: where Ferry's CSV form differs (bytea, infinity, BC, arrays as lists),
 * converted; every other value in Ferry's form.
 */
final class PostgresCopyText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_TIME;
    private static final Pattern EXPLICIT_BOUNDS = Pattern.compile("(\\[-?\\d+:-?\\d+])+=");

    private PostgresCopyText() {
    }

    /** The COPY text of a non-null value of {@code kind}, as {@link ValueKind#parse} gives it. */
    static String of(ValueKind kind, int jdbcType, Object value) {
        return switch (kind) {
            case ENGINE_TEXT -> jdbcType == Types.ARRAY ? arrayText(kind.format(value)) : kind.format(value);
            case BINARY -> "\\x" + HexFormat.of().formatHex((byte[]) value);
            case DATE -> date((LocalDate) value);
            case TIMESTAMP -> value.equals(LocalDateTime.MAX) ? "infinity" : value.equals(LocalDateTime.MIN) ? "-infinity"
                    : bc(((LocalDateTime) value).toLocalDate(), " " + TIME.format((LocalDateTime) value));
            case TIMESTAMP_WITH_TIME_ZONE -> value.equals(OffsetDateTime.MAX) ? "infinity"
                    : value.equals(OffsetDateTime.MIN) ? "-infinity"
                    : bc(((OffsetDateTime) value).toLocalDate(), " " + TIME.format((OffsetDateTime) value)
                            + ((OffsetDateTime) value).getOffset().getId().replace("Z", "+00:00"));
            default -> kind.format(value);
        };
    }

    /**
     * An array as PostgreSQL's text: a list in square brackets, as an export written for DuckDB holds arrays, turned
     * into braces; PostgreSQL's own text (which starts with a bracket only for explicit bounds, {@code [0:1]={1,2}})
     * as it is.
     */
    private static String arrayText(String text) {
        return text.startsWith("[") && !EXPLICIT_BOUNDS.matcher(text).lookingAt()
                ? ValueKind.ARRAY.format(ValueKind.ARRAY.parse(text)) : text;
    }

    private static String date(LocalDate date) {
        return date.equals(LocalDate.MAX) ? "infinity" : date.equals(LocalDate.MIN) ? "-infinity" : bc(date, "");
    }

    /** A date as PostgreSQL writes it: year 0 and before as {@code 0001 BC} and before, with the time in between. */
    private static String bc(LocalDate date, String time) {
        if (date.getYear() > 0) {
            return isoDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth()) + time;
        }
        return isoDate(1 - date.getYear(), date.getMonthValue(), date.getDayOfMonth()) + time + " BC";
    }

    /** {@code 0044-03-15}: a positive year in at least four digits (String.format's cost was a share of an import). */
    private static String isoDate(int year, int month, int day) {
        StringBuilder text = new StringBuilder(11);
        String digits = Integer.toString(year);
        for (int i = digits.length(); i < 4; i++) {
            text.append('0');
        }
        text.append(digits).append(month < 10 ? "-0" : "-").append(month).append(day < 10 ? "-0" : "-").append(day);
        return text.toString();
    }
}
