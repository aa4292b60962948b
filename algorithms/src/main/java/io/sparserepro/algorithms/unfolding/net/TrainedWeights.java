package io.sparserepro.algorithms.unfolding.net;

import io.sparserepro.core.Checks;
import java.time.Instant;
import java.util.Map;

/**
 * A trained weight vector with its provenance: what {@link WeightsFiles} writes and reads, and
 * what {@code sparse-repro solve --algorithm omp-net --weights FILE} uses.
 *
 * @param network        the network's registered name ({@code omp-net}, {@code iht-net})
 * @param parameters     N, the number of weights (columns of A)
 * @param configuration  the network's configuration (layers, τ, η, …)
 * @param weights        the raw weights W (length N, finite; only |W_j| enters the networks)
 * @param selection      the rule that chose them
 * @param bestEpoch      the epoch they come from (from 1)
 * @param validationLoss their mean validation loss ‖Re x̂ − x‖₂²
 * @param recipe         the recipe they were trained under
 * @param codeVersion    the code that trained them (version, git commit), or {@code unknown}
 * @param created        when they were written
 */
public record TrainedWeights(String network, int parameters, Map<String, Object> configuration, double[] weights,
                             TrainingRecipe.SelectionRule selection, int bestEpoch, double validationLoss,
                             TrainingRecipe recipe, String codeVersion, Instant created) {
    public TrainedWeights {
        Checks.requireNonNull("network", network);
        if (network.isBlank()) {
            throw new IllegalArgumentException("network must not be blank");
        }
        Checks.requirePositive("parameters", parameters);
        configuration = Map.copyOf(Checks.requireNonNull("configuration", configuration));
        Checks.requireLength("weights", weights, parameters);
        Checks.requireFinite("weights", weights);
        weights = weights.clone();
        Checks.requireNonNull("selection", selection);
        Checks.requirePositive("bestEpoch", bestEpoch);
        Checks.requireNonNegative("validationLoss", validationLoss);
        Checks.requireNonNull("recipe", recipe);
        codeVersion = codeVersion == null || codeVersion.isBlank() ? "unknown" : codeVersion;
        Checks.requireNonNull("created", created);
    }

    /**
     * The selected weights of a training run.
     *
     * @param codeVersion the code's version and commit (the CLI knows them), or null
     * @throws IllegalArgumentException when the run selected no epoch (stopped before the rule's first candidate)
     */
    public static TrainedWeights of(UnrolledNetwork network, TrainingOutcome outcome, String codeVersion) {
        Checks.requireNonNull("network", network);
        Checks.requireNonNull("outcome", outcome);
        if (!network.name().equals(outcome.network())) {
            throw new IllegalArgumentException("outcome must come from training " + network.name() + ": "
                    + outcome.network());
        }
        if (outcome.bestWeights() == null) {
            throw new IllegalArgumentException("the training selected no weights yet (it stopped after "
                    + outcome.epochsCompleted() + " epochs, before the first candidate of "
                    + outcome.recipe().selection() + "): resume it to the end first");
        }
        return new TrainedWeights(network.name(), network.parameters(), network.configuration(),
                outcome.bestWeights(), outcome.recipe().selection(), outcome.bestEpoch(),
                outcome.bestValidationLoss(), outcome.recipe(), codeVersion, Instant.now());
    }

    /** A copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }
}
