/**
 * Thresholding and pursuit baselines of the SEA paper's comparisons, each a
 * {@link io.sparserepro.algorithms.SparseSolver} with its paper's stopping rule and an
 * iteration cap: {@link io.sparserepro.algorithms.thresholding.Iht} ("iht"),
 * {@link io.sparserepro.algorithms.thresholding.NormalizedIht} ("niht"),
 * {@link io.sparserepro.algorithms.thresholding.Htp} ("htp"),
 * {@link io.sparserepro.algorithms.thresholding.Cosamp} ("cosamp") and
 * {@link io.sparserepro.algorithms.thresholding.SubspacePursuit} ("sp").
 *
 * <p>All work on the dense column-major matrix ({@code operator().toDense()}), select supports
 * with {@link io.sparserepro.core.select.LargestK} (ties → lowest index) and, where they fit
 * by least squares, keep an incremental QR factorisation of the current support
 * ({@link io.sparserepro.core.linalg.SupportLeastSquares}) whose documented rank-deficiency
 * fallback gives dependent columns coefficient 0. Workspaces are allocated once per call;
 * iterations allocate nothing unless a trace is recorded.
 *
 * <p>On a large implicit operator ({@link io.sparserepro.algorithms.implicit.MatrixFree}) each
 * solver runs the same loop on its matrix-free backend: every solver's loop is written once
 * against the package-private {@code Backend} (Aᵀr, y − A x, the support least squares, NIHT's
 * sparse images), whose dense implementation makes exactly the kernel calls the dense loops
 * always made and whose matrix-free one computes products through the operator and least
 * squares by CGLS.
 */
package io.sparserepro.algorithms.thresholding;
