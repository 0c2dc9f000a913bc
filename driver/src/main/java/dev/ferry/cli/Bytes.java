package dev.ferry.cli;

import java.util.Locale;

/** A size as people read it: {@code 512 B}, {@code 41.3 kB}, {@code 1.2 MB}, {@code 3.0 GB} (powers of 1,000). */
final class Bytes {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private Bytes() {
    }

    static String of(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        double size = bytes;
        int unit = -1;
        while (size >= 999.95 && unit < UNITS.length - 1) {
            size /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", size, UNITS[unit]);
    }
}
