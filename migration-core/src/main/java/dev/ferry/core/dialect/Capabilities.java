package dev.ferry.core.dialect;

import dev.ferry.core.value.ValueText;
import java.util.List;
import java.util.Set;

/**
 * What an engine has and how its SQL is written: the fixed facts about an engine, given once to
 * {@link StandardDialect}'s constructor, where {@link Dialect}'s methods are what engines do differently.
 * {@link #builder()} starts from standard SQL's answers; each setter of {@link Builder} says what its fact means.
 */
public record Capabilities(
        IdentifierCase identifierCase,
        String defaultSchema,
        boolean hasSchemas,
        boolean schemasAreCatalogs,
        boolean hasSequences,
        boolean hasIdentityColumns,
        boolean hasMaterializedViews,
        boolean transactionalDdl,
        Set<String> tableTypes,
        List<String> relationTypes,
        boolean foreignKeysInCreateTable,
        boolean foreignKeyTypesMustMatch,
        boolean identityDeclaresPrimaryKey,
        int keyTextLength,
        boolean postDataInSchemaScript,
        List<String> schemaScriptPreamble,
        boolean mysqlSyntax,
        ValueText csvValueText,
        boolean setNullOnNotNullKey,
        boolean setDefaultAction,
        boolean indexNamesPerTable,
        Set<String> foreignKeyActions,
        boolean foreignKeysCheckedWhileLoading,
        boolean batchRefusalUnnamed,
        boolean concurrentLoads,
        boolean keysAfterData,
        String implicitForeignKeyAction,
        boolean importFindsDataFilesByName) {

    /** The referential actions of standard SQL, every one of which a standard engine takes. */
    public static final Set<String> ALL_FOREIGN_KEY_ACTIONS = Set.of("NO ACTION", "RESTRICT", "CASCADE", "SET NULL",
            "SET DEFAULT");

    public Capabilities {
        tableTypes = Set.copyOf(tableTypes);
        foreignKeyActions = Set.copyOf(foreignKeyActions);
        relationTypes = relationTypes == null ? null : List.copyOf(relationTypes);
        schemaScriptPreamble = List.copyOf(schemaScriptPreamble);
    }

    /** Standard SQL's answers: the generic dialect's. */
    public static final Capabilities STANDARD = builder().build();

    /** A builder that holds standard SQL's answers until an engine's differ. */
    public static Builder builder() {
        return new Builder();
    }

    /** Collects an engine's capabilities; a fact not set keeps standard SQL's answer. */
    public static final class Builder {
        private IdentifierCase identifierCase = IdentifierCase.UPPER;
        private String defaultSchema = null;
        private boolean hasSchemas = true;
        private boolean schemasAreCatalogs = false;
        private boolean hasSequences = true;
        private boolean hasIdentityColumns = true;
        private boolean hasMaterializedViews = false;
        private boolean transactionalDdl = false;
        private Set<String> tableTypes = Set.of("TABLE", "BASE TABLE");
        private List<String> relationTypes = null;
        private boolean foreignKeysInCreateTable = false;
        private boolean foreignKeyTypesMustMatch = false;
        private boolean identityDeclaresPrimaryKey = false;
        private int keyTextLength = 0;
        private boolean postDataInSchemaScript = false;
        private List<String> schemaScriptPreamble = List.of();
        private boolean mysqlSyntax = false;
        private boolean setNullOnNotNullKey = true;
        private boolean setDefaultAction = true;
        private boolean indexNamesPerTable = false;
        private Set<String> foreignKeyActions = ALL_FOREIGN_KEY_ACTIONS;
        private boolean foreignKeysCheckedWhileLoading = false;
        private boolean batchRefusalUnnamed = false;
        private boolean concurrentLoads = false;
        private boolean keysAfterData = false;
        private String implicitForeignKeyAction = null;
        private ValueText csvValueText = ValueText.FERRY;
        private boolean importFindsDataFilesByName = false;

        private Builder() {
        }

        /** What the engine does with the case of an unquoted identifier; by default the standard's upper case. */
        public Builder identifierCase(IdentifierCase value) {
            this.identifierCase = value;
            return this;
        }

        /**
         * The schema objects are created in when their name says none (PostgreSQL's {@code public}, H2's {@code PUBLIC}),
         * or null where an unqualified name means the connection's database (MariaDB) or the engine has no schemas.
         */
        public Builder defaultSchema(String value) {
            this.defaultSchema = value;
            return this;
        }

        /** Whether the engine has schemas (or, as MariaDB, databases that serve as such) beside its default one. */
        public Builder hasSchemas(boolean value) {
            this.hasSchemas = value;
            return this;
        }

        /**
         * Whether the engine's schemas are what JDBC calls catalogs (MariaDB's databases, reported with a null schema):
         * {@link java.sql.DatabaseMetaData} then finds a schema's tables by catalog, and a scope of named schemas names every
         * object with its database.
         */
        public Builder schemasAreCatalogs(boolean value) {
            this.schemasAreCatalogs = value;
            return this;
        }

        /** Whether the engine has sequences. */
        public Builder hasSequences(boolean value) {
            this.hasSequences = value;
            return this;
        }

        /**
         * Whether the engine has identity (auto-increment) columns; where it has not, an identity column of another engine
         * becomes a column whose default takes the next value of a sequence of its own.
         */
        public Builder hasIdentityColumns(boolean value) {
            this.hasIdentityColumns = value;
            return this;
        }

        /** Whether the engine has materialized views. */
        public Builder hasMaterializedViews(boolean value) {
            this.hasMaterializedViews = value;
            return this;
        }

        /**
         * Whether several connections may load tables of one database at once, each in its own transaction, to the
         * import's gain (a server engine, whose tables take rows from many sessions), so that an IMPORT's JOBS opens
         * more connections.
         */
        public Builder concurrentLoads(boolean value) {
            this.concurrentLoads = value;
            return this;
        }

        /**
         * Whether a table's primary and unique keys are added after its rows are loaded (as pg_dump does), because the
         * engine builds an index over loaded rows much faster than it maintains one row by row; a duplicate key then
         * fails the import when the key is added, naming the key's value, not the data file's line.
         */
        public Builder keysAfterData(boolean value) {
            this.keysAfterData = value;
            return this;
        }

        /**
         * The referential action a foreign key takes where it names none, which the scripts then leave unnamed; null
         * to name every action. MariaDB's is RESTRICT, and MariaDB 10.11 stores a RESTRICT named in a foreign key added
         * in place ({@code foreign_key_checks} off, as an import adds them) as NO ACTION, where left unnamed it stays
         * RESTRICT.
         */
        public Builder implicitForeignKeyAction(String value) {
            this.implicitForeignKeyAction = value;
            return this;
        }

        /** Whether DDL runs inside a transaction that can be rolled back. */
        public Builder transactionalDdl(boolean value) {
            this.transactionalDdl = value;
            return this;
        }

        /** The table types (as in {@link java.sql.DatabaseMetaData#getTables}) that hold user data. */
        public Builder tableTypes(Set<String> value) {
            this.tableTypes = value;
            return this;
        }

        /**
         * The table types to list with {@link java.sql.DatabaseMetaData#getTables}, or null for all of them; a dialect whose
         * driver lists indexes, sequences or types as tables names the relation types it means.
         */
        public Builder relationTypes(List<String> value) {
            this.relationTypes = value;
            return this;
        }

        /**
         * Whether foreign keys are declared in CREATE TABLE rather than added after the data, for engines that cannot add
         * one to an existing table (SQLite, DuckDB). Tables are then created, and loaded, referenced ones first, so that
         * each loaded row finds the rows it refers to; SQLite's dialect also leaves their checks off while loading.
         */
        public Builder foreignKeysInCreateTable(boolean value) {
            this.foreignKeysInCreateTable = value;
            return this;
        }

        /**
         * Whether the engine refuses a foreign key between integer columns of different widths (an INT referring to a
         * BIGINT); a column imported from another engine is then declared as wide as the one it refers to.
         */
        public Builder foreignKeyTypesMustMatch(boolean value) {
            this.foreignKeyTypesMustMatch = value;
            return this;
        }

        /**
         * Whether an identity column declares its table's primary key itself ({@link Dialect#identityClause} says so), so that
         * CREATE TABLE declares no other.
         */
        public Builder identityDeclaresPrimaryKey(boolean value) {
            this.identityDeclaresPrimaryKey = value;
            return this;
        }

        /**
         * The most characters of text a primary or foreign key may hold, where the engine keys no text of any length (a
         * text column of such a key imported from another engine is then declared with at most this many characters,
         * shared with the key's other columns); 0, the default, where it can.
         */
        public Builder keyTextLength(int value) {
            this.keyTextLength = value;
            return this;
        }

        /**
         * Whether the scripts written for this engine put what comes after the data for others (identity positions,
         * indexes, foreign keys, views, triggers) at the end of the schema script instead, leaving the post-data script
         * empty: for an engine whose own IMPORT DATABASE runs only schema.sql and load.sql.
         */
        public Builder postDataInSchemaScript(boolean value) {
            this.postDataInSchemaScript = value;
            return this;
        }

        /**
         * Statements that set the session up for the schema script, run in the import's transaction (PostgreSQL: do
         * not check function bodies against tables that do not exist yet); empty where nothing is needed.
         */
        public Builder schemaScriptPreamble(List<String> value) {
            this.schemaScriptPreamble = value;
            return this;
        }

        /**
         * Whether the engine's SQL, and so the scripts written for it, follows MySQL's lexical rules: backslash escapes in
         * string literals (MariaDB writes {@code 'it\'s'} in view definitions and CHECK clauses) and {@code #} comments.
         * The scripts are then split into statements by those rules.
         */
        public Builder mysqlSyntax(boolean value) {
            this.mysqlSyntax = value;
            return this;
        }

        /**
         * The text forms the data files of an export written for this engine hold in CSV, and whether its arrays are
         * written as arrays of their elements, in CSV and Parquet ({@link ValueText#arraysAsElements}).
         */
        public Builder csvValueText(ValueText value) {
            this.csvValueText = value;
            return this;
        }

        /**
         * Whether the engine creates a foreign key whose action is {@code SET NULL} on a NOT NULL column (PostgreSQL
         * and H2 do, and fail only when the action fires; MariaDB refuses the key, errno 150). Where it does not, a
         * key carried from another engine is created without that action, with a warning.
         */
        public Builder setNullOnNotNullKey(boolean value) {
            this.setNullOnNotNullKey = value;
            return this;
        }

        /**
         * Whether the engine keeps a foreign key's {@code SET DEFAULT} action (MariaDB's InnoDB accepts it and drops it
         * without a word). Where it does not, a key carried from another engine is created without that action, with
         * a warning.
         */
        public Builder setDefaultAction(boolean value) {
            this.setDefaultAction = value;
            return this;
        }

        /**
         * Whether an index's name need only be unique among its table's indexes (MariaDB), rather than in its schema
         * (standard: PostgreSQL, H2, HSQLDB, SQLite and DuckDB refuse a second index of the same name on another
         * table). Where the target names indexes per schema, an index whose name another table's index of the source
         * took already is renamed {@code <table>_<name>}, with a warning.
         */
        public Builder indexNamesPerTable(boolean value) {
            this.indexNamesPerTable = value;
            return this;
        }

        /**
         * The referential actions ({@code ON UPDATE}/{@code ON DELETE}, upper case, single spaces) the engine creates a
         * foreign key with; by default all of standard SQL's. DuckDB takes only NO ACTION and RESTRICT ("FOREIGN KEY
         * constraints cannot use CASCADE, SET NULL or SET DEFAULT"). A key carried from another engine with an action
         * not among them is created without it, with a warning.
         */
        public Builder foreignKeyActions(Set<String> value) {
            this.foreignKeyActions = value;
            return this;
        }

        /**
         * Whether the engine checks each row's foreign keys as the data loads, with no way to defer or turn off the
         * check, on an engine whose keys are declared in CREATE TABLE ({@link #foreignKeysInCreateTable}): DuckDB. Its
         * load.sql, and Ferry's loader, then load referenced tables first, and a foreign key in a cycle of tables, or
         * one referring to its own table (a row of a load cannot refer to another row of the same load), is left out
         * with a warning. Engines that add their keys after the data, or turn the checks off (SQLite), load in name
         * order.
         */
        public Builder foreignKeysCheckedWhileLoading(boolean value) {
            this.foreignKeysCheckedWhileLoading = value;
            return this;
        }

        /**
         * Whether the driver's {@link java.sql.PreparedStatement#executeBatch}, where the database refuses a row,
         * throws no {@link java.sql.BatchUpdateException} (so says nothing of which row) and keeps the batch's rows
         * before it (sqlite-jdbc). The generic loader then marks a savepoint before each batch, to take those rows back
         * and find the refused row by inserting the batch's rows one at a time.
         */
        public Builder batchRefusalUnnamed(boolean value) {
            this.batchRefusalUnnamed = value;
            return this;
        }

        /**
         * Whether the engine's own IMPORT DATABASE, which may run the export's scripts, finds each data file a COPY of
         * load.sql names by the file's name alone, in the export directory (DuckDB drops every folder of the path).
         * An export whose scripts are written for it then has its data files beside the scripts, not in a folder per
         * table.
         */
        public Builder importFindsDataFilesByName(boolean value) {
            this.importFindsDataFilesByName = value;
            return this;
        }

        /** The capabilities collected. */
        public Capabilities build() {
            return new Capabilities(
                    identifierCase, defaultSchema, hasSchemas, schemasAreCatalogs, hasSequences, hasIdentityColumns,
                    hasMaterializedViews, transactionalDdl, tableTypes, relationTypes, foreignKeysInCreateTable,
                    foreignKeyTypesMustMatch, identityDeclaresPrimaryKey, keyTextLength, postDataInSchemaScript,
                    schemaScriptPreamble, mysqlSyntax, csvValueText, setNullOnNotNullKey, setDefaultAction,
                    indexNamesPerTable, foreignKeyActions, foreignKeysCheckedWhileLoading, batchRefusalUnnamed,
                    concurrentLoads,
                    keysAfterData, implicitForeignKeyAction, importFindsDataFilesByName);
        }
    }
}
