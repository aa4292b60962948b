package io.sparserepro.experiments.unfolding;

import io.sparserepro.core.Checks;
import io.sparserepro.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of one network's Fig. 3 run, in its folder, and their typed reading (for the
 * figure and the report). Numbers are written with {@link Double#toString} (exact round trip).
 * <ul>
 *   <li>{@value #LOSSES}: {@value #LOSSES_HEADER} — per epoch, the mean training batch loss and
 *       the full-validation loss after the epoch;</li>
 *   <li>{@value #WEIGHTS}: {@value #WEIGHTS_HEADER} — per index, membership of the hidden set and
 *       the oracle, learned (selected checkpoint, raw sign kept) and frequency weights;</li>
 *   <li>{@value #ERRORS}: {@value #ERRORS_HEADER} — per set, algorithm and sample;</li>
 *   <li>{@value #SUMMARY}: {@value #SUMMARY_HEADER} — per set and algorithm.</li>
 * </ul>
 */
public final class Fig3Results {
    public static final String LOSSES = "losses.csv";
    public static final String LOSSES_HEADER = "epoch,training_loss,validation_loss,learning_rate";
    public static final String WEIGHTS = "weights.csv";
    public static final String WEIGHTS_HEADER = "index,hidden,oracle,learned,frequency";
    public static final String ERRORS = "errors.csv";
    public static final String ERRORS_HEADER = "set,algorithm,sample,squared_error,relative_error";
    public static final String SUMMARY = "summary.csv";
    public static final String SUMMARY_HEADER = "set,algorithm,mse,median_relative_error,samples";

    private Fig3Results() {
    }

    /** One epoch of the loss curves. */
    public record Epoch(int epoch, double trainingLoss, double validationLoss, double learningRate) {
    }

    /** One index of the weights panel. */
    public record Weight(int index, boolean hidden, double oracle, double learned, double frequency) {
    }

    /** One row of the summary. */
    public record Summary(String set, String algorithm, double mse, double medianRelative, int samples) {
    }

    static void writeLosses(Path folder, List<Epoch> epochs) {
        StringBuilder b = new StringBuilder(LOSSES_HEADER).append('\n');
        for (Epoch e : epochs) {
            b.append(e.epoch()).append(',').append(e.trainingLoss()).append(',').append(e.validationLoss())
                    .append(',').append(e.learningRate()).append('\n');
        }
        AtomicFiles.writeText(folder.resolve(LOSSES), b);
    }

    static void writeWeights(Path folder, int[] hidden, double[] oracle, double[] learned, double[] frequency) {
        StringBuilder b = new StringBuilder(WEIGHTS_HEADER).append('\n');
        boolean[] isHidden = new boolean[learned.length];
        for (int j : hidden) {
            isHidden[j] = true;
        }
        for (int j = 0; j < learned.length; j++) {
            b.append(j).append(',').append(isHidden[j] ? 1 : 0).append(',').append(oracle[j]).append(',')
                    .append(learned[j]).append(',').append(frequency[j]).append('\n');
        }
        AtomicFiles.writeText(folder.resolve(WEIGHTS), b);
    }

    static void writeErrors(Path folder, List<Fig3Evaluation.Errors> all) {
        StringBuilder b = new StringBuilder(ERRORS_HEADER).append('\n');
        StringBuilder s = new StringBuilder(SUMMARY_HEADER).append('\n');
        for (Fig3Evaluation.Errors e : all) {
            for (int i = 0; i < e.squared().length; i++) {
                b.append(e.set()).append(',').append(e.algorithm()).append(',').append(i).append(',')
                        .append(e.squared()[i]).append(',').append(e.relative()[i]).append('\n');
            }
            s.append(e.set()).append(',').append(e.algorithm()).append(',').append(e.meanSquared()).append(',')
                    .append(e.medianRelative()).append(',').append(e.squared().length).append('\n');
        }
        AtomicFiles.writeText(folder.resolve(ERRORS), b);
        AtomicFiles.writeText(folder.resolve(SUMMARY), s);
    }

    public static List<Epoch> readLosses(Path folder) throws IOException {
        return read(folder.resolve(LOSSES), LOSSES_HEADER, f -> new Epoch(Integer.parseInt(f[0]),
                Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])));
    }

    public static List<Weight> readWeights(Path folder) throws IOException {
        return read(folder.resolve(WEIGHTS), WEIGHTS_HEADER, f -> new Weight(Integer.parseInt(f[0]),
                f[1].equals("1"), Double.parseDouble(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4])));
    }

    /** The relative errors of {@code set}, per algorithm in file order. */
    public static Map<String, double[]> readRelativeErrors(Path folder, String set) throws IOException {
        Checks.requireNonNull("set", set);
        Map<String, List<Double>> lists = new LinkedHashMap<>();
        for (String[] f : read(folder.resolve(ERRORS), ERRORS_HEADER, f -> {
            Double.parseDouble(f[4]); // checked here, so that a bad number is reported with its line
            return f;
        })) {
            if (f[0].equals(set)) {
                lists.computeIfAbsent(f[1], k -> new ArrayList<>()).add(Double.parseDouble(f[4]));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }

    public static List<Summary> readSummary(Path folder) throws IOException {
        return read(folder.resolve(SUMMARY), SUMMARY_HEADER, f -> new Summary(f[0], f[1], Double.parseDouble(f[2]),
                Double.parseDouble(f[3]), Integer.parseInt(f[4])));
    }

    /**
     * The data rows of a CSV file with this exact header, each mapped by {@code row}; a
     * malformed line (field count, empty field, not a number) is reported with its number.
     */
    private static <T> List<T> read(Path file, String header, java.util.function.Function<String[], T> row)
            throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + " not found: run the Fig. 3 experiment first "
                    + "(sparse-repro reproduce unfolding-fig3)");
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            throw new IOException(file + ": line 1 must be the header '" + header + "'");
        }
        int fields = header.split(",").length;
        List<T> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != fields) {
                throw new IOException(file + ": line " + (i + 1) + ": " + fields + " fields expected, found "
                        + f.length + ": " + line);
            }
            for (int k = 0; k < f.length; k++) {
                if (f[k].isEmpty()) {
                    throw new IOException(file + ": line " + (i + 1) + ": field " + (k + 1) + " is empty");
                }
            }
            try {
                out.add(row.apply(f));
            } catch (NumberFormatException e) {
                throw new IOException(file + ": line " + (i + 1) + ": not a number (" + e.getMessage() + "): "
                        + line, e);
            }
        }
        if (out.isEmpty()) {
            throw new IOException(file + ": no data rows");
        }
        return out;
    }
}
