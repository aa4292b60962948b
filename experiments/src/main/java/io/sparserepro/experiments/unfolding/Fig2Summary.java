package io.sparserepro.experiments.unfolding;

import io.sparserepro.core.Checks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Typed reading of the Fig. 2 experiment's {@value Fig2Experiment#SUMMARY}. */
public final class Fig2Summary {
    private Fig2Summary() {
    }

    /**
     * One curve point.
     *
     * @param panel     a (OMP), b (IHT), c (OMP difference), d (IHT difference)
     * @param algorithm OMP, Soft-OMP, IHT, Soft-IHT, or "Soft-X vs X" for the difference panels
     * @param sigma     noise level
     * @param iteration the iterate compared (a/b: the run's last)
     * @param tau       τ, NaN for the exact algorithms
     * @param mean      mean of log10(value) (c/d: of log10(1e-12 + value))
     * @param std       standard deviation (ddof = 0) of the same
     * @param trials    number of trials
     */
    public record Row(String panel, String algorithm, double sigma, int iteration, double tau, double mean,
                      double std, int trials) {
        public boolean exact() {
            return Double.isNaN(tau);
        }
    }

    /** Reads a summary file; a malformed line is reported with its number. */
    public static List<Row> read(Path file) throws IOException {
        Checks.requireNonNull("file", file);
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(Fig2Experiment.SUMMARY_HEADER)) {
            throw new IOException(file + ": line 1 must be the header '" + Fig2Experiment.SUMMARY_HEADER + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                if (f.length != 8) {
                    throw new IllegalArgumentException("8 fields expected, found " + f.length);
                }
                rows.add(new Row(f[0], f[1], Double.parseDouble(f[2]), Integer.parseInt(f[3]),
                        f[4].isEmpty() ? Double.NaN : Double.parseDouble(f[4]), Double.parseDouble(f[5]),
                        Double.parseDouble(f[6]), Integer.parseInt(f[7])));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + ": " + e.getMessage() + ": " + line, e);
            }
        }
        return rows;
    }
}
