/**
 * The experiment engine: a declaration ({@link io.sparserepro.experiments.ExperimentSpec}) of
 * generator × solver variants × grid × runs × metrics × seed is run by
 * {@link io.sparserepro.experiments.ExperimentRunner} — in parallel, checkpointed, resumable,
 * shardable — into the {@link io.sparserepro.experiments.TrialStore} (trials keyed by instance
 * and solver variant, reused by any declaration) and the declaration's tables
 * ({@link io.sparserepro.experiments.DeclarationFiles}: {@code results/<experiment>/<hash>/
 * trials.csv, summary.csv, run.json}), read back by {@link io.sparserepro.experiments.ResultTables}.
 * Names resolve through open {@link io.sparserepro.experiments.Registries}; adaptive work goes
 * through a {@link io.sparserepro.experiments.TrialSession}. Built-in declarations are in
 * {@link io.sparserepro.experiments.ExperimentRegistry#defaults()}.
 */
package io.sparserepro.experiments;
