package io.sparserepro.experiments.unfolding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.unfolding.net.EpochRecord;
import io.sparserepro.algorithms.unfolding.net.IhtNet;
import io.sparserepro.algorithms.unfolding.net.OmpNet;
import io.sparserepro.algorithms.unfolding.net.Trainer;
import io.sparserepro.algorithms.unfolding.net.TrainingListener;
import io.sparserepro.algorithms.unfolding.net.TrainingOutcome;
import io.sparserepro.algorithms.unfolding.net.TrainingRecipe;
import io.sparserepro.algorithms.unfolding.net.TrainedWeights;
import io.sparserepro.algorithms.unfolding.net.TrainingSample;
import io.sparserepro.algorithms.unfolding.net.UnrolledNetwork;
import io.sparserepro.algorithms.unfolding.net.WeightsFiles;
import io.sparserepro.core.Checks;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.experiments.Provenance;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs one network's half of the unfolding paper's Fig. 3 ({@link Fig3Spec}): draws the data
 * ({@link Fig3Data}), trains the network with the paper's recipe (checkpointed in
 * {@value #TRAINING}/, so an interrupted run resumes where it stopped and ends with the same
 * weights), then evaluates on the validation and the held-out test set: the plain algorithm,
 * the net before and after training, the learned weights in the plain (hard) algorithm, the
 * oracle weights (hard and soft) and the training-free frequency weights (hard and soft). Writes
 * the {@link Fig3Results} files, {@value #WEIGHTS_FILE} (reusable by {@code sparse-repro solve}),
 * and {@value #RECORD}. A folder holding a finished run of the same spec is reused as it is.
 */
public final class Fig3Experiment {
    public static final String TRAINING = "training";
    public static final String WEIGHTS_FILE = "weights.json";
    public static final String RECORD = "run.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Fig3Experiment() {
    }

    /**
     * What a run did.
     *
     * @param finished whether training ran all its epochs (false when stopped: rerun to resume)
     * @param reused   whether a finished run of the same spec was found and nothing ran
     */
    public record Outcome(Path directory, boolean finished, boolean reused, double trainingSeconds) {
    }

    /** The network {@code spec} describes, on the data's operator. */
    public static UnrolledNetwork network(Fig3Spec spec, Fig3Data data) {
        return spec.network() == Fig3Spec.Network.OMP_NET
                ? new OmpNet(data.operator(), new OmpNet.Options(spec.layers(), spec.tau()))
                : new IhtNet(data.operator(), new IhtNet.Options(spec.layers(), spec.step(), spec.tau(),
                spec.sparsity()));
    }

    /** The training recipe of {@code spec}: the paper's, with the spec's epochs, decay, seed and selection rule. */
    public static TrainingRecipe recipe(Fig3Spec spec) {
        return TrainingRecipe.paper().withEpochs(spec.epochs()).withDecay(spec.decayEvery(), 0.5)
                .withSeed(spec.seed()).withSelection(spec.selection());
    }

    /**
     * Runs {@code spec} into {@code directory} on {@code threads} threads; {@code stop} is polled
     * between epochs (null: never stop), {@code listener} sees the training (null: nothing).
     */
    public static Outcome run(Fig3Spec spec, Path directory, int threads, TrainingListener listener,
                              BooleanSupplier stop) throws IOException {
        Checks.requireNonNull("spec", spec);
        Checks.requireNonNull("directory", directory);
        Checks.requirePositive("threads", threads);
        if (isFinished(directory, spec)) {
            return new Outcome(directory, true, true, JSON.readTree(directory.resolve(RECORD).toFile())
                    .path("training").path("seconds").asDouble());
        }
        Files.createDirectories(directory);
        Fig3Data data = Fig3Data.generate(spec);
        UnrolledNetwork network = network(spec, data);
        TrainingRecipe recipe = recipe(spec);
        Trainer trainer = stop == null ? new Trainer(threads) : new Trainer(threads, stop);
        TrainingOutcome trained = trainer.train(network, data.training(), data.validation(), recipe,
                directory.resolve(TRAINING), listener == null ? TrainingListener.NONE : listener);
        double seconds = trained.history().stream().mapToDouble(EpochRecord::wallSeconds).sum();
        if (!trained.finished()) {
            return new Outcome(directory, false, false, seconds);
        }
        double[] learned = trained.bestWeights();
        double[] oracle = data.oracleWeights();
        double[] frequency = data.frequencyWeights();
        List<Fig3Evaluation.Errors> errors = new ArrayList<>();
        String net = spec.network().label();
        String plain = spec.network().plain();
        String weighted = "W" + plain;
        String soft = "Soft-" + plain;
        for (String set : new String[] {"validation", "test"}) {
            List<TrainingSample> samples = set.equals("validation") ? data.validation() : data.test();
            if (samples.isEmpty()) {
                continue;
            }
            // Every algorithm of the report: plain, the net before and after training, the learned
            // weights in the hard algorithm, the oracle and the frequency weights, hard and soft.
            List<Evaluated> rows = List.of(
                    new Evaluated(Fig3Evaluation.Kind.HARD, null, plain),
                    new Evaluated(Fig3Evaluation.Kind.SOFT, null, net + " (initial)"),
                    new Evaluated(Fig3Evaluation.Kind.SOFT, learned, net),
                    new Evaluated(Fig3Evaluation.Kind.HARD, learned, weighted + " (learned)"),
                    new Evaluated(Fig3Evaluation.Kind.HARD, oracle, weighted + " (oracle)"),
                    new Evaluated(Fig3Evaluation.Kind.SOFT, oracle, soft + " (oracle)"),
                    new Evaluated(Fig3Evaluation.Kind.HARD, frequency, weighted + " (frequency)"),
                    new Evaluated(Fig3Evaluation.Kind.SOFT, frequency, soft + " (frequency)"));
            for (Evaluated row : rows) {
                errors.add(Fig3Evaluation.evaluate(spec, data, row.kind(), row.weights(), row.name(), set, samples,
                        threads));
            }
        }
        List<Fig3Results.Epoch> epochs = new ArrayList<>();
        for (EpochRecord e : trained.history()) {
            epochs.add(new Fig3Results.Epoch(e.epoch(), e.trainingLoss(), e.validationLoss(), e.learningRate()));
        }
        Fig3Results.writeLosses(directory, epochs);
        Fig3Results.writeWeights(directory, data.hidden(), oracle, learned, frequency);
        Fig3Results.writeErrors(directory, errors);
        WeightsFiles.write(directory.resolve(WEIGHTS_FILE), TrainedWeights.of(network, trained, Provenance.projectVersion()
                + " (" + Provenance.gitCommit() + ")"));
        writeRecord(spec, recipe, network, data, trained, seconds, threads, directory);
        return new Outcome(directory, true, false, seconds);
    }

    /** One row of the evaluation: the algorithm (hard or soft) with these weights (null: ones), named. */
    private record Evaluated(Fig3Evaluation.Kind kind, double[] weights, String name) {
    }

    /** Whether {@code directory} holds a finished run of exactly {@code spec}. */
    public static boolean isFinished(Path directory, Fig3Spec spec) throws IOException {
        Path record = directory.resolve(RECORD);
        if (!Files.isRegularFile(record)) {
            return false;
        }
        try {
            JsonNode root = JSON.readTree(record.toFile());
            // Compared as text: a seed read back is an int node, the spec's own a long node.
            return root.path("spec").toString().equals(JSON.valueToTree(spec).toString())
                    && root.path("finished").isTextual()
                    && Files.isRegularFile(directory.resolve(Fig3Results.SUMMARY))
                    && Files.isRegularFile(directory.resolve(Fig3Results.WEIGHTS));
        } catch (IOException e) {
            return false; // unreadable record: run again (the training checkpoint makes that cheap)
        }
    }

    private static void writeRecord(Fig3Spec spec, TrainingRecipe recipe, UnrolledNetwork network, Fig3Data data,
                                    TrainingOutcome trained, double seconds, int threads, Path directory)
            throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("experiment", "unfolding-fig3");
        root.put("network", network.name());
        root.set("spec", JSON.valueToTree(spec));
        root.set("recipe", JSON.valueToTree(recipe));
        root.set("configuration", JSON.valueToTree(network.configuration()));
        root.put("seedRule", "Seeds.rng(seed, 0) draws the DFT rows, then the hidden set; sample i (training, then "
                + "validation, then test) is drawn by Seeds.rng(seed, 1, i); the shuffle of epoch e is a pure "
                + "function of (seed, e)");
        root.set("rows", JSON.valueToTree(data.rows()));
        root.set("hidden", JSON.valueToTree(data.hidden()));
        ObjectNode training = root.putObject("training");
        training.put("selectionRule", recipe.selection().name());
        training.put("bestEpoch", trained.bestEpoch());
        training.put("bestValidationLoss", trained.bestValidationLoss());
        training.put("initialValidationLoss", trained.initialValidationLoss());
        training.put("epochsCompleted", trained.epochsCompleted());
        training.put("resumedFromEpoch", trained.resumedFromEpoch());
        training.put("seconds", seconds);
        training.put("threads", threads);
        ObjectNode separation = root.putObject("separation");
        for (String name : new String[] {"learned", "frequency"}) {
            double[] weights = name.equals("learned") ? trained.bestWeights() : data.frequencyWeights();
            Fig3Evaluation.Separation s = Fig3Evaluation.Separation.of(weights, data.hidden());
            ObjectNode node = separation.putObject(name);
            node.put("precisionAtHidden", s.precisionAtHidden());
            node.put("auc", s.auc());
        }
        root.put("finished", Instant.now().toString());
        Provenance.describeInto(root);
        AtomicFiles.writeText(directory.resolve(RECORD), JSON.writeValueAsString(root) + "\n");
    }
}
