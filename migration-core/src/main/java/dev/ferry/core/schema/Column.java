package dev.ferry.core.schema;

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
 */
public record Column(String name, String typeName, int jdbcType, int size, int scale, boolean nullable,
                     String defaultExpression, Identity identity, String declaredType, String check) {

    /** A column without a check of its own. */
    public Column(String name, String typeName, int jdbcType, int size, int scale, boolean nullable,
                  String defaultExpression, Identity identity, String declaredType) {
        this(name, typeName, jdbcType, size, scale, nullable, defaultExpression, identity, declaredType, null);
    }
}
