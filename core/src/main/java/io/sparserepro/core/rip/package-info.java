/**
 * Restricted isometry constants (exact by enumeration, or sampled lower bounds), mutual
 * coherence and the support enumeration they share, for testing the RIP-based recovery
 * conditions of the greedy solvers on small instances.
 */
package io.sparserepro.core.rip;
