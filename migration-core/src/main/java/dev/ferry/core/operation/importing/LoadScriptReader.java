package dev.ferry.core.operation.importing;

import dev.ferry.core.FerryErrors;
import dev.ferry.core.format.files.FormattedFile;
import dev.ferry.core.model.manifest.DataFilePaths;
import dev.ferry.core.model.manifest.ExportLayout;
import dev.ferry.core.model.manifest.Manifest;
import dev.ferry.core.model.options.FormatOptions;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.operation.command.CommandParser;
import dev.ferry.core.operation.command.CopyFromCommand;
import dev.ferry.core.operation.command.FerryCommand;
import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.sql.SqlScript;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads the load.sql of an export written for the target's engine, as Ferry wrote it or as a user edited it, into
 * the steps of the data phase, one at a time as they run: each {@code COPY ... FROM} of a data file the manifest
 * lists loads its table with the COPY's columns and reader options; any other statement is run as written, where it
 * stands. A chunked table has a COPY per chunk, each loading one of its data files.
 */
final class LoadScriptReader {

    private LoadScriptReader() {
    }

    /**
     * The steps of {@code source}'s load.sql, read when the data phase runs them. Running them throws an SQLException
     * naming load.sql's line where a COPY names a file the manifest does not list or options Ferry does not read,
     * and, after the last, where a data file of the manifest is loaded by no COPY.
     */
    static LoadSteps read(ExportSource source) {
        return action -> {
            Map<String, ExportSource.ListedFile> expected = source.filesByName();
            Set<String> loaded = new HashSet<>();
            // load.sql holds Ferry's own COPY statements (file names, reader options): standard SQL's lexical rules.
            for (SqlScript.Statement sql : SqlScript.split(source.load())) {
                Optional<FerryCommand> command = CommandParser.parse(sql.sql());
                if (command.isPresent() && command.get() instanceof CopyFromCommand copy) {
                    LoadStep.LoadTable table = loadTable(source, copy, sql, expected);
                    loaded.add(table.file());
                    action.run(table);
                } else {
                    action.run(new LoadStep.RunStatement(sql));
                }
            }
            for (Manifest.TableEntry table : source.manifest().tables()) {
                for (Manifest.DataFile file : table.files()) {
                    if (!loaded.contains(file.file())) {
                        throw FerryErrors.data("IMPORT DATABASE: " + ExportLayout.LOAD + " does not load "
                                + file.file() + " (table " + new QualifiedName(table.schema(), table.name())
                                + ") listed in the manifest");
                    }
                }
            }
        };
    }

    private static LoadStep.LoadTable loadTable(ExportSource source, CopyFromCommand copy, SqlScript.Statement sql,
                                                Map<String, ExportSource.ListedFile> expected) throws SQLException {
        String fileName = copy.file().value();
        ExportSource.ListedFile entry = expected.get(fileName);
        if (entry == null) {
            throw FerryErrors.data(ExportLayout.LOAD + " line " + sql.line() + ": " + fileName
                    + " is not a data file listed in the manifest");
        }
        FormatOptions options;
        try {
            options = FormatOptions.from(copy.options(), "COPY");
        } catch (SQLException e) {
            throw FerryErrors.withContext(ExportLayout.LOAD + " line " + sql.line(), e);
        }
        TableLoad load = new TableLoad(copy.table(), copy.columns(),
                new FormattedFile(DataFilePaths.inside(source.directory(), fileName, ExportLayout.LOAD + " line "
                        + sql.line()), options, entry.file().sha256()));
        return new LoadStep.LoadTable(load, fileName, OptionalLong.of(entry.file().rows()),
                entry.file().bytes(), entry.table().files().size() > 1);
    }
}
