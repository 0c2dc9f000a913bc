package dev.ferry.it.realworld;

import dev.ferry.it.servers.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The samples' upstream scripts (test resources, {@code realworld/}), run by the engine's own command-line client into
 * a database the test made: the script's own lines that drop, create and switch to its database are left out.
 */
final class SampleScripts {

    private SampleScripts() {
    }

    /** The script's text after the line {@code switchLine} (its {@code \c chinook;} or {@code USE `Chinook`;}). */
    static String body(String resource, String switchLine) throws IOException {
        String text;
        try (InputStream in = SampleScripts.class.getResourceAsStream("/realworld/" + resource)) {
            if (in == null) {
                throw new IOException("No test resource realworld/" + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int at = text.indexOf(switchLine);
        if (at < 0) {
            throw new IOException(resource + " has no line " + switchLine);
        }
        return text.substring(at + switchLine.length());
    }

    /** Runs {@code command}, {@code script} as its standard input; fails with its output where it exits non-zero. */
    static void run(List<String> command, String script) throws SQLException {
        try {
            Path log = Files.createTempFile("sample-script", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                try (OutputStream in = process.getOutputStream()) {
                    in.write(script.getBytes(StandardCharsets.UTF_8));
                }
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new SQLException(command.get(0) + " did not finish in 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new SQLException(command + " exited with " + process.exitValue() + ": "
                            + Files.readString(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new SQLException("Cannot run " + command.get(0) + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted running " + command.get(0), e);
        }
    }

    /** The mariadb client's command that runs a script from its standard input on {@code database}. */
    static List<String> mariadb(TestServer server, String database) {
        URI uri = hostAndPort(server.url(database));
        List<String> command = new ArrayList<>(List.of("mariadb", "--protocol=TCP", "-h", uri.getHost(),
                "-P", String.valueOf(uri.getPort()), "-u", server.credentials().getProperty("user")));
        String password = server.credentials().getProperty("password");
        if (password != null && !password.isEmpty()) {
            command.add("-p" + password);
        }
        command.add(database);
        return command;
    }

    /** The host and port of a JDBC URL such as {@code jdbc:postgresql://127.0.0.1:5432/db}. */
    static URI hostAndPort(String jdbcUrl) {
        return URI.create(jdbcUrl.substring("jdbc:".length()));
    }
}
