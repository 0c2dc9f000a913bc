package dev.ferry.core.model.progress;

/** A part of an export or import, as {@link ProgressListener#phaseStarted} names it. */
public enum Phase {
    /** Reading the catalog (export) or creating the tables (import). */
    SCHEMA("schema"),
    /** Writing or loading the data files. */
    DATA("data"),
    /** Indexes, keys, constraints and identities, created after the data. */
    INDEXES_AND_KEYS("indexes and keys"),
    /** Views, functions, procedures and triggers, created after the data. */
    VIEWS_AND_ROUTINES("views and routines"),
    /** Writing the scripts and the manifest, an export's last step. */
    SCRIPTS("scripts and manifest");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** The phase in words: {@code "indexes and keys"}. */
    public String label() {
        return label;
    }
}
