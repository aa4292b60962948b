package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.core.data.Dataset;
import io.sparserepro.core.data.DatasetFiles;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.random.Seeds;
import io.sparserepro.experiments.ExperimentRegistry;
import io.sparserepro.experiments.phase.PhaseExperiments;
import io.sparserepro.figures.FigureRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve --dataset} and the regression part of {@code reproduce}. */
class DatasetCommandsTest {
    static final Path DATA = Path.of("..", "data");

    @TempDir
    Path dir;

    private static CliContext realSolvers() {
        return new CliContext(SolverRegistry.defaults(), ExperimentRegistry.defaults(), PhaseExperiments.defaults(),
                FigureRegistry.defaults(), false);
    }

    /**
     * With k = all 10 features the chosen model is ordinary least squares with intercept, so the
     * coefficients printed and written on the original scale must be OLS's on the raw file
     * (Apache Commons Math, QR): the independent check of the scaling back.
     */
    @Test
    void fullModelPrintsNamesAndOlsCoefficientsOnTheOriginalScale() throws Exception {
        Path x = dir.resolve("x.csv");
        CliTestSupport.Result r = CliTestSupport.run(realSolvers(), "solve", "--dataset",
                DATA.resolve("diabetes.csv").toString(), "--target", "y", "--sparsity", "10", "--algorithm", "omp",
                "--output", x.toString());
        assertEquals(0, r.code(), r.err());
        for (String name : List.of("age", "sex", "bmi", "bp", "s1", "s6", "intercept")) {
            assertTrue(r.out().contains("  " + name + " "), name + " in\n" + r.out());
        }
        Dataset d = DatasetFiles.readCsv(DATA.resolve("diabetes.csv"), "y", Set.of());
        OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
        ols.newSampleData(d.target(), d.features().toRows());
        double[] beta = ols.estimateRegressionParameters();
        double[] written = MatrixFiles.readVector(x);
        for (int j = 0; j < 10; j++) {
            // Two least-squares solutions of a problem with condition number ≈ 30 (standardised)
            // but raw scales from 0.5 to 300: relative agreement 1e-8 is ample and still tight.
            assertEquals(beta[j + 1], written[j], 1e-8 * Math.abs(beta[j + 1]) + 1e-12, d.featureNames().get(j));
        }
        List<String> model = Files.readAllLines(dir.resolve("x.support.csv"));
        assertEquals("feature,coefficient", model.get(0));
        double intercept = Double.parseDouble(model.get(model.size() - 1).split(",")[1]);
        assertEquals(beta[0], intercept, 1e-8 * Math.abs(beta[0]));
        assertTrue(r.out().contains("1 - R^2): " + String.format(java.util.Locale.ROOT, "%.6f", 1 - ols.calculateRSquared())),
                r.out());
    }

    @Test
    void sparseModelOnTheQuadraticDataNamesInteractions() {
        CliTestSupport.Result r = CliTestSupport.run(realSolvers(), "solve", "--dataset",
                DATA.resolve("diabetes-quadratic.csv").toString(), "--target", "y", "--sparsity", "8", "--algorithm",
                "els");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("chosen features (8)"), r.out());
        assertTrue(r.out().contains("bmi") && r.out().contains("s5"), r.out());
    }

    @Test
    void libSvmDataSetAndUserErrors() throws Exception {
        Path libsvm = dir.resolve("d.libsvm");
        Files.writeString(libsvm, "1 1:1 2:5\n2 1:2 2:3\n4 1:3 2:4\n3 1:5 2:1\n");
        CliTestSupport.Result ok = CliTestSupport.run(realSolvers(), "solve", "--dataset", libsvm.toString(),
                "--sparsity", "1", "--algorithm", "omp");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("  f1 "), ok.out());

        Path csv = DATA.resolve("diabetes.csv");
        String[][] bad = {
            {"--dataset", csv.toString()}, // CSV without --target
            {"--target", "y"}, // --target without --dataset
            {"--dataset", csv.toString(), "--target", "nope"}, // no such column
            {"--dataset", libsvm.toString(), "--target", "y"}, // LIBSVM has no target column
            {"--dataset", csv.toString(), "--target", "y", "--normalize"},
            {"--dataset", dir.resolve("none.csv").toString(), "--target", "y"},
        };
        String[] expected = {"--target NAME", "--target NAME goes with --dataset", "line 1: no column named 'nope'",
            "leave out --target", "give --dataset alone", "file not found"};
        for (int i = 0; i < bad.length; i++) {
            List<String> args = new java.util.ArrayList<>(List.of("solve", "--sparsity", "2", "--algorithm", "omp"));
            args.addAll(List.of(bad[i]));
            CliTestSupport.Result r = CliTestSupport.run(realSolvers(), args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", bad[i]) + ": " + r.out());
            assertTrue(r.err().contains(expected[i]), r.err());
        }
    }

    /**
     * {@code reproduce els-regression} on a data folder with one small generated data set and
     * one missing one: draws the figure, writes the section, lists the missing data set with
     * its fetch command, and reuses the result on a second run.
     */
    @Test
    void reproduceDrawsPresentDataSetsAndListsMissingOnes() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        UniformRandomProvider rng = Seeds.rng(5);
        StringBuilder csv = new StringBuilder("u,v,w,z,t\n");
        for (int i = 0; i < 40; i++) {
            double u = rng.nextDouble();
            double v = rng.nextDouble();
            double w = rng.nextDouble();
            double z = rng.nextDouble();
            csv.append(u).append(',').append(v).append(',').append(w).append(',').append(z).append(',')
                    .append(3 * u - 2 * w + 0.1 * rng.nextDouble()).append('\n');
        }
        Files.writeString(data.resolve("small.csv"), csv);
        Files.writeString(data.resolve("datasets.csv"), "name,format,file,url,sha256,target,exclude,paper_name\n"
                + "small,csv,small.csv,shipped,unknown,t,,small\n"
                + "far,libsvm,far,https://example.org/far.bz2,unknown,,,far away\n");
        Path results = dir.resolve("results");
        CliTestSupport.Result r = CliTestSupport.run(realSolvers(), "reproduce", "--quick", "els-regression",
                "--data", data.toString(), "--results", results.toString(), "--threads", "2");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(Files.size(results.resolve("figures/els-regression.png")) > 0);
        String report = Files.readString(results.resolve("REPORT.md"));
        assertTrue(report.contains("## els-regression"), report);
        assertTrue(report.contains("**small** (40 samples × 4 features; train 32, test 8)"), report);
        assertTrue(report.contains("| far | far away | libsvm | https://example.org/far.bz2 | unknown (not verified) |"),
                report);
        assertTrue(report.contains("fetch.sh far`"), report);
        assertTrue(report.contains("**What the curves show.** Ranked by the mean training objective"), report);
        // SEA_OMP starts from OMP's support and keeps its best iterate: never above OMP.
        assertTrue(report.contains("SEA_OMP (T=16000) is below OMP at ") && report.contains(" of 4 k, above at 0."),
                report);

        CliTestSupport.Result again = CliTestSupport.run(realSolvers(), "reproduce", "--quick", "els-regression",
                "--data", data.toString(), "--results", results.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("found in the results, not recomputed"), again.out());
    }
}
