/**
 * Phase transitions (SEA paper, Fig. 2 and the left panel of Fig. 1): the threshold search
 * over the sparsity k at fixed ζ = m/n ({@link io.sparserepro.experiments.phase.ThresholdSearch}),
 * the per-point stopping rules it uses ({@link io.sparserepro.experiments.phase.StoppingPolicy}),
 * the Donoho–Tanner weak threshold of ℓ1 computed from its formula
 * ({@link io.sparserepro.experiments.phase.DonohoTanner}), the paired "SEA after ALG vs ALG"
 * comparison ({@link io.sparserepro.experiments.phase.PairedComparison}) and the
 * {@code thresholds.csv} file the phase experiment writes and the figures read
 * ({@link io.sparserepro.experiments.phase.ThresholdTable}).
 *
 * <p>Nothing here runs a solver: the search is a state machine that asks for runs and is fed
 * their outcomes, so the runs can be computed elsewhere (in parallel, sharded, from a cache).
 */
package io.sparserepro.experiments.phase;
