package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.model.manifest.DataFilePaths;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * An export directory, checked before anything is imported: the manifest is readable and of a known version, the
 * scripts are there, and every data file is there with the size and checksum the manifest records.
 *
 * @param directory  the directory
 * @param manifest   its manifest
 * @param schema     the schema script's text
 * @param load       the load script's text
 * @param postData   the post-data script's text
 */
record ExportSource(Path directory, Manifest manifest, String schema, String load, String postData) {

    static ExportSource open(Path directory) throws SQLException {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw FerryErrors.refused("IMPORT DATABASE: " + dir + " is not a directory");
        }
        Manifest manifest;
        try {
            manifest = ManifestFile.read(dir);
        } catch (NoSuchFileException e) {
            throw FerryErrors.refused("IMPORT DATABASE: " + dir + " has no " + ManifestFile.NAME
                    + "; it is not a complete Ferry export");
        } catch (IOException e) {
            throw FerryErrors.data("IMPORT DATABASE: " + e.getMessage(), e);
        }
        if (manifest.formatVersion() != Manifest.FORMAT_VERSION) {
            throw FerryErrors.data("IMPORT DATABASE: " + dir + " has export format version "
                    + manifest.formatVersion() + "; this Ferry reads version " + Manifest.FORMAT_VERSION);
        }
        ExportSource source = new ExportSource(dir, manifest, script(dir, ExportLayout.SCHEMA),
                script(dir, ExportLayout.LOAD), script(dir, ExportLayout.POST_DATA));
        for (Manifest.TableEntry table : manifest.tables()) {
            verify(dir, table);
        }
        return source;
    }

    /** The manifest's entries by data file name. */
    Map<String, Manifest.TableEntry> tablesByFile() {
        Map<String, Manifest.TableEntry> tables = new HashMap<>();
        for (Manifest.TableEntry table : manifest.tables()) {
            tables.put(table.file(), table);
        }
        return tables;
    }

    private static String script(Path dir, String name) throws SQLException {
        Path file = dir.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw FerryErrors.refused("IMPORT DATABASE: " + dir + " lacks its script " + name);
        }
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw FerryErrors.io("IMPORT DATABASE: cannot read " + file + ": " + e, e);
        }
    }

    private static void verify(Path dir, Manifest.TableEntry table) throws SQLException {
        Path file = DataFilePaths.inside(dir, table.file(), ManifestFile.NAME);
        String name = table.schema() == null ? table.name() : table.schema() + "." + table.name();
        if (!Files.isRegularFile(file)) {
            throw FerryErrors.data("IMPORT DATABASE: data file " + table.file() + " of table " + name + " is missing");
        }
        try {
            long size = Files.size(file);
            if (size != table.bytes()) {
                throw FerryErrors.data("IMPORT DATABASE: data file " + table.file() + " of table " + name + " has "
                        + size + " bytes, the manifest says " + table.bytes() + "; it has been altered");
            }
            if (!FileChecksum.sha256(file).equals(table.sha256())) {
                throw FerryErrors.data("IMPORT DATABASE: data file " + table.file() + " of table " + name
                        + " does not match its checksum in the manifest; it has been altered");
            }
        } catch (IOException e) {
            throw FerryErrors.io("IMPORT DATABASE: cannot read " + file + ": " + e, e);
        }
    }
}
