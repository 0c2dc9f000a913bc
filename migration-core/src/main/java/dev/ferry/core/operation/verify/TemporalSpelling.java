package dev.ferry.core.operation.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One spelling of a date, time or timestamp given as text, so that two spellings of one value compare equal: the
 * date and time separated by a space (not ISO's {@code T}), and no fraction of a second beyond its last non-zero
 * digit. Any other text (a zero date, a TIME beyond 24 hours) keeps its digits; text that is not temporal is left
 * as it is.
 */
final class TemporalSpelling {
    private static final Pattern DATE_T = Pattern.compile("^(-?\\d{4,}-\\d{2}-\\d{2})T");
    private static final Pattern FRACTION = Pattern.compile("(\\d{2}:\\d{2}:\\d{2})\\.(\\d*?)0*(?=$|[^0-9])");

    private TemporalSpelling() {
    }

    static String canonical(String text) {
        String spaced = DATE_T.matcher(text).replaceFirst("$1 ");
        Matcher fraction = FRACTION.matcher(spaced);
        if (!fraction.find()) {
            return spaced;
        }
        String digits = fraction.group(2);
        return spaced.substring(0, fraction.start()) + fraction.group(1) + (digits.isEmpty() ? "" : "." + digits)
                + spaced.substring(fraction.end());
    }
}
