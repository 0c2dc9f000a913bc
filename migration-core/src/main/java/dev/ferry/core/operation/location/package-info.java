/**
 * Directories and files on Hadoop file systems ({@code hdfs://}, {@code s3a://}, any scheme whose Hadoop
 * {@code FileSystem} is on the class path), staged through a local spool directory: the formats' writers and readers
 * work on local paths only.
 *
 * <p>Nothing in this package names a Hadoop class: Hadoop is an optional dependency, and
 * {@code hadoop.HadoopFileSystems} loads the one implementation that does ({@code hadoop.HadoopFiles}) only when a
 * Hadoop URI is given and Hadoop's classes are there.
 */
package dev.ferry.core.operation.location;
