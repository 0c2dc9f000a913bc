package dev.ferry.core.model.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * manifest.json's fields of a resumed export ({@code snapshot}, {@code runs}): written only for an export read in more
 * than one snapshot, so that every other manifest is as before, and absent from manifests written before them.
 */
class ManifestFileTest {
    @TempDir
    Path dir;

    private static Manifest manifest(String snapshot, List<Manifest.Run> runs) {
        return new Manifest(Manifest.FORMAT_VERSION, "0.1.0", "2026-12-06T13:00:00Z",
                new Manifest.Source("H2", "2.3.232", "H2 JDBC Driver", "2.3.232", "h2"), Map.of("FORMAT", "csv"),
                List.of("PUBLIC"), true, null,
                List.of(new Manifest.TableEntry("PUBLIC", "T", "public.t.csv", 2, 20, "ab".repeat(32))), List.of(),
                Map.of("schema.sql", "cd".repeat(32)), snapshot, runs);
    }

    @Test
    void aManifestWrittenBeforeResumingExisted_readsAsOneSnapshot() throws Exception {
        Files.writeString(dir.resolve(ManifestFile.NAME), """
                {
                  "formatVersion" : 1,
                  "ferryVersion" : "0.1.0",
                  "createdAt" : "2026-01-01T00:00:00Z",
                  "source" : { "engine" : "H2", "version" : "2.3.232", "driver" : "H2 JDBC Driver",
                               "driverVersion" : "2.3.232", "dialect" : "h2" },
                  "options" : { "FORMAT" : "csv" },
                  "tables" : [ { "schema" : "PUBLIC", "name" : "T", "file" : "public.t.csv", "rows" : 2,
                                 "bytes" : 20, "sha256" : "00" } ],
                  "warnings" : [ ]
                }
                """);
        Manifest manifest = ManifestFile.read(dir);
        assertNull(manifest.snapshot());
        assertNull(manifest.runs());
        assertFalse(manifest.resumed());
        assertEquals(1, manifest.tables().size());
    }

    @Test
    void oneSnapshot_writesNeitherField() throws Exception {
        ManifestFile.write(dir, manifest(null, null));
        String json = Files.readString(dir.resolve(ManifestFile.NAME));
        assertFalse(json.contains("snapshot"), json);
        assertFalse(json.contains("runs"), json);
        assertEquals(manifest(null, null), ManifestFile.read(dir));
    }

    @Test
    void aResumedExport_recordsItsRuns_andReadsBack() throws Exception {
        List<Manifest.Run> runs = List.of(new Manifest.Run("2026-12-06T13:00:00Z", List.of("public.t.csv")),
                new Manifest.Run("2026-12-06T13:05:00Z", List.of()));
        ManifestFile.write(dir, manifest(Manifest.RESUMED, runs));
        String json = Files.readString(dir.resolve(ManifestFile.NAME));
        assertTrue(json.contains("\"snapshot\" : \"resumed\""), json);
        assertTrue(json.contains("\"readAt\" : \"2026-12-06T13:05:00Z\""), json);
        Manifest read = ManifestFile.read(dir);
        assertTrue(read.resumed());
        assertEquals(runs, read.runs());
        assertEquals(Manifest.FORMAT_VERSION, read.formatVersion(), "the layout is unchanged");
    }
}
