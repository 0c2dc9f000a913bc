package dev.ferry.it.realworld;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Loads the Sakila sample's PostgreSQL files (test resources {@code realworld/postgres-sakila-schema.sql} and
 * {@code realworld/postgres-sakila-insert-data-using-copy.sql}) into a database with psql, the engine's own client,
 * as a user would.
 */
public final class PostgresSakila {
    public static final String SCHEMA = "realworld/postgres-sakila-schema.sql";
    public static final String DATA = "realworld/postgres-sakila-insert-data-using-copy.sql";

    private PostgresSakila() {
    }

    /** Runs the schema file, then the data file, into the database of {@code jdbcUrl} (a jdbc:postgresql: URL). */
    public static void load(String jdbcUrl, Properties credentials) throws IOException, InterruptedException {
        psql(jdbcUrl, credentials, resource(SCHEMA));
        psql(jdbcUrl, credentials, resource(DATA));
    }

    /** Runs one SQL file with psql, stopping at the first error. */
    public static void psql(String jdbcUrl, Properties credentials, Path file) throws IOException, InterruptedException {
        URI uri;
        try {
            uri = new URI(jdbcUrl.substring("jdbc:".length()));
        } catch (URISyntaxException e) {
            throw new IOException("Not a URL: " + jdbcUrl, e);
        }
        List<String> command = new ArrayList<>(List.of("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1",
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() < 0 ? 5432 : uri.getPort()),
                "-U", credentials.getProperty("user"), "-d", uri.getPath().substring(1), "-f", file.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        String password = credentials.getProperty("password");
        if (password != null && !password.isEmpty()) {
            environment.put("PGPASSWORD", password);
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IOException("psql did not finish: " + file);
        }
        if (process.exitValue() != 0) {
            throw new IOException("psql -f " + file.getFileName() + " failed (" + process.exitValue() + "): " + output);
        }
    }

    /** A test resource's path. */
    public static Path resource(String name) throws IOException {
        try {
            return Paths.get(PostgresSakila.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IOException("No test resource " + name, e);
        }
    }
}
