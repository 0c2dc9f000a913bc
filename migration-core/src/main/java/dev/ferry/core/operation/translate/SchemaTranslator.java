package dev.ferry.core.operation.translate;

import dev.ferry.core.dialect.Dialect;
import dev.ferry.core.dialect.OnUpdateTrigger;
import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.Comment;
import dev.ferry.core.model.schema.DatabaseSchema;
import dev.ferry.core.model.schema.Dependencies;
import dev.ferry.core.model.schema.ForeignKey;
import dev.ferry.core.model.schema.Identity;
import dev.ferry.core.model.schema.Index;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Sequence;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.model.schema.TableOrder;
import dev.ferry.core.model.types.PortableType;
import dev.ferry.core.model.types.TargetType;
import dev.ferry.core.model.types.TypeFamily;
import dev.ferry.core.sql.SqlLexer;
import dev.ferry.core.sql.SqlToken;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An exported schema, read from one engine, rewritten for another: names as the target writes them, each column's
 * type through its {@link PortableType} (a domain's or an enum's column as {@link DomainColumns} and
 * {@link EnumColumns} resolve it), identities and sequences, and defaults, checks, generated columns and views
 * through {@link QueryTranslator}. What the target cannot hold, or holds with a loss, is a warning naming it;
 * what is written in the source's own procedural language (functions, procedures, triggers, other user types) is
 * not carried and is a warning too.
 */
public final class SchemaTranslator {
    private static final java.util.regex.Pattern FULLTEXT_OR_SPATIAL = java.util.regex.Pattern.compile(
            "(?i)\\s*CREATE\\s+(FULLTEXT|SPATIAL)\\s");
    private final Dialect source;
    private final Dialect target;
    private final NameMapper names;
    private final Set<String> implicitSchemas;
    private final List<String> warnings = new ArrayList<>();
    private ConstraintNames constraintNames;
    private final List<Sequence> identitySequences = new ArrayList<>();
    private final List<String> onUpdateRoutines = new ArrayList<>();
    private final List<String> onUpdateTriggers = new ArrayList<>();
    private QueryTranslator expressions;
    private SequenceDefaults sequenceDefaults;
    private KeyColumnTypes types;
    private boolean forEnginesOwnImport;

    /**
     * @param defaultSchemas the source's schemas that become the target's default schema, besides the source's own
     *                       default (MariaDB: the database an export without SCHEMAS was taken from)
     */
    public SchemaTranslator(Dialect source, Dialect target, Set<String> defaultSchemas) {
        this.source = source;
        this.target = target;
        Set<String> defaults = new HashSet<>(defaultSchemas);
        if (source.capabilities().defaultSchema() != null) {
            defaults.add(source.capabilities().defaultSchema());
        }
        this.names = new NameMapper(source, target, defaults);
        this.implicitSchemas = defaults;
    }

    /**
     * Translates for scripts that the target's own IMPORT may run (EXPORT ... DIALECT), not only Ferry's: where the
     * target checks each row's keys as it loads, a foreign key to its own table is then left out with a warning too,
     * since the engine's COPY refuses a row referring to another row of the same load (Ferry's loader loads such a
     * table one row per statement, and keeps the key).
     */
    public SchemaTranslator forEnginesOwnImport() {
        this.forEnginesOwnImport = true;
        return this;
    }

    /**
     * The schema and what was lost on the way.
     *
     * @param tables each table of the source by its source name, as translated
     */
    public record Translation(DatabaseSchema schema, List<String> warnings, Map<QualifiedName, Table> tables) {

        /** The translation of the source's table {@code name}. */
        public Table table(QualifiedName name) {
            return tables.get(name);
        }
    }

    /** {@code schema} rewritten for the target. */
    public Translation translate(DatabaseSchema schema) throws SQLException {
        DomainColumns domains = new DomainColumns(schema.types());
        EnumColumns enums = new EnumColumns(schema.types());
        List<Table> resolved = new ArrayList<>();
        for (Table table : schema.tables()) {
            resolved.add(enums.resolve(domains.resolve(table), target.name(), warnings));
        }
        schema = schema.withTables(resolved);
        Set<String> schemaNames = new HashSet<>(schema.schemas());
        schemaNames.addAll(implicitSchemas);
        expressions = new QueryTranslator(source, target, names, schemaNames, ViewTranslator.relationNames(schema),
                knownNames(schema), ViewTranslator.routineNames(schema.routines()));
        ViewTranslator views = new ViewTranslator(source, target, names, expressions, warnings);
        constraintNames = new ConstraintNames(names);
        ForeignKeyTranslator keys = new ForeignKeyTranslator(source, target, names, constraintNames, warnings,
                forEnginesOwnImport);
        sequenceDefaults = new SequenceDefaults(source, names, schema.sequences(), schema.tables());
        types = new KeyColumnTypes(source, target, schema.tables(), schema.foreignKeys());
        warnings.addAll(types.warnings());
        Set<QualifiedName> becameIdentities = new HashSet<>();

        List<Table> tables = new ArrayList<>();
        Map<QualifiedName, Table> bySource = new HashMap<>();
        for (Table table : schema.tables()) {
            warnings.addAll(InheritanceNotCarried.warnings(table, schema, source, target));
            Table translated = table(table, becameIdentities);
            tables.add(translated);
            bySource.put(table.name(), translated);
        }
        List<ForeignKey> foreignKeys = keys.translate(keys.referencingUnpartitioned(schema), bySource);
        if (target.capabilities().foreignKeysInCreateTable() && target.capabilities().foreignKeysCheckedWhileLoading()) {
            foreignKeys = keys.withoutCycles(tables, foreignKeys);
        }
        if (target.capabilities().foreignKeysInCreateTable()) {
            tables = TableOrder.referencedFirst(tables, foreignKeys);
        }
        List<Sequence> translatedSequences = new ArrayList<>(identitySequences);
        for (Sequence sequence : schema.sequences()) {
            if (becameIdentities.contains(sequence.name())) {
                continue;
            }
            if (!target.capabilities().hasSequences()) {
                warnings.add("Sequence " + sequence.name() + " is not carried: " + target.name() + " has no sequences");
                continue;
            }
            translatedSequences.add(new Sequence(names.qualified(sequence.name()), null, sequence.start(),
                    sequence.increment(), sequence.minimum(), sequence.maximum(), sequence.cycle(), sequence.next(),
                    null, null));
        }
        List<String> schemas = schema.schemas().stream().map(names::schema).filter(s -> s != null)
                .distinct().toList();
        if (!target.capabilities().hasSchemas() && schema.schemas().stream().anyMatch(s -> !names.isDefaultSchema(s))) {
            warnings.add("Schemas " + String.join(", ", schema.schemas()) + " are merged into one: " + target.name()
                    + " has no schemas");
        }
        for (String statement : schema.types()) {
            DomainColumns.Domain domain = domains.domainOf(statement);
            EnumColumns.Enum enumType = EnumColumns.enumOf(statement);
            if (enumType != null) {
                warnings.add("Enum type " + enumType.name() + " is not carried to " + target.name() + " as a type: its"
                        + " columns are " + enumType.columnType() + " there, with a check allowing its labels alone ("
                        + enumType.literals() + "); they sort as text there, not in the labels' order");
            } else if (domain == null) {
                notCarried("User type", statement);
            } else {
                warnings.add("Domain " + domain.name() + " is not carried to " + target.name() + " as a type: its"
                        + " columns are " + domain.baseType() + " there" + (domain.notNull() ? ", NOT NULL" : "")
                        + (domain.checks().isEmpty() ? "" : ", with its checks as their tables' checks")
                        + "; create the domain in " + target.name() + " by hand where it has domains");
            }
        }
        for (String statement : schema.routines()) {
            if (startsWith(statement, "CREATE AGGREGATE")) {
                notCarried("Aggregate", statement, "; write it in " + target.name() + "'s own SQL, where "
                        + target.name() + " has such aggregates, before the views that use it (they are not carried"
                        + " until it exists)");
            } else {
                notCarried("Routine", statement);
            }
        }
        for (String statement : schema.triggers()) {
            if (startsWith(statement, "CREATE RULE")) {
                notCarried("Rule", statement, "; " + target.name() + " has no rules: write a trigger or change the"
                        + " application to do what it did");
            } else {
                notCarried("Trigger", statement);
            }
        }
        Map<String, String> schemaComments = new java.util.LinkedHashMap<>();
        schema.schemaComments().forEach((name, comment) -> {
            String mapped = names.schema(name);
            if (mapped != null && target.commentOnSchema(mapped, comment) != null) {
                schemaComments.put(mapped, comment);
            } else {
                warnings.add("The comment on schema " + name + " is not carried to " + target.name() + ": " + comment);
            }
        });
        DatabaseSchema translated = new DatabaseSchema(schemas, Map.of(), List.of(), onUpdateRoutines,
                translatedSequences, tables, foreignKeys, indexes(schema.indexes()), views.translate(schema.views()),
                onUpdateTriggers,
                comments(schema.comments()), schema.warnings(), Dependencies.NONE, schemaComments);
        return new Translation(translated, List.copyOf(warnings), Map.copyOf(bySource));
    }

    private Set<String> knownNames(DatabaseSchema schema) {
        Set<String> known = new HashSet<>();
        for (Table table : schema.tables()) {
            known.add(table.name().name());
            table.columns().forEach(column -> known.add(column.name()));
        }
        schema.views().forEach(view -> known.add(view.name().name()));
        schema.sequences().forEach(sequence -> known.add(sequence.name().name()));
        return known;
    }

    private void notCarried(String what, String statement) {
        notCarried(what, statement, "");
    }

    /** A warning that {@code statement} is not carried, its first line quoted, then {@code advice}. */
    private void notCarried(String what, String statement, String advice) {
        String firstLine = statement.strip().lines().findFirst().orElse("");
        warnings.add(what + " not carried to " + target.name() + " (written in " + source.name() + "'s own SQL): "
                + (firstLine.length() > 100 ? firstLine.substring(0, 100) + "..." : firstLine) + advice);
    }

    private static boolean startsWith(String statement, String prefix) {
        return statement.strip().regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private Table table(Table table, Set<QualifiedName> becameIdentities) throws SQLException {
        QualifiedName name = names.qualified(table.name());
        Set<String> decimals = new HashSet<>();
        table.columns().stream().filter(c -> source.portableType(c).family() == TypeFamily.DECIMAL)
                .forEach(c -> decimals.add(c.name()));
        List<Column> columns = new ArrayList<>();
        for (Column column : table.columns()) {
            columns.add(column(table, column, decimals, becameIdentities));
        }
        columns.removeIf(Objects::isNull);
        List<CheckConstraint> checks = new ArrayList<>();
        for (CheckConstraint check : table.checks()) {
            String definition = check(check.definition(), decimals,
                    "Check constraint " + (check.name() == null ? "" : check.name() + " ") + "on " + table.name());
            if (definition != null) {
                checks.add(new CheckConstraint(constraintNames.of(name, check.name()), definition));
            }
        }
        return new Table(name, columns, key(name, table.primaryKey()),
                table.uniqueKeys().stream().map(key -> key(name, key)).toList(), checks);
    }

    /**
     * A CHECK clause ({@code [CONSTRAINT name] CHECK (condition)}) written for the target, or null, with a warning
     * naming {@code what}, where its condition cannot be written with its meaning; {@code decimals} are its table's
     * exact decimal columns, which it may compare.
     */
    private String check(String clause, Set<String> decimals, String what) throws SQLException {
        CheckClause check = CheckClause.of(clause, source);
        try {
            String condition = expressions.condition(check.condition(), decimals);
            return (check.name() == null ? "" : "CONSTRAINT " + target.quoteIdentifier(names.name(check.name())) + " ")
                    + "CHECK (" + condition + ")";
        } catch (NotTranslatable e) {
            warnings.add(what + " is not carried to " + target.name() + ": " + e.getMessage() + " (" + clause.strip()
                    + "); add it in " + target.name() + " by hand where it can say the same");
            return null;
        }
    }

    /**
     * The column written for the target, or null where it cannot be: a generated column whose expression cannot be
     * written with its meaning is left out, with a warning; {@code decimals} are its table's exact decimal columns,
     * which its check may compare.
     */
    private Column column(Table table, Column column, Set<String> decimals, Set<QualifiedName> becameIdentities)
            throws SQLException {
        String where = "Column " + table.name() + "." + column.name();
        PortableType portable = types.typeOf(table.name(), column);
        Generator generator = generator(table, column, portable, becameIdentities);
        TargetType type = generator.identity() != null ? target.identityType(portable, generator.identity())
                : target.typeFor(portable);
        if (type.isLossy()) {
            warnings.add(where + " (" + portable.sourceName() + " in " + source.name() + ") becomes " + type.sql()
                    + " in " + target.name() + ": " + type.loss());
        }
        String generated = null;
        if (column.isGenerated()) {
            String expression = generationExpression(column.generated(), where);
            try {
                generated = target.generatedClause(expressions.expression(expression));
            } catch (NotTranslatable e) {
                warnings.add(where + " is not carried to " + target.name() + ": it is generated as " + expression
                        + ", and " + e.getMessage() + "; add the column in " + target.name() + " by hand, computed"
                        + " the target's way");
                return null;
            }
        }
        String check = column.check() == null ? null : check(column.check(), decimals, where + "'s check");
        String declared = type.sql();
        String onUpdate = source.columnOnUpdate(column);
        if (onUpdate != null && target.capabilities().mysqlSyntax()) {
            declared += " ON UPDATE " + onUpdate;
        } else if (onUpdate != null && !keptByTrigger(table, column, onUpdate)) {
            warnings.add(where + " has ON UPDATE " + onUpdate + " in " + source.name() + ", which " + target.name()
                    + " has not: the column is carried with its type and default, but an update leaves its value as"
                    + " it was; to keep it current, write a BEFORE UPDATE trigger on " + table.name()
                    + " that sets it, or set it in the application");
        }
        return new Column(names.name(column.name()), column.typeName(), column.jdbcType(), column.size(),
                column.scale(), column.nullable(), generator.defaultExpression(), generator.identity(), declared,
                check, generated);
    }

    /**
     * Whether the target keeps {@code column}'s ON UPDATE {@code onUpdate} (MariaDB's) with a trigger of its own
     * ({@link Dialect#onUpdateTrigger}), which is then added to the routines and triggers the translation creates.
     */
    private boolean keptByTrigger(Table table, Column column, String onUpdate) {
        OnUpdateTrigger trigger;
        try {
            trigger = target.onUpdateTrigger(names.qualified(table.name()), names.name(column.name()),
                    expressions.expression(onUpdate));
        } catch (NotTranslatable e) {
            return false;
        }
        if (trigger == null) {
            return false;
        }
        onUpdateRoutines.add(trigger.routine());
        onUpdateTriggers.add(trigger.trigger());
        return true;
    }

    /** How a column's values are made in the target when a row leaves them out: its identity, or its default. */
    private record Generator(Identity identity, String defaultExpression) {
    }

    /**
     * The column's identity and default in the target. A sequence that belongs to the column (PostgreSQL's serial),
     * or, where the target has no sequences, that serves this column alone (DuckDB's way to number rows), becomes its
     * identity; an identity becomes a sequence's default where the target has no identity columns.
     */
    private Generator generator(Table table, Column column, PortableType portable, Set<QualifiedName> becameIdentities)
            throws SQLException {
        String where = "Column " + table.name() + "." + column.name();
        Identity identity = column.identity();
        String defaultExpression = column.defaultExpression();
        String identityLimit = target.identityLimit(portable, isOnlyKeyColumn(table, column));
        Sequence sequence = sequenceDefaults.sequenceOf(defaultExpression);
        String nextValue = sequence != null && target.capabilities().hasSequences()
                ? target.nextValue(names.qualified(sequence.name())) : null;
        boolean ownSequence = sequence != null && identity == null && (sequence.ownedBy() != null
                || nextValue == null && target.capabilities().hasIdentityColumns() && identityLimit == null
                && sequenceDefaults.servesOneColumn(sequence));
        if (ownSequence) {
            identity = new Identity(false, sequence.start(), sequence.increment(), sequence.next());
            becameIdentities.add(sequence.name());
            defaultExpression = null;
            if (sequence.ownedBy() == null) {
                warnings.add("Sequence " + sequence.name() + " becomes the identity of column " + table.name() + "."
                        + column.name() + ", the only column it serves: " + target.name() + (target.capabilities().hasSequences()
                        ? " takes no sequence's next value as a column default" : " has no sequences"));
            }
        } else if (sequence != null) {
            defaultExpression = nextValue;
            if (defaultExpression == null) {
                warnings.add(where + ": its default takes the next value of sequence " + sequence.name() + ", which "
                        + target.name() + " cannot: the default is not carried");
            }
        } else if (defaultExpression != null && SpecialMoments.isCast(defaultExpression)) {
            String standard = SpecialMoments.standard(defaultExpression);
            if (standard == null) {
                warnings.add(where + ": its default " + defaultExpression + " is a moment only " + source.name()
                        + " reads in that string; the default is not carried: give the column one in " + target.name()
                        + " by hand");
            }
            defaultExpression = standard;
        } else if (defaultExpression != null) {
            defaultExpression = columnDefault(defaultExpression, portable, where);
        }
        if (identity != null && !target.capabilities().hasIdentityColumns()) {
            return new Generator(null, identityDefault(table, column, identity, where));
        }
        if (identity != null && identityLimit != null) {
            warnings.add(where + " is an identity column, which " + target.name() + " cannot keep: " + identityLimit
                    + "; its values are carried, but new rows get none");
            return new Generator(null, defaultExpression);
        }
        return new Generator(identity, defaultExpression);
    }

    private static boolean isOnlyKeyColumn(Table table, Column column) {
        return table.primaryKey() != null && table.primaryKey().columns().equals(List.of(column.name()));
    }

    /** The default that stands for an identity where the target has none: the next value of a sequence of its own. */
    private String identityDefault(Table table, Column column, Identity identity, String where) {
        if (!target.capabilities().hasSequences()) {
            warnings.add(where + " is an identity column; " + target.name() + " has neither identity columns nor"
                    + " sequences: its values are carried, but new rows get none");
            return null;
        }
        QualifiedName sequence = names.qualified(new QualifiedName(table.name().schema(),
                table.name().name() + "_" + column.name() + "_seq"));
        long step = identity.increment() == 0 ? 1 : identity.increment();
        identitySequences.add(new Sequence(sequence, null, identity.next(), step,
                step > 0 ? Math.min(1, identity.next()) : Long.MIN_VALUE, step > 0 ? Long.MAX_VALUE : -1, false,
                identity.next(), null, null));
        return target.nextValue(sequence);
    }

    /**
     * A column's default written for the target, or null, with a warning, where it cannot be written with its meaning.
     */
    private String columnDefault(String expression, PortableType portable, String where) {
        if (portable.family() == TypeFamily.BOOLEAN && booleanDefault(expression) != null) {
            return booleanDefault(expression);
        }
        try {
            return expressions.columnDefault(expression);
        } catch (NotTranslatable e) {
            warnings.add(where + ": its default " + expression + " is not carried to " + target.name() + ": "
                    + e.getMessage() + "; give the column a default in " + target.name() + " by hand");
            return null;
        }
    }

    /**
     * A boolean default written as a number (MariaDB's {@code 1}) or a string (DuckDB's {@code 't'}) as the boolean it
     * is, or null where it is written otherwise.
     */
    private static String booleanDefault(String expression) {
        return switch (expression.strip().toLowerCase(Locale.ROOT)) {
            case "1", "b'1'", "'t'", "'true'", "true" -> "TRUE";
            case "0", "b'0'", "'f'", "'false'", "false" -> "FALSE";
            default -> null;
        };
    }

    /** The expression in {@code GENERATED ALWAYS AS (expression) ...} or {@code AS (expression) ...}. */
    private String generationExpression(String clause, String where) throws SQLException {
        SqlLexer lexer = new SqlLexer(clause, source.capabilities().mysqlSyntax());
        SqlToken previous = null;
        for (SqlToken token = lexer.next(); token.kind() != SqlToken.Kind.END; token = lexer.next()) {
            if (token.isSymbol("(") && previous != null && previous.isWord("AS")) {
                int start = token.start() + 1;
                int depth = 1;
                for (SqlToken inner = lexer.next(); inner.kind() != SqlToken.Kind.END; inner = lexer.next()) {
                    depth += inner.isSymbol("(") ? 1 : inner.isSymbol(")") ? -1 : 0;
                    if (depth == 0) {
                        return clause.substring(start, inner.start());
                    }
                }
            }
            previous = token;
        }
        throw new SQLException(where + ": cannot read the expression of its generation clause " + clause, "22023");
    }

    private KeyConstraint key(QualifiedName table, KeyConstraint key) {
        return key == null ? null : new KeyConstraint(constraintNames.of(table, key.name()), columns(key.columns()));
    }

    private List<String> columns(List<String> columns) {
        return columns.stream().map(names::name).toList();
    }

    private List<Index> indexes(List<Index> indexes) throws SQLException {
        List<Index> translated = new ArrayList<>();
        Map<String, QualifiedName> taken = new HashMap<>();
        for (Index index : indexes) {
            List<Index.IndexColumn> columns = index.columns();
            java.util.regex.Matcher special = index.definition() == null ? null
                    : FULLTEXT_OR_SPATIAL.matcher(index.definition());
            if (special != null && special.lookingAt()) {
                warnings.add(special.group(1).toUpperCase(Locale.ROOT) + " index " + index.name() + " on "
                        + index.table() + " is not carried to " + target.name() + ", which has no such index: "
                        + index.definition() + "; index the text the target's way (PostgreSQL: a GIN index on"
                        + " to_tsvector(...)) if queries need it");
                continue;
            }
            if (index.definition() != null && columns.isEmpty()) {
                columns = IndexDefinition.plainColumns(index.definition(), source.capabilities().mysqlSyntax());
                if (columns.isEmpty()) {
                    warnings.add("Index " + index.name() + " on " + index.table() + " is not carried to "
                            + target.name() + ": its definition (" + index.definition() + ") is more than a list of"
                            + " columns (an expression, a condition or another access method), which Ferry does not"
                            + " translate; create it in " + target.name() + " by hand if queries need it");
                    continue;
                }
            }
            translated.add(new Index(indexName(index, taken), names.qualified(index.table()), index.unique(),
                    columns.stream().map(c -> new Index.IndexColumn(names.name(c.name()), c.descending(),
                            prefix(c.prefixLength()))).toList(), null));
        }
        return translated;
    }

    /**
     * An index's name in the target. Where the source names indexes per table (MariaDB) and the target per schema, a
     * name that another table's index took already in the same schema is prefixed with its table's, with a warning
     * naming both names; {@code taken} holds the names given so far (schema and name, lower case) and their tables.
     */
    private String indexName(Index index, Map<String, QualifiedName> taken) {
        QualifiedName table = names.qualified(index.table());
        String name = names.name(index.name());
        if (!source.capabilities().indexNamesPerTable() || target.capabilities().indexNamesPerTable()) {
            return name;
        }
        QualifiedName first = taken.putIfAbsent(key(table, name), index.table());
        if (first == null) {
            return name;
        }
        String renamed = names.name(index.table().name() + "_" + index.name());
        for (int n = 2; taken.putIfAbsent(key(table, renamed), index.table()) != null; n++) {
            renamed = names.name(index.table().name() + "_" + index.name() + "_" + n);
        }
        warnings.add("Index " + index.name() + " on " + index.table() + " is renamed " + renamed + " in "
                + target.name() + ", where index names are unique in a schema and " + first.name()
                + " has an index " + index.name());
        return renamed;
    }

    private static String key(QualifiedName table, String name) {
        return (table.schema() + "." + name).toLowerCase(Locale.ROOT);
    }

    /** An index prefix (MariaDB's) is kept only where the target is the engine that has them. */
    private int prefix(int length) {
        return target.capabilities().mysqlSyntax() ? length : 0;
    }

    private List<Comment> comments(List<Comment> comments) {
        List<Comment> translated = new ArrayList<>();
        for (Comment comment : comments) {
            Comment mapped = new Comment(names.qualified(comment.table()), names.name(comment.column()), comment.text());
            if (target.comment(mapped) == null) {
                warnings.add("Comment on " + comment.table() + (comment.column() == null ? "" : "." + comment.column())
                        + " is not carried: " + target.name() + " has no comments");
            } else {
                translated.add(mapped);
            }
        }
        return translated;
    }
}
