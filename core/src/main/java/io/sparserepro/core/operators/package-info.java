/**
 * Structured linear operators applied without a matrix (issue 17): a subsampled orthonormal
 * DCT-II by FFT, the deconvolution experiments' Gaussian convolution by a truncated direct
 * sum, and least squares on a support through any operator by CGLS.
 *
 * <p>Why a package of its own rather than {@code core.linalg}: {@code linalg} is the dense
 * numerics (kernels, incremental QR, Cholesky) that other work modifies in parallel; these
 * operators depend only on the {@link io.sparserepro.core.linalg.LinearOperator} contract and
 * on {@link io.sparserepro.core.complex.Fft}, and never on a dense matrix, so keeping them apart
 * keeps "nothing m×n" checkable by a glance at the imports.
 */
package io.sparserepro.core.operators;
