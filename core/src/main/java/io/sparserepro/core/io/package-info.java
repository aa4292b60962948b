/**
 * Reading and writing matrices and vectors: CSV ({@link io.sparserepro.core.io.CsvFiles}),
 * NumPy {@code .npy} ({@link io.sparserepro.core.io.NpyFiles}), LIBSVM
 * ({@link io.sparserepro.core.io.LibSvmFiles}, read only) and a facade choosing by extension
 * ({@link io.sparserepro.core.io.MatrixFiles}).
 *
 * <p>Common rules: NaN and infinite values are refused on read and on write, because this
 * suite works on finite data only and a silently propagated NaN ruins a whole experiment.
 * Malformed content raises {@link io.sparserepro.core.io.DataFormatException} (an
 * {@link java.lang.IllegalArgumentException}) whose message starts with "file F" and names
 * the line and column, header field or byte offset; a missing file raises
 * {@code IllegalArgumentException("file F does not exist")}; other I/O failures raise
 * {@link java.io.UncheckedIOException} naming the file.
 */
package io.sparserepro.core.io;
