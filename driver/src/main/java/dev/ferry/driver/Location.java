package dev.ferry.driver;

import dev.ferry.core.FerryErrors;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A statement's directory or file: a local path, or a URI on a Hadoop file system. A plain path and a {@code file://}
 * URI are local (Ferry writes local files itself, with an atomic rename, and needs no Hadoop for them); any other
 * scheme ({@code hdfs://nn/out}, {@code s3a://bucket/out}, {@code foo://x}) is a Hadoop URI, never a local directory
 * named after the scheme ({@code ./s3a:/bucket/out}), as it once was.
 *
 * @param local  the local path; null for a Hadoop URI
 * @param remote the Hadoop URI; null for a local path
 * @param what   what the location is, for messages: {@code "directory for EXPORT DATABASE"}
 */
record Location(Path local, URI remote, String what) {
    /**
     * A URI's scheme: two letters or more (one is a Windows drive, {@code C:/x}) before {@code :/}, so that
     * {@code hdfs:/path} (the default name node's) and a mistyped {@code s3a:/bucket} are URIs too.
     */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):/");

    /**
     * @param what what the path is, for messages: {@code "directory for EXPORT DATABASE"}, {@code "file for COPY"}
     * @throws SQLException (22023) for a path or URI that is not valid
     */
    static Location of(String text, String what) throws SQLException {
        Matcher scheme = SCHEME.matcher(text);
        try {
            if (!scheme.find()) {
                return new Location(Path.of(text), null, what);
            }
            if (scheme.group(1).toLowerCase(Locale.ROOT).equals("file")) {
                return new Location(Path.of(URI.create(text)), null, what);
            }
            // A scheme is case-insensitive; Hadoop looks its file system up in lower case (fs.s3a.impl).
            String lower = scheme.group(1).toLowerCase(Locale.ROOT) + text.substring(scheme.group(1).length());
            return new Location(null, new URI(lower), what);
        } catch (IllegalArgumentException | URISyntaxException e) { // InvalidPathException too
            throw FerryErrors.invalidParameter("Invalid " + what + ": " + text + " (" + e.getMessage() + ")");
        }
    }

    /** Whether this is a Hadoop URI. */
    boolean isRemote() {
        return remote != null;
    }
}
