package dev.ferry.cli;

import dev.ferry.core.sql.SqlScript;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;

/** SQL the command line runs: a {@code -c}'s text, or a {@code -f}'s file ({@code -} for standard input). */
final class Script {
    private static final String STANDARD_INPUT = "-";

    private final String file;
    private String sql;

    private Script(String sql, String file) {
        this.sql = sql;
        this.file = file;
    }

    static Script command(String sql) {
        return new Script(sql, null);
    }

    static Script file(String file) {
        return new Script(null, file);
    }

    /** The statements' text; a file is read, as UTF-8, the first time. */
    String text() throws IOException {
        if (sql == null) {
            sql = read();
        }
        return sql;
    }

    private String read() throws IOException {
        try {
            if (file.equals(STANDARD_INPUT)) {
                InputStream in = System.in;
                // As Files.readString does: bytes that are not UTF-8 are an error, never replaced.
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(in.readAllBytes())).toString();
            }
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("Cannot read -f " + file + ": there is no such file", e);
        } catch (CharacterCodingException e) {
            throw new IOException("Cannot read -f " + file + ": it is not UTF-8 text", e);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IOException("Cannot read -f " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code failure} of one of this script's statements, naming the file and line where it came from a file. */
    SQLException at(SqlScript.Statement statement, SQLException failure) {
        if (file == null) {
            return failure;
        }
        String where = file.equals(STANDARD_INPUT) ? "standard input" : file;
        return new SQLException(failure.getMessage() + " (" + where + ", line " + statement.line() + ")",
                failure.getSQLState(), failure.getErrorCode(), failure);
    }
}
