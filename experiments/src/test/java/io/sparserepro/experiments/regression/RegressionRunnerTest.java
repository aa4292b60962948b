package io.sparserepro.experiments.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.core.data.Dataset;
import io.sparserepro.core.data.TrainTestSplit;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.Mode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regression experiment on the shipped diabetes data, checked against independent computations. */
class RegressionRunnerTest {
    static final Path DATA = Path.of("..", "data");

    @TempDir
    Path results;

    private static RegressionSpec diabetesSpec(int kMin, int kMax, List<SolverVariant> solvers) {
        DatasetCatalog catalog = DatasetCatalog.read(DATA);
        return new RegressionSpec("test-regression", DATA, List.of(catalog.get("diabetes")), kMin, kMax, solvers,
                0.2, 2024, 100_000);
    }

    private static List<SolverVariant> someSolvers() {
        return List.of(SolverVariant.of("omp").withLabel("OMP"), SolverVariant.of("els").withLabel("ELS"),
                SolverVariant.of("htp").withLabel("HTP"),
                SolverVariant.of("sea-omp").withLabel("SEA_OMP").withOption("maxIterations", 300));
    }

    /** The training samples of the runner's split, read independently of the runner. */
    private static Dataset[] trainAndTest(RegressionSpec spec) {
        Dataset all = DatasetCatalog.read(DATA).get("diabetes").load(DATA);
        TrainTestSplit split = TrainTestSplit.of(all.samples(), spec.testFraction(), Seeds.trialSeed(spec.seed(), 0));
        return new Dataset[] {all.rows(split.train()), all.rows(split.test())};
    }

    /**
     * At k = n every solver's model is the least-squares fit with intercept on all features,
     * so its objective is 1 − R² of ordinary least squares (Apache Commons Math, QR) and its
     * test error follows from the OLS coefficients.
     */
    @Test
    void fullModelEqualsOrdinaryLeastSquares() {
        RegressionSpec spec = diabetesSpec(10, 10, someSolvers());
        RegressionRunner.Outcome o = new RegressionRunner(SolverRegistry.defaults()).run(spec, results, 2, line -> { });
        Dataset[] tt = trainAndTest(spec);
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(tt[0].target(), tt[0].features().toRows());
        double expectedTrain = 1 - ols.calculateRSquared();
        double[] beta = ols.estimateRegressionParameters(); // intercept first
        double trainMean = java.util.Arrays.stream(tt[0].target()).average().orElseThrow();
        double num = 0;
        double den = 0;
        for (int i = 0; i < tt[1].samples(); i++) {
            double prediction = beta[0];
            for (int j = 0; j < 10; j++) {
                prediction += beta[j + 1] * tt[1].features().get(i, j);
            }
            num += (prediction - tt[1].target()[i]) * (prediction - tt[1].target()[i]);
            den += (tt[1].target()[i] - trainMean) * (tt[1].target()[i] - trainMean);
        }
        assertEquals(4, o.rows().size());
        for (RegressionTable.Row r : o.rows()) {
            assertEquals(353, r.trainSamples());
            assertEquals(89, r.testSamples());
            // Two least-squares solutions of a well-conditioned 353×10 problem (cond ≈ 30 after
            // standardisation): they agree to ~1e-13; 1e-9 leaves room for the solvers' own refits.
            assertEquals(expectedTrain, r.trainObjective(), 1e-9, r.solver());
            assertEquals(num / den, r.testError(), 1e-9, r.solver());
        }
    }

    /**
     * At k = 1 the best model is the single feature most correlated with y, which OMP and ELS
     * must find (brute force over the 10 features); at k = 2 no solver can beat the best of the
     * 45 pairs (brute force), which checks the objective itself.
     */
    @Test
    void smallKAgainstBruteForce() {
        RegressionSpec spec = diabetesSpec(1, 2, someSolvers());
        RegressionRunner.Outcome o = new RegressionRunner(SolverRegistry.defaults()).run(spec, results, 1, line -> { });
        Dataset train = trainAndTest(spec)[0];
        double best1 = Double.POSITIVE_INFINITY;
        double best2 = Double.POSITIVE_INFINITY;
        for (int a = 0; a < 10; a++) {
            best1 = Math.min(best1, olsObjective(train, a));
            for (int b = a + 1; b < 10; b++) {
                best2 = Math.min(best2, olsObjective(train, a, b));
            }
        }
        for (RegressionTable.Row r : o.rows()) {
            if (r.k() == 1 && (r.solver().equals("OMP") || r.solver().equals("ELS"))) {
                assertEquals(best1, r.trainObjective(), 1e-10, r.solver());
            }
            // Round-off of two least-squares fits of a 353×2 problem: far below 1e-10.
            assertTrue(r.trainObjective() >= (r.k() == 1 ? best1 : best2) - 1e-10, r.toString());
            assertEquals(r.k(), r.support().split(" ").length);
        }
    }

    private static double olsObjective(Dataset train, int... columns) {
        double[][] x = new double[train.samples()][columns.length];
        for (int i = 0; i < train.samples(); i++) {
            for (int c = 0; c < columns.length; c++) {
                x[i][c] = train.features().get(i, columns[c]);
            }
        }
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(train.target(), x);
        return 1 - ols.calculateRSquared();
    }

    /** The built-in declaration on both shipped data sets, small k: every solver, files and provenance. */
    @Test
    void declarationOnTheShippedDataSetsWritesResultAndProvenanceAndIsReused() throws Exception {
        DatasetCatalog catalog = DatasetCatalog.read(DATA);
        RegressionSpec spec = RegressionExperiments.declaration(Mode.QUICK, DATA, catalog.present()).withK(1, 3);
        RegressionRunner runner = new RegressionRunner(SolverRegistry.defaults());
        List<String> progress = new ArrayList<>();
        RegressionRunner.Outcome first = runner.run(spec, results, 2, progress::add);
        assertFalse(first.reused());
        assertEquals(2, progress.size());
        assertEquals(2 * 3 * 8, first.rows().size());
        for (RegressionTable.Row r : first.rows()) {
            assertTrue(r.trainObjective() > 0 && r.trainObjective() < 1, r.toString());
            if (r.solver().startsWith("SEA_OMP")) {
                // SEA keeps the best iterate and starts from OMP's support: never worse than OMP.
                double omp = first.rows().stream().filter(o -> o.dataset().equals(r.dataset()) && o.k() == r.k()
                        && o.solver().equals("OMP")).findFirst().orElseThrow().trainObjective();
                assertTrue(r.trainObjective() <= omp * (1 + 1e-12), r.toString());
            }
        }
        assertEquals(first.rows(), RegressionTable.read(first.directory().resolve(RegressionTable.FILE_NAME)));
        JsonNode run = new ObjectMapper().readTree(first.directory().resolve("run.json").toFile());
        assertEquals(first.directory().getFileName().toString(), run.get("hash").asText());
        JsonNode datasets = run.get("declaration").get("datasets");
        assertEquals(catalog.get("diabetes").sha256(), datasets.get(0).get("sha256").asText());
        assertEquals(catalog.get("diabetes-quadratic").sha256(), datasets.get(1).get("sha256").asText());
        assertEquals(RegressionExperiments.SEA_ITERATIONS,
                run.get("solvers").get(RegressionExperiments.seaLabel("SEA_0")).path("options").path("maxIterations").asInt());
        assertTrue(run.has("code") && run.has("jdk") && run.get("data").get("diabetes").has("trainSamples"));

        RegressionRunner.Outcome again = runner.run(spec, results, 1, line -> { });
        assertTrue(again.reused());
        assertEquals(first.directory(), again.directory());
        assertEquals(first.rows(), again.rows());
    }

    @Test
    void badInputs() {
        RegressionSpec spec = diabetesSpec(1, 2, someSolvers());
        RegressionRunner runner = new RegressionRunner(SolverRegistry.defaults());
        assertThrows(IllegalArgumentException.class, () -> runner.run(spec, results, 0, line -> { }));
        assertThrows(IllegalArgumentException.class, () -> diabetesSpec(3, 2, someSolvers()));
        assertThrows(IllegalArgumentException.class, () -> diabetesSpec(0, 2, someSolvers()));
        assertThrows(IllegalArgumentException.class, () -> diabetesSpec(1, 2,
                List.of(SolverVariant.of("omp"), SolverVariant.of("omp"))));
        assertThrows(IllegalArgumentException.class, () -> new RegressionRunner(SolverRegistry.defaults())
                .run(diabetesSpec(1, 2, List.of(SolverVariant.of("no-such-solver"))), results, 1, line -> { }));
    }
}
