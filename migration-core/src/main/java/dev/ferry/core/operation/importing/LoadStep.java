package dev.ferry.core.operation.importing;

import dev.ferry.core.operation.loading.TableLoad;
import dev.ferry.core.sql.SqlScript;
import java.util.OptionalLong;

/** One step of an import's data phase: a table loaded from a data file, or another statement of load.sql. */
sealed interface LoadStep {

    /**
     * A table loaded from one of the export's data files.
     *
     * @param load         the table, its columns and the file
     * @param file         the file's name, as the manifest (or DuckDB's load.sql) gives it
     * @param expectedRows the rows the manifest says the file holds; empty where there is no manifest (DuckDB's
     *                     exports)
     * @param bytes        the file's size; -1 where it cannot be told
     * @param oneOfSeveral whether the table's rows are in several files (chunks), each loaded in a transaction of its
     *                     own where the import commits as it goes, so that a resumed import keeps those it loaded
     */
    record LoadTable(TableLoad load, String file, OptionalLong expectedRows, long bytes, boolean oneOfSeveral)
            implements LoadStep {
    }

    /**
     * A statement of load.sql that is not Ferry's {@code COPY ... FROM} (one a user added), run by the database as
     * written.
     */
    record RunStatement(SqlScript.Statement statement) implements LoadStep {
    }
}
