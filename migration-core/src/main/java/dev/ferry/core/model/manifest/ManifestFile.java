package dev.ferry.core.model.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}. */
public final class ManifestFile {
    /** The manifest's file name in an export directory. */
    public static final String NAME = "manifest.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ManifestFile() {
    }

    /** Writes the manifest into {@code directory}. */
    public static void write(Path directory, Manifest manifest) throws IOException {
        JSON.writeValue(directory.resolve(NAME).toFile(), manifest);
    }

    /**
     * Reads the manifest of {@code directory}.
     *
     * @throws IOException when it is missing or is not a manifest
     */
    public static Manifest read(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        try {
            return JSON.readValue(Files.readAllBytes(file), Manifest.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid Ferry manifest: " + e.getOriginalMessage(), e);
        }
    }
}
