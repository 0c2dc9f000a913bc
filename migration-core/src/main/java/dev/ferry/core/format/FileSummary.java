package dev.ferry.core.format;

/**
 * What a manifest records of a data file.
 *
 * @param bytes  its size
 * @param sha256 its SHA-256, in lower-case hexadecimal
 */
public record FileSummary(long bytes, String sha256) {
}
