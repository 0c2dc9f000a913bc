package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.FileChecksum;
import dev.ferry.core.model.manifest.DataFilePaths;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.manifest.ManifestFile;
import dev.ferry.core.model.options.ImportOptions;
import dev.ferry.core.model.schema.QualifiedName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An export directory, checked before anything is imported: the manifest is readable and of a known version, the
 * scripts are there and are those the export wrote (their SHA-256, unless the user allows edits), and every data file
 * is there with the size and checksum the manifest records.
 *
 * @param directory  the directory
 * @param manifest   its manifest
 * @param schema     the schema script's text
 * @param load       the load script's text
 * @param postData   the post-data script's text
 * @param edited     the scripts that differ from what the export wrote, which the user allowed to run
 */
record ExportSource(Path directory, Manifest manifest, String schema, String load, String postData,
                    List<String> edited) {

    static ExportSource open(Path directory, ImportOptions options) throws SQLException {
        ExportSource source = openScripts(directory, options);
        source.verifyDataFiles();
        return source;
    }

    /**
     * The directory's manifest and scripts, checked as {@link #open} checks them; its data files are not looked at
     * (they may be elsewhere: a {@link SplitImport}'s tasks check each where they load it).
     */
    static ExportSource openScripts(Path directory, ImportOptions options) throws SQLException {
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
        if (!Manifest.readsVersion(manifest.formatVersion())) {
            throw FerryErrors.data("IMPORT DATABASE: " + dir + " has export format version "
                    + manifest.formatVersion() + "; this Ferry reads versions " + Manifest.FORMAT_VERSION + " to "
                    + Manifest.PARTIAL_CONTENTS_FORMAT_VERSION);
        }
        if (manifest.contents() != null && !manifest.schemaOnly() && !manifest.dataOnly()) {
            throw FerryErrors.data("IMPORT DATABASE: " + dir + "'s " + ManifestFile.NAME + " says it holds \""
                    + manifest.contents() + "\", which this Ferry does not know (it knows \"" + Manifest.SCHEMA_ONLY
                    + "\" and \"" + Manifest.DATA_ONLY + "\")");
        }
        List<String> edited = editedScripts(dir, manifest);
        if (!edited.isEmpty() && !options.allowEditedScripts()) {
            throw FerryErrors.refused("IMPORT DATABASE: " + String.join(", ", edited) + " in " + dir + " differ from what"
                    + " the export wrote (their SHA-256 is not the one " + ManifestFile.NAME + " records): they were"
                    + " edited since. An export directory runs as SQL with the importing user's rights; to run the"
                    + " edits as they are: IMPORT DATABASE '" + dir + "' (" + ImportOptions.ALLOW_EDITED_SCRIPTS + ")");
        }
        for (Manifest.TableEntry table : manifest.tables()) {
            if (table.chunked()) {
                verifyChunks(table);
            }
        }
        return new ExportSource(dir, manifest, script(dir, ExportLayout.SCHEMA),
                script(dir, ExportLayout.LOAD), script(dir, ExportLayout.POST_DATA), List.copyOf(edited));
    }

    /** Checks that every data file is there with the size and checksum the manifest records. */
    private void verifyDataFiles() throws SQLException {
        for (Manifest.TableEntry table : manifest.tables()) {
            for (Manifest.DataFile file : table.files()) {
                verify(directory, table, file);
            }
        }
    }

    /** The manifest's warnings, and a note of the scripts that run as edited since the export. */
    List<String> warnings() {
        List<String> warnings = new ArrayList<>(manifest.warnings());
        if (!edited.isEmpty()) {
            warnings.add(String.join(", ", edited) + " ran as edited since the export ("
                    + ImportOptions.ALLOW_EDITED_SCRIPTS + ")");
        }
        return warnings;
    }

    /**
     * The scripts (and schema.json) whose SHA-256 is not the one the manifest records for them; a missing one is
     * reported as missing where it is read.
     */
    private static List<String> editedScripts(Path dir, Manifest manifest) throws SQLException {
        List<String> edited = new ArrayList<>();
        for (Map.Entry<String, String> script : manifest.scripts().entrySet()) {
            Path file = DataFilePaths.inside(dir, script.getKey(), ManifestFile.NAME);
            try {
                if (Files.isRegularFile(file) && !FileChecksum.sha256(file).equals(script.getValue())) {
                    edited.add(script.getKey());
                }
            } catch (IOException e) {
                throw FerryErrors.io("IMPORT DATABASE: cannot read " + file + ": " + e, e);
            }
        }
        return edited;
    }

    /** The manifest's data files (each chunk of a chunked table on its own) by name, each with its table. */
    Map<String, ListedFile> filesByName() {
        Map<String, ListedFile> files = new HashMap<>();
        for (Manifest.TableEntry table : manifest.tables()) {
            for (Manifest.DataFile file : table.files()) {
                files.put(file.file(), new ListedFile(table, file));
            }
        }
        return files;
    }

    /** A data file the manifest lists, and the table it holds rows of. */
    record ListedFile(Manifest.TableEntry table, Manifest.DataFile file) {
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

    /** A chunked table's entry lists one chunk or more, whose rows add up to the table's. */
    private static void verifyChunks(Manifest.TableEntry table) throws SQLException {
        QualifiedName name = new QualifiedName(table.schema(), table.name());
        if (table.chunks().isEmpty()) {
            throw FerryErrors.data("IMPORT DATABASE: " + ManifestFile.NAME + " lists no chunk for table " + name);
        }
        long rows = table.chunks().stream().mapToLong(Manifest.DataFile::rows).sum();
        if (rows != table.rows()) {
            throw FerryErrors.data("IMPORT DATABASE: the chunks of table " + name + " in " + ManifestFile.NAME
                    + " hold " + rows + " rows, the manifest says the table holds " + table.rows()
                    + "; it has been altered");
        }
    }

    private static void verify(Path dir, Manifest.TableEntry table, Manifest.DataFile data) throws SQLException {
        if (data.file() == null) {
            throw FerryErrors.data("IMPORT DATABASE: " + ManifestFile.NAME + " names no data file for table "
                    + new QualifiedName(table.schema(), table.name()));
        }
        Path file = DataFilePaths.inside(dir, data.file(), ManifestFile.NAME);
        String name = table.schema() == null ? table.name() : table.schema() + "." + table.name();
        checkDataFile(file, data.file(), name, data.bytes(), data.sha256());
    }

    /**
     * Checks that {@code file} is the data file the manifest lists: there, of its size and SHA-256.
     *
     * @param name  the file's name in the export, as the manifest gives it
     * @param table the table it holds rows of, as the messages name it
     * @throws SQLException (22000) naming the file and the table where it is missing or differs
     */
    static void checkDataFile(Path file, String name, String table, long bytes, String sha256) throws SQLException {
        if (!Files.isRegularFile(file)) {
            throw FerryErrors.data("IMPORT DATABASE: data file " + name + " of table " + table + " is missing");
        }
        try {
            long size = Files.size(file);
            if (size != bytes) {
                throw FerryErrors.data("IMPORT DATABASE: data file " + name + " of table " + table + " has "
                        + size + " bytes, the manifest says " + bytes + "; it has been altered");
            }
            if (!FileChecksum.sha256(file).equals(sha256)) {
                throw FerryErrors.data("IMPORT DATABASE: data file " + name + " of table " + table
                        + " does not match its checksum in the manifest; it has been altered");
            }
        } catch (IOException e) {
            throw FerryErrors.io("IMPORT DATABASE: cannot read " + file + ": " + e, e);
        }
    }
}
