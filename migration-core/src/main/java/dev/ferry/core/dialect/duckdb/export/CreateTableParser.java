package dev.ferry.core.dialect.duckdb.export;

import dev.ferry.core.model.schema.CheckConstraint;
import dev.ferry.core.model.schema.Column;
import dev.ferry.core.model.schema.KeyConstraint;
import dev.ferry.core.model.schema.QualifiedName;
import dev.ferry.core.model.schema.Table;
import dev.ferry.core.sql.SqlToken;
import dev.ferry.core.value.ValueKind;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a CREATE TABLE statement as DuckDB's export writes it:
 * <pre>
 * CREATE TABLE s.t(a INTEGER PRIMARY KEY, b VARCHAR DEFAULT('x') NOT NULL, c DECIMAL(18,4),
 *     g INTEGER GENERATED ALWAYS AS((a * 2)), CHECK((a > 0)), FOREIGN KEY (x) REFERENCES s.u(id), UNIQUE(b))
 * </pre>
 * Columns get DuckDB's type names and the JDBC codes, sizes and scales DuckDB's driver reports for them (see
 * {@link DuckDbType}); a primary key's columns are NOT NULL, as DuckDB reports them. DuckDB names no constraint: a
 * CHECK is named as DuckDB names it in {@code duckdb_constraints()}, {@code <table>_<columns>_check} (with a number
 * after a name already taken), keys and foreign keys are left unnamed.
 */
final class CreateTableParser {
    private static final Set<String> COLUMN_CONSTRAINTS = Set.of("DEFAULT", "NOT", "NULL", "PRIMARY", "UNIQUE",
            "GENERATED", "AS", "COLLATE", "CHECK", "REFERENCES", "CONSTRAINT");

    private final Tokens tokens;
    private final Function<String, DuckDbType> userTypes;
    private final List<Column> columns = new ArrayList<>();
    private final List<DuckDbType> types = new ArrayList<>();
    private final List<String> primaryKey = new ArrayList<>();
    private final List<KeyConstraint> uniqueKeys = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();
    private final List<ForeignKeyReference> foreignKeys = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private QualifiedName name;

    private CreateTableParser(Tokens tokens, Function<String, DuckDbType> userTypes) {
        this.tokens = tokens;
        this.userTypes = userTypes;
    }

    /**
     * The table a CREATE TABLE statement creates.
     *
     * @param userTypes the types made by CREATE TYPE, by name in upper case, or null for a name that is no such type
     * @throws IllegalArgumentException naming what is not understood
     */
    static ParsedTable parse(String sql, Function<String, DuckDbType> userTypes) throws SQLException {
        return new CreateTableParser(new Tokens(sql), userTypes).table();
    }

    /**
     * A table with what DuckDB's CREATE TABLE said of it besides.
     *
     * @param table       the table
     * @param types       the DuckDB type of each column, in column order
     * @param foreignKeys its foreign keys
     * @param warnings    what is not carried, or carried for DuckDB alone
     */
    record ParsedTable(Table table, List<DuckDbType> types, List<ForeignKeyReference> foreignKeys,
                       List<String> warnings) {
    }

    private ParsedTable table() throws SQLException {
        tokens.expectWords("CREATE");
        if (tokens.acceptWord("OR")) {
            tokens.expectWords("REPLACE");
        }
        tokens.expectWords("TABLE");
        if (tokens.acceptWord("IF")) {
            tokens.expectWords("NOT", "EXISTS");
        }
        name = tokens.qualifiedName();
        tokens.expectSymbol("(");
        boolean trailingComma = false;
        while (!tokens.isSymbol(")")) {
            element();
            if (!tokens.acceptSymbol(",")) {
                break;
            }
            trailingComma = tokens.isSymbol(")");
        }
        tokens.expectSymbol(")");
        if (!tokens.atEnd()) {
            throw tokens.unexpected("the end of the statement");
        }
        if (trailingComma) {
            warnings.add("DuckDB's CREATE TABLE of " + name + " ends with a comma where it left out a constraint (as"
                    + " it does with a foreign key that references its own table): that constraint is lost");
        }
        return new ParsedTable(new Table(name, withKeyColumnsNotNull(), primaryKey.isEmpty() ? null
                : new KeyConstraint(null, primaryKey), uniqueKeys, namedChecks()), types, foreignKeys, warnings);
    }

    private void element() throws SQLException {
        tokens.acceptConstraintName();
        if (tokens.isWord("CHECK")) {
            check();
        } else if (tokens.acceptWord("FOREIGN")) {
            tokens.expectWords("KEY");
            references(tokens.identifierList());
        } else if (tokens.acceptWord("UNIQUE")) {
            uniqueKeys.add(new KeyConstraint(null, tokens.identifierList()));
        } else if (tokens.acceptWord("PRIMARY")) {
            tokens.expectWords("KEY");
            setPrimaryKey(tokens.identifierList());
        } else {
            column();
        }
    }

    private void column() throws SQLException {
        String column = tokens.identifier();
        String typeText = typeText();
        String defaultExpression = null;
        String generated = null;
        String collation = null;
        boolean nullable = true;
        while (!atElementEnd()) {
            if (tokens.acceptWord("DEFAULT")) {
                defaultExpression = expression();
            } else if (tokens.acceptWord("NOT")) {
                tokens.expectWords("NULL");
                nullable = false;
            } else if (tokens.acceptWord("NULL")) {
                nullable = true;
            } else if (tokens.acceptWord("PRIMARY")) {
                tokens.expectWords("KEY");
                setPrimaryKey(List.of(column));
            } else if (tokens.acceptWord("UNIQUE")) {
                uniqueKeys.add(new KeyConstraint(null, List.of(column)));
            } else if (tokens.isWord("GENERATED") || tokens.isWord("AS")) {
                generated = generated();
            } else if (tokens.acceptWord("COLLATE")) {
                collation = collation();
            } else if (tokens.isWord("CHECK")) {
                check();
            } else if (tokens.isWord("REFERENCES")) {
                references(List.of(column));
            } else if (!tokens.acceptConstraintName()) {
                throw tokens.unexpected("a column constraint, ',' or ')'");
            }
        }
        DuckDbType type = DuckDbType.parse(typeText, userTypes);
        if (type == null) {
            warnings.add("Column " + column + " of " + name + " has the type " + typeText + ", which Ferry does not know:"
                    + " its values are carried as DuckDB writes them");
            type = new DuckDbType(typeText, Types.OTHER, 0, 0, ValueKind.ENGINE_TEXT, null);
        }
        String declared = null;
        if (collation != null) {
            declared = type.name() + " COLLATE " + collation;
            warnings.add("Column " + column + " of " + name + " is declared COLLATE " + collation
                    + ", a collation of DuckDB's; the column is carried without it to other engines");
        }
        types.add(type);
        columns.add(new Column(column, type.name(), type.jdbcType(), type.size(), type.scale(), nullable,
                defaultExpression, null, declared, null, generated));
    }

    /** The column's type as written: every token up to its first constraint, ',' or ')'. */
    private String typeText() throws SQLException {
        int start = tokens.current().start();
        int end = start;
        int depth = 0;
        while (depth > 0 || !atElementEnd() && !isConstraintWord()) {
            if (tokens.atEnd()) {
                throw new IllegalArgumentException("a parenthesis is not closed");
            }
            depth += tokens.isSymbol("(") ? 1 : tokens.isSymbol(")") ? -1 : 0;
            end = Tokens.end(tokens.current());
            tokens.advance();
        }
        if (end == start) {
            throw tokens.unexpected("a type");
        }
        return tokens.sql().substring(start, end);
    }

    /** {@code DEFAULT(expression)} as DuckDB writes it, or an expression without parentheses. */
    private String expression() throws SQLException {
        if (tokens.isSymbol("(")) {
            return tokens.parenthesized();
        }
        int start = tokens.current().start();
        do {
            if (tokens.isSymbol("(")) {
                tokens.skipParenthesized();
            } else {
                tokens.rememberEnd();
            }
        } while (!atElementEnd() && !isConstraintWord());
        return tokens.sql().substring(start, tokens.lastEnd());
    }

    /** {@code GENERATED ALWAYS AS (expression) [VIRTUAL | STORED]} or {@code AS (...)}, as written. */
    private String generated() throws SQLException {
        int start = tokens.current().start();
        if (tokens.acceptWord("GENERATED")) {
            tokens.expectWords("ALWAYS");
        }
        tokens.expectWords("AS");
        tokens.skipParenthesized();
        if (tokens.isWord("VIRTUAL") || tokens.isWord("STORED")) {
            tokens.rememberEnd();
        }
        return tokens.sql().substring(start, tokens.lastEnd());
    }

    private String collation() throws SQLException {
        StringBuilder collation = new StringBuilder(tokens.identifier());
        while (tokens.acceptSymbol(".")) {
            collation.append('.').append(tokens.identifier());
        }
        return collation.toString();
    }

    /** {@code CHECK (condition)}, kept as written. */
    private void check() throws SQLException {
        int start = tokens.current().start();
        tokens.expectWords("CHECK");
        tokens.skipParenthesized();
        checks.add(tokens.sql().substring(start, tokens.lastEnd()));
    }

    /**
     * {@code REFERENCES table [(columns)] [ON DELETE action] [ON UPDATE action]}. DuckDB writes the referenced table's
     * name without quotes ({@code REFERENCES Odd Schema.Odd Table("a b")}), so it is kept as written, to be matched
     * against the tables of the export ({@link ForeignKeyReference}).
     */
    private void references(List<String> columns) throws SQLException {
        tokens.expectWords("REFERENCES");
        int start = tokens.current().start();
        int end = start;
        while (!tokens.atEnd() && !tokens.isSymbol("(") && !tokens.isSymbol(",") && !tokens.isSymbol(")")
                && !tokens.isWord("ON")) {
            end = Tokens.end(tokens.current());
            tokens.advance();
        }
        if (end == start) {
            throw tokens.unexpected("the referenced table");
        }
        String referenced = tokens.sql().substring(start, end);
        List<String> referencedColumns = tokens.isSymbol("(") ? tokens.identifierList() : List.of();
        String onDelete = null;
        String onUpdate = null;
        while (tokens.acceptWord("ON")) {
            boolean delete = tokens.acceptWord("DELETE");
            if (!delete) {
                tokens.expectWords("UPDATE");
            }
            String action = action();
            if (delete) {
                onDelete = action;
            } else {
                onUpdate = action;
            }
        }
        foreignKeys.add(new ForeignKeyReference(name, columns, referenced, referencedColumns, onUpdate, onDelete));
    }

    private String action() throws SQLException {
        List<String> words = new ArrayList<>();
        while (tokens.current().kind() == SqlToken.Kind.WORD && !tokens.isWord("ON")) {
            words.add(tokens.current().text().toUpperCase(Locale.ROOT));
            tokens.advance();
        }
        if (words.isEmpty()) {
            throw tokens.unexpected("a referential action");
        }
        String action = String.join(" ", words);
        return action.equals("NO ACTION") || action.equals("RESTRICT") ? null : action;
    }

    private void setPrimaryKey(List<String> columns) {
        if (!primaryKey.isEmpty()) {
            throw new IllegalArgumentException("table " + name + " has two primary keys");
        }
        primaryKey.addAll(columns);
    }

    private boolean atElementEnd() {
        return tokens.isSymbol(",") || tokens.isSymbol(")") || tokens.atEnd();
    }

    private boolean isConstraintWord() {
        return tokens.current().kind() == SqlToken.Kind.WORD
                && COLUMN_CONSTRAINTS.contains(tokens.current().text().toUpperCase(Locale.ROOT));
    }

    /** The columns, those of the primary key NOT NULL. */
    private List<Column> withKeyColumnsNotNull() {
        List<Column> result = new ArrayList<>();
        for (Column c : columns) {
            boolean keyColumn = primaryKey.stream().anyMatch(key -> key.equalsIgnoreCase(c.name()));
            result.add(keyColumn && c.nullable() ? new Column(c.name(), c.typeName(), c.jdbcType(), c.size(),
                    c.scale(), false, c.defaultExpression(), c.identity(), c.declaredType(), c.check(), c.generated())
                    : c);
        }
        return result;
    }

    /** Each CHECK named {@code <table>_<columns it reads>_check}, as DuckDB names it, made unique. */
    private List<CheckConstraint> namedChecks() throws SQLException {
        List<CheckConstraint> named = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (String check : checks) {
            Set<String> names = IdentifierChains.namesIn(check);
            Set<String> read = new LinkedHashSet<>();
            for (Column column : columns) {
                if (names.contains(column.name().toLowerCase(Locale.ROOT))) {
                    read.add(column.name());
                }
            }
            String base = name.name() + (read.isEmpty() ? "" : "_" + String.join("_", read)) + "_check";
            String unique = base;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = base + "_" + n;
            }
            named.add(new CheckConstraint(unique, check));
        }
        return named;
    }
}
