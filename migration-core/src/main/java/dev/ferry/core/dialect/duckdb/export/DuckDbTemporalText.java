package dev.ferry.core.dialect.duckdb.export;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's text forms of dates and times, as its CSV writer writes them: {@code 2024-02-29},
 * {@code 0044-03-15 (BC)}, {@code 294247-01-10}, {@code infinity}, {@code 2024-01-01 04:30:00.5+00},
 * {@code 0044-03-15 (BC) 10:11:12.5}, {@code 24:00:00}, {@code 23:59:59.999999-15:59}.
 *
 * <p>Infinite dates and timestamps are the largest and smallest values Java holds, as Ferry carries PostgreSQL's;
 * {@code 24:00:00} is {@link LocalTime#MAX}, as JDBC drivers give PostgreSQL's.
 */
final class DuckDbTemporalText {
    private static final String BC = " (BC)";
    private static final Pattern OFFSET = Pattern.compile("([+-])(\\d{1,2})(?::?(\\d{2}))?(?::?(\\d{2}))?$");
    private static final Pattern DATE = Pattern.compile("(\\d{4,})-(\\d{2})-(\\d{2})");

    private DuckDbTemporalText() {
    }

    static LocalDate date(String text) {
        return switch (text) {
            case "infinity" -> LocalDate.MAX;
            case "-infinity" -> LocalDate.MIN;
            default -> plainDate(text);
        };
    }

    static LocalTime time(String text) {
        return text.startsWith("24:00:00") && text.substring(8).matches("(\\.0*)?") ? LocalTime.MAX
                : LocalTime.parse(text);
    }

    static OffsetTime timeWithOffset(String text) {
        Matcher offset = offset(text);
        return OffsetTime.of(time(text.substring(0, offset.start())), zoneOffset(offset));
    }

    static LocalDateTime timestamp(String text) {
        return switch (text) {
            case "infinity" -> LocalDateTime.MAX;
            case "-infinity" -> LocalDateTime.MIN;
            default -> plainTimestamp(text);
        };
    }

    static OffsetDateTime timestampWithOffset(String text) {
        return switch (text) {
            case "infinity" -> OffsetDateTime.MAX;
            case "-infinity" -> OffsetDateTime.MIN;
            default -> {
                Matcher offset = offset(text);
                yield OffsetDateTime.of(plainTimestamp(text.substring(0, offset.start())), zoneOffset(offset));
            }
        };
    }

    /** {@code yyyy-MM-dd[ (BC)] HH:mm:ss[.f]}. */
    private static LocalDateTime plainTimestamp(String text) {
        int space = text.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("not a timestamp");
        }
        String date = text.substring(0, space);
        String rest = text.substring(space);
        if (rest.startsWith(BC)) {
            date += BC;
            rest = rest.substring(BC.length());
        }
        return LocalDateTime.of(plainDate(date), LocalTime.parse(rest.strip()));
    }

    /** {@code yyyy-MM-dd}, with more digits for years past 9999 and {@code (BC)} after the years before 1. */
    private static LocalDate plainDate(String text) {
        boolean beforeChrist = text.endsWith(BC);
        Matcher date = DATE.matcher(beforeChrist ? text.substring(0, text.length() - BC.length()) : text);
        if (!date.matches()) {
            throw new IllegalArgumentException("not a date");
        }
        int year = Integer.parseInt(date.group(1));
        // 1 BC is the proleptic year 0.
        return LocalDate.of(beforeChrist ? 1 - year : year, Integer.parseInt(date.group(2)),
                Integer.parseInt(date.group(3)));
    }

    private static Matcher offset(String text) {
        Matcher offset = OFFSET.matcher(text);
        if (!offset.find() || offset.start() == 0) {
            throw new IllegalArgumentException("no offset from UTC at the end");
        }
        return offset;
    }

    private static ZoneOffset zoneOffset(Matcher offset) {
        int sign = offset.group(1).equals("-") ? -1 : 1;
        int hours = Integer.parseInt(offset.group(2));
        int minutes = offset.group(3) == null ? 0 : Integer.parseInt(offset.group(3));
        int seconds = offset.group(4) == null ? 0 : Integer.parseInt(offset.group(4));
        return ZoneOffset.ofHoursMinutesSeconds(sign * hours, sign * minutes, sign * seconds);
    }
}
