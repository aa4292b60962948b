/**
 * Matrix-free solving (issue 17): the size rule that sends a solve down the dense or the
 * matrix-free path ({@link io.sparserepro.algorithms.implicit.MatrixFree}) and the shared
 * prologue/epilogue of the matrix-free paths
 * ({@link io.sparserepro.algorithms.implicit.OperatorProblem}). The matrix-free loops
 * themselves live beside their dense solvers ({@code IhtImplicit}, {@code SeaImplicit}, ...),
 * where they share the solvers' package-private helpers; each dense solver only gains a
 * one-line dispatch at the top of its {@code solve}.
 */
package io.sparserepro.algorithms.implicit;
