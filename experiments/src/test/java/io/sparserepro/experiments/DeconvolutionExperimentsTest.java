package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverVariant;
import io.sparserepro.algorithms.SparseResult;
import io.sparserepro.core.metrics.RecoveryMetrics;
import io.sparserepro.core.problem.Problem;
import io.sparserepro.core.problem.SeparatedSupports;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.deconv.DeconvolutionExperiments;
import io.sparserepro.experiments.deconv.OverestimatedSparsity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The deconvolution declarations, the instance experiment, the wrong-k wrapper and the localisation metrics. */
class DeconvolutionExperimentsTest {
    private static final Registries REGISTRIES = Registries.defaults();

    private static Map<String, Object> tiny(int k) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("n", 40);
        p.put("kernelWidth", 2.0);
        p.put("amplitudes", "uniform-1-2");
        p.put("noise", 0.0);
        p.put("k", k);
        return p;
    }

    /** Parameter values as a declaration holds them (whole numbers as long), which generators expect. */
    private static Map<String, Object> normalized(Map<String, Object> raw) {
        return new InstanceKey("deconvolution", raw, 0).parameters();
    }

    @Test
    void everyBuiltInDeclarationValidatesInBothModes() {
        for (String name : List.of(DeconvolutionExperiments.FIGURE4, DeconvolutionExperiments.NOISE,
                DeconvolutionExperiments.GAUSSIAN_AMPLITUDES, DeconvolutionExperiments.BUDGET,
                DeconvolutionExperiments.SEPARATION, DeconvolutionExperiments.WRONG_K)) {
            for (Mode mode : Mode.values()) {
                ExperimentSpec spec = ExperimentRegistry.defaults().get(name).spec(mode);
                spec.validate(REGISTRIES);
                assertEquals(500, ((Number) spec.parameters().get("n")).intValue(), name + ": the paper's n in every mode");
            }
        }
        for (String name : DeconvolutionExperiments.INSTANCE_EXPERIMENTS) {
            InstanceSpec spec = DeconvolutionExperiments.instance(name, Mode.QUICK);
            spec.solvers().forEach(REGISTRIES.solvers()::create);
        }
    }

    @Test
    void quickInstancesAreInstancesOfTheFullDeclaration() {
        // Same instance keys: a full run reuses every quick trial.
        ExperimentSpec quick = ExperimentRegistry.defaults().get(DeconvolutionExperiments.FIGURE4).quick();
        ExperimentSpec full = ExperimentRegistry.defaults().get(DeconvolutionExperiments.FIGURE4).full();
        assertTrue(full.grid().get("k").containsAll(quick.grid().get("k")));
        assertEquals(quick.parameters(), full.parameters());
        assertEquals(quick.solvers(), full.solvers());
        assertEquals(quick.seed(), full.seed());
    }

    @Test
    void theInstanceExperimentSolvesTheGridsInstanceAndWritesEveryEstimate(@TempDir Path results) throws IOException {
        List<SolverVariant> solvers = List.of(SolverVariant.of("omp").withLabel("OMP"),
                SolverVariant.of("sea-0").withOption("recordTrace", true).withLabel("SEA_0"));
        InstanceSpec spec = new InstanceSpec("tiny-instance", "deconvolution", tiny(4), solvers, 2, 7L);
        InstanceExperiment.Outcome first = InstanceExperiment.run(spec, REGISTRIES, results);
        assertEquals(2, first.computed());
        Map<String, double[]> columns = InstanceExperiment.readInstance(first.directory().resolve(
                InstanceExperiment.INSTANCE_FILE));
        assertEquals(List.of("index", "truth", "observation", "OMP", "SEA_0"), List.copyOf(columns.keySet()));
        // The instance is run 2 of the grid point's instance key: the same problem a grid experiment solves.
        Problem problem = REGISTRIES.generators().create("deconvolution", normalized(tiny(4)))
                .generate(Seeds.rng(new InstanceKey("deconvolution", tiny(4), 7L).seed(2)));
        assertArrayEquals(problem.truth(), columns.get("truth"));
        assertArrayEquals(problem.observations(), columns.get("observation"));
        SparseResult omp = REGISTRIES.solvers().create(solvers.get(0)).solve(problem);
        assertArrayEquals(omp.estimate(), columns.get("OMP"));
        List<InstanceExperiment.TraceRow> traces = InstanceExperiment.readTraces(first.directory().resolve(
                InstanceExperiment.TRACE_FILE));
        assertTrue(traces.stream().allMatch(r -> r.solver().equals("SEA_0")), "only the traced solver");
        for (int i = 1; i < traces.size(); i++) {
            int grown = traces.get(i).distinctSupports() - traces.get(i - 1).distinctSupports();
            assertTrue(grown == 0 || grown == 1, "the count of distinct supports grows by at most one per iteration");
        }
        // A complete folder is not recomputed.
        assertEquals(0, InstanceExperiment.run(spec, REGISTRIES, results).computed());
        assertTrue(Files.readString(first.directory().resolve("run.json")).contains("\"instanceSeed\""));
    }

    @Test
    void instanceSpecRejectsBadInput() {
        List<SolverVariant> one = List.of(SolverVariant.of("omp"));
        assertThrows(IllegalArgumentException.class, () -> new InstanceSpec("Bad Name", "deconvolution", tiny(3), one, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InstanceSpec("ok", "deconvolution", tiny(3), List.of(), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InstanceSpec("ok", "deconvolution", tiny(3),
                List.of(SolverVariant.of("omp"), SolverVariant.of("omp")), 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new InstanceSpec("ok", "deconvolution", tiny(3), one, -1, 1));
        assertThrows(IllegalArgumentException.class, () -> DeconvolutionExperiments.instance("nope", Mode.QUICK));
    }

    @Test
    void theWrongKWrapperAsksForKPlusExtraAndContainmentIsItsSuccess() {
        Problem problem = REGISTRIES.generators().create("deconvolution", normalized(tiny(5))).generate(Seeds.rng(3));
        SparseResult plain = REGISTRIES.solvers().create(SolverVariant.of("omp")).solve(problem);
        SparseResult wide = REGISTRIES.solvers().create(SolverVariant.of(OverestimatedSparsity.NAME)
                .withOption("extra", 2).withInner(SolverVariant.of("omp"))).solve(problem);
        assertEquals(5, plain.support().length);
        assertEquals(7, wide.support().length, "OMP picks k + 2 atoms");
        double contained = LocalisationMetrics.SUPPORT_CONTAINED.evaluate(problem, wide, 0);
        assertEquals(RecoveryMetrics.supportDistance(problem.trueSupport(), wide.support()) == 0 ? 1.0 : 0.0, contained);
        // OMP is greedy: its first k atoms are those of the plain run, so k + 2 can only add.
        assertTrue(RecoveryMetrics.supportDistance(problem.trueSupport(), wide.support())
                <= RecoveryMetrics.supportDistance(problem.trueSupport(), plain.support()));
        assertThrows(IllegalArgumentException.class, () -> new OverestimatedSparsity.Options(-1));
        assertThrows(IllegalArgumentException.class, () -> new OverestimatedSparsity(
                OverestimatedSparsity.Options.defaults(), null));
    }

    @Test
    void localisationMetricsAreRegisteredAndScoreNearMisses() {
        io.sparserepro.core.linalg.DenseMatrix a = io.sparserepro.core.problem.ConvolutionMatrices.gaussianKernel(40, 2.0);
        double[] truth = new double[40];
        truth[5] = 1;
        truth[15] = -1;
        truth[25] = 2;
        double[] y = new double[40];
        a.apply(truth, y);
        Problem problem = new Problem(a, y, 3, truth, new int[] {5, 15, 25});
        // Found: 15 exactly, 5 one sample off, 25 two samples off.
        int[] support = {6, 15, 27};
        double[] estimate = new double[40];
        for (int j : support) {
            estimate[j] = 1;
        }
        SparseResult result = new SparseResult(estimate, support, 1, true, 0, null, Map.of());
        assertEquals(1.0 / 3, REGISTRIES.metrics().get("localisationF1_r0").evaluate(problem, result, 0), 1e-15);
        assertEquals(2.0 / 3, REGISTRIES.metrics().get("localisationF1_r1").evaluate(problem, result, 0), 1e-15);
        assertEquals(1.0, REGISTRIES.metrics().get("localisationF1_r2").evaluate(problem, result, 0), 1e-15);
        assertEquals(0.0, REGISTRIES.metrics().get("supportContained").evaluate(problem, result, 0));
        assertTrue(REGISTRIES.metrics().get("supportContained").isRate());
        // Not in a declaration's default metrics: existing declarations keep their identity.
        assertEquals(StandardMetrics.ALL.size(), ExperimentSpec.builder("x", "gaussian").solvers("omp").build().metrics().size());
    }

    @Test
    void theGeneratorTakesSeparationAndSnr() {
        Map<String, Object> p = tiny(5);
        p.remove("noise");
        p.put("minSeparation", 6);
        p.put("snrDb", 30.0);
        for (long seed = 0; seed < 10; seed++) {
            Problem problem = REGISTRIES.generators().create("deconvolution", normalized(p)).generate(Seeds.rng(seed));
            assertTrue(SeparatedSupports.isSeparated(problem.trueSupport(), 6));
        }
        Map<String, Object> both = tiny(5);
        both.put("snrDb", 30.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> REGISTRIES.generators().create("deconvolution", normalized(both)));
        assertTrue(e.getMessage().contains("not both"), e.getMessage());
    }
}
