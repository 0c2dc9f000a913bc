package dev.ferry.core.model.manifest;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.ferry.core.model.schema.DatabaseSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code schema.json}: the exported schema as Ferry's model, in the source engine's terms. IMPORT into another engine
 * translates it for that engine instead of running the scripts written for the source.
 *
 * @param dialect the dialect the schema was read with ({@code Dialect#name})
 * @param schema  the schema
 */
public record SchemaFile(String dialect, DatabaseSchema schema) {
    /** The file's name in an export directory. */
    public static final String NAME = "schema.json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Writes it into {@code directory}. */
    public void write(Path directory) throws IOException {
        JSON.writeValue(directory.resolve(NAME).toFile(), this);
    }

    /**
     * Reads the schema file of {@code directory}.
     *
     * @throws java.nio.file.NoSuchFileException where the export has none (written before Ferry wrote one)
     * @throws IOException                       where it cannot be read as one
     */
    public static SchemaFile read(Path directory) throws IOException {
        Path file = directory.resolve(NAME);
        byte[] bytes = Files.readAllBytes(file);
        try {
            return JSON.readValue(bytes, SchemaFile.class);
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid Ferry schema file: " + e.getOriginalMessage(), e);
        }
    }
}
