package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import java.net.URI;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's directory or file as a local path. A {@code file://} URI is the local path it names; any other URI
 * scheme ({@code s3a://bucket/out}, {@code hdfs://...}) is refused, never taken for a local directory named after the
 * scheme ({@code ./s3a:/bucket/out}), as it once was.
 */
final class LocalPath {
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*)://");

    private LocalPath() {
    }

    /**
     * @param what what the path is, for the message: {@code "directory for EXPORT DATABASE"}, {@code "file for COPY"}
     */
    static Path of(String text, String what) throws SQLException {
        Matcher scheme = SCHEME.matcher(text);
        try {
            if (!scheme.find()) {
                return Path.of(text);
            }
            if (scheme.group(1).toLowerCase(Locale.ROOT).equals("file")) {
                return Path.of(URI.create(text));
            }
        } catch (IllegalArgumentException e) { // InvalidPathException too
            throw FerryErrors.invalidParameter("Invalid " + what + ": " + text + " (" + e.getMessage() + ")");
        }
        throw FerryErrors.notSupported("The " + what + " '" + text + "' is on the " + scheme.group(1)
                + " file system, which Ferry cannot read or write yet: give a local path or a file:// URI");
    }
}
