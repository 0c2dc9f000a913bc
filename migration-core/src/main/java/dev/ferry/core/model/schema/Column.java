package dev.ferry.core.model.schema;

import java.io.Serializable;

/**
 * A table column as the engine describes it.
 *
 * @param name              the column's name
 * @param typeName          the engine's name of the type, as reported by the driver
 * @param jdbcType          the {@link java.sql.Types} code
 * @param size              precision or length; 0 when the type has none
 * @param scale             digits after the decimal point, or fractional-second digits; 0 when none
 * @param nullable          whether NULL is allowed
 * @param defaultExpression the default as SQL, or null
 * @param identity          the identity generator, or null when the column is not an identity column
 * @param declaredType      the type exactly as the engine declares it in DDL, where the dialect can read it
 *                          (e.g. PostgreSQL's {@code format_type}); null to derive it from the fields above
 * @param check             a CHECK constraint declared with the column itself, as the engine writes it at the end of
 *                          the column's definition ({@code CHECK (...)}: MariaDB's column-level checks, which its
 *                          catalog tells apart from table-level ones); null for none
 * @param generated         for a generated (computed) column, the clause that follows its type in DDL as the dialect
 *                          writes it ({@code GENERATED ALWAYS AS (a * 2) STORED}); null for an ordinary column. A
 *                          generated column's values are not exported: the target computes them
 */
public record Column(String name, String typeName, int jdbcType, int size, int scale, boolean nullable,
                     String defaultExpression, Identity identity, String declaredType, String check, String generated) implements Serializable {

    /** An ordinary (not generated) column. */
    public Column(String name, String typeName, int jdbcType, int size, int scale, boolean nullable,
                  String defaultExpression, Identity identity, String declaredType, String check) {
        this(name, typeName, jdbcType, size, scale, nullable, defaultExpression, identity, declaredType, check, null);
    }

    /** A column without a check of its own. */
    public Column(String name, String typeName, int jdbcType, int size, int scale, boolean nullable,
                  String defaultExpression, Identity identity, String declaredType) {
        this(name, typeName, jdbcType, size, scale, nullable, defaultExpression, identity, declaredType, null, null);
    }

    /** Whether the column's values are computed by the database (and so neither exported nor loaded). */
    public boolean isGenerated() {
        return generated != null;
    }
}
