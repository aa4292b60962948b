package io.sparserepro.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.linalg.DenseMatrix;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuadraticExpansionTest {
    /** The shipped data, from the repository root (tests run in the module folder). */
    static final Path DATA = Path.of("..", "data");

    @Test
    void handExample() {
        // a ∈ {0, 1} (binary, no square), b = (1, 2, 6): means 2/3 and 3.
        Dataset d = new Dataset("t", List.of("a", "b"), DenseMatrix.fromRows(new double[][] {{0, 1}, {1, 2}, {1, 6}}),
                new double[] {1, 2, 3});
        Dataset q = QuadraticExpansion.of(d);
        assertEquals(List.of("a", "b", "a*b", "b^2"), q.featureNames());
        assertEquals("t-quadratic", q.name());
        assertEquals((0 - 2.0 / 3) * (1 - 3), q.features().get(0, 2), 1e-15);
        assertEquals(9.0, q.features().get(2, 3), 1e-15);
        assertEquals(1.0, q.features().get(0, 1));
    }

    /** The LARS paper's 64 predictors: 10 main effects, 45 interactions, 9 squares (sex is binary). */
    @Test
    void diabetesHas64FeaturesAndTheShippedFileIsItsExpansion() {
        Dataset diabetes = DatasetFiles.readCsv(DATA.resolve("diabetes.csv"), "y", Set.of());
        assertEquals(442, diabetes.samples());
        assertEquals(10, diabetes.featureCount());
        Dataset q = QuadraticExpansion.of(diabetes);
        assertEquals(64, q.featureCount());
        assertEquals(45, q.featureNames().stream().filter(n -> n.contains("*")).count());
        assertEquals(9, q.featureNames().stream().filter(n -> n.endsWith("^2")).count());
        assertFalse(q.featureNames().contains("sex^2"));
        assertTrue(Files.isRegularFile(DATA.resolve("diabetes-quadratic.csv")));
        Dataset shipped = DatasetFiles.readCsv(DATA.resolve("diabetes-quadratic.csv"), "y", Set.of());
        assertEquals(q.featureNames(), shipped.featureNames());
        assertArrayEquals(q.target(), shipped.target());
        // The file was written by an independent script with the same arithmetic (sequential
        // sums, then products of centred values) and shortest round-trip decimals: bit-identical.
        assertArrayEquals(q.features().data(), shipped.features().data());
    }
}
