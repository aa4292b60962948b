/**
 * The experiment engine: a declaration ({@link io.sparserepro.experiments.ExperimentSpec}) of
 * generator × solvers × grid × runs × metrics × seed is run by
 * {@link io.sparserepro.experiments.ExperimentRunner} — in parallel, checkpointed, resumable,
 * shardable — into the files of a {@link io.sparserepro.experiments.ResultStore}
 * ({@code results/<experiment>/<hash>/trials.csv, summary.csv, run.json}). Built-in
 * declarations are in {@link io.sparserepro.experiments.ExperimentRegistry#defaults()}.
 */
package io.sparserepro.experiments;
