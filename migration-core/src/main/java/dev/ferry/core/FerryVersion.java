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
