package io.sparserepro.experiments.unfolding;

import io.sparserepro.algorithms.unfolding.SoftSort;
import io.sparserepro.core.Checks;
import io.sparserepro.core.io.AtomicFiles;
import io.sparserepro.core.random.Seeds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The unfolding paper's Fig. 1 (an illustration; the authors' README names the script without
 * shipping it): the argsort permutation matrix of one score vector beside its softsort
 * matrices at a few τ. Writes {@value #FILE} with columns {@code matrix,tau,row,col,value}
 * (matrix {@code argsort} has an empty τ; row i is the i-th largest score, col the index
 * into the score vector) and the scores as matrix {@code scores} (row 0).
 *
 * @see SoftSort
 */
public final class Fig1Experiment {
    public static final String FILE = "softsort.csv";

    private Fig1Experiment() {
    }

    /**
     * @param n     length of the score vector
     * @param taus  temperatures of the softsort panels
     * @param seed  the scores are n draws of U(0, 1) from {@code Seeds.rng(seed)}
     */
    public record Spec(int n, double[] taus, long seed) {
        public Spec {
            Checks.requireInRange("n", n, 2, 64);
            Checks.requireNonNull("taus", taus);
            if (taus.length == 0) {
                throw new IllegalArgumentException("taus must not be empty");
            }
            for (double t : taus) {
                Checks.requirePositive("tau", t);
            }
            taus = taus.clone();
        }

        /** Eight scores; τ = 1, 0.1, 0.01 (from nearly uniform rows to nearly argsort). */
        public static Spec defaults() {
            return new Spec(8, new double[] {1, 0.1, 0.01}, 2025);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Spec s && n == s.n && seed == s.seed && Arrays.equals(taus, s.taus);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(taus) * 31 + n;
        }
    }

    /** Writes {@value #FILE} into {@code directory}; returns its path. */
    public static Path run(Spec spec, Path directory) throws IOException {
        Checks.requireNonNull("spec", spec);
        Files.createDirectories(directory);
        UniformRandomProvider rng = Seeds.rng(spec.seed());
        int n = spec.n();
        double[] scores = new double[n];
        for (int j = 0; j < n; j++) {
            scores[j] = rng.nextDouble();
        }
        StringBuilder csv = new StringBuilder("matrix,tau,row,col,value\n");
        for (int j = 0; j < n; j++) {
            csv.append("scores,,0,").append(j).append(',').append(scores[j]).append('\n');
        }
        int[] order = new int[n];
        SoftSort.topIndices(scores, n, n, order);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                csv.append("argsort,,").append(i).append(',').append(j).append(',')
                        .append(order[i] == j ? 1.0 : 0.0).append('\n');
            }
        }
        double[] rows = new double[n * n];
        int[] top = new int[n];
        for (double tau : spec.taus()) {
            SoftSort.rows(scores, n, n, tau, rows, top);
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    csv.append("softsort,").append(tau).append(',').append(i).append(',').append(j).append(',')
                            .append(rows[i * n + j]).append('\n');
                }
            }
        }
        Path file = directory.resolve(FILE);
        AtomicFiles.writeText(file, csv);
        return file;
    }
}
