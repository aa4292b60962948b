/**
 * Matrix-free solving (issue 17): the size rule that sends a solve down the dense or the
 * matrix-free path ({@link io.sparserepro.algorithms.implicit.MatrixFree}) and the shared
 * prologue/epilogue of the matrix-free paths
 * ({@link io.sparserepro.algorithms.implicit.OperatorProblem}). The matrix-free paths live
 * beside their dense solvers: the thresholding solvers run one loop on a dense or matrix-free
 * backend (package-private {@code Backend} there), the others ({@code SeaImplicit},
 * {@code OmpImplicit}, ...) keep a matrix-free loop of their own, dispatched at the top of
 * {@code solve}.
 */
package io.sparserepro.algorithms.implicit;
