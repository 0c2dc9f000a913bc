package dev.ferry.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Ferry this code was built as. */
public final class FerryVersion {
    private static final String VERSION = load();

    private FerryVersion() {
    }

    /** The version, e.g. {@code 0.1.0}; {@code unknown} when run from classes not built by Maven. */
    public static String get() {
        return VERSION;
    }

    /** The first number of the version; 0 when there is none. */
    public static int major() {
        return part(0);
    }

    /** The second number of the version; 0 when there is none. */
    public static int minor() {
        return part(1);
    }

    private static int part(int index) {
        String[] parts = VERSION.split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String load() {
        try (InputStream in = FerryVersion.class.getResourceAsStream("ferry-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
