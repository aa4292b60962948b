package io.sparserepro.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.DataFormatException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {
    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** Asserts that reading fails with a message naming the file, the line and {@code also}. */
    private static void failsAt(Path file, String line, Runnable read, String... also) {
        DataFormatException e = assertThrows(DataFormatException.class, read::run);
        assertTrue(e.getMessage().contains("file " + file), e.getMessage());
        assertTrue(e.getMessage().contains(line), e.getMessage());
        for (String a : also) {
            assertTrue(e.getMessage().contains(a), e.getMessage());
        }
    }

    @Test
    void csvTargetByNameAnywhereAndExcludedColumns() throws IOException {
        Path f = write("d.csv", "id,a,y,b\n1,1.5,10,-2\n2,2.5,20,0x1p2\n");
        Dataset d = DatasetFiles.readCsv(f, "y", Set.of("id"));
        assertEquals("d", d.name());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertArrayEquals(new double[] {10, 20}, d.target());
        assertEquals(1.5, d.features().get(0, 0));
        assertEquals(4.0, d.features().get(1, 1)); // hexadecimal literal, as CsvFiles accepts
    }

    @Test
    void missingTargetColumnNamesFileLineAndColumns() throws IOException {
        Path f = write("d.csv", "a,b\n1,2\n");
        failsAt(f, "line 1", () -> DatasetFiles.readCsv(f, "y", Set.of()), "'y'", "a, b");
        failsAt(f, "line 1", () -> DatasetFiles.readCsv(f, "a", Set.of("nope")), "'nope'");
    }

    @Test
    void malformedLineNamesItsLine() throws IOException {
        Path f = write("d.csv", "a,y\n1,2\n3,4,5\n");
        failsAt(f, "line 3", () -> DatasetFiles.readCsv(f, "y", Set.of()), "3 fields", "header (line 1) has 2");
    }

    @Test
    void nonNumericValueNamesLineColumnAndColumnName() throws IOException {
        Path f = write("d.csv", "a,y\n1,2\n3,abc\n");
        failsAt(f, "line 3, column 2 (y)", () -> DatasetFiles.readCsv(f, "y", Set.of()), "'abc'");
        Path g = write("g.csv", "a,y\n1,NaN\n");
        failsAt(g, "line 2, column 2 (y)", () -> DatasetFiles.readCsv(g, "y", Set.of()), "not finite");
        Path h = write("h.csv", "a,y\n,2\n");
        failsAt(h, "line 2, column 1 (a)", () -> DatasetFiles.readCsv(h, "y", Set.of()), "missing");
    }

    @Test
    void emptyFileAndHeaderOnlyAndBadHeader() throws IOException {
        Path f = write("e.csv", "");
        failsAt(f, "line 1", () -> DatasetFiles.readCsv(f, "y", Set.of()), "empty");
        Path g = write("h.csv", "a,y\n");
        failsAt(g, "line 2", () -> DatasetFiles.readCsv(g, "y", Set.of()), "no data rows");
        Path h = write("n.csv", "1,2\n3,4\n");
        failsAt(h, "line 1, column 1", () -> DatasetFiles.readCsv(h, "y", Set.of()), "not a column name");
        Path d = write("dup.csv", "a,a\n3,4\n");
        failsAt(d, "line 1, column 2", () -> DatasetFiles.readCsv(d, "a", Set.of()), "twice");
        Path b = write("b.csv", "a,y\n1,2\n\n3,4\n");
        failsAt(b, "line 3", () -> DatasetFiles.readCsv(b, "y", Set.of()), "blank line");
    }

    @Test
    void libSvmTargetIsTheLabelUnusedFeaturesLeftOut() throws IOException {
        Path f = write("d.libsvm", "1.5 1:2 4:3\n-2 4:1 # comment\n");
        Dataset d = DatasetFiles.readLibSvm(f);
        assertEquals(List.of("f1", "f4"), d.featureNames());
        assertArrayEquals(new double[] {1.5, -2}, d.target());
        assertEquals(0.0, d.features().get(1, 0));
        assertEquals(1.0, d.features().get(1, 1));
        assertEquals(DatasetFiles.Format.LIBSVM, DatasetFiles.Format.of(f));
        assertEquals(DatasetFiles.Format.CSV, DatasetFiles.Format.of(dir.resolve("x.CSV")));
    }

    @Test
    void libSvmErrorsNameFileAndLine() throws IOException {
        Path f = write("bad", "1 1:2\n2 1:x\n");
        failsAt(f, "line 2", () -> DatasetFiles.readLibSvm(f));
        Path g = write("label", "1 1:2\nabc 1:1\n");
        failsAt(g, "line 2", () -> DatasetFiles.readLibSvm(g), "'abc'");
        Path e = write("empty", "");
        failsAt(e, "line 1", () -> DatasetFiles.readLibSvm(e), "empty");
    }

    @Test
    void readDispatchesOnFormatAndChecksTheTarget() throws IOException {
        Path f = write("d.csv", "a,y\n1,2\n");
        assertThrows(IllegalArgumentException.class, () -> DatasetFiles.read(f, DatasetFiles.Format.CSV, null, Set.of()));
        Path g = write("d.svm", "1 1:1\n");
        assertThrows(IllegalArgumentException.class,
                () -> DatasetFiles.read(g, DatasetFiles.Format.LIBSVM, "y", Set.of()));
        assertEquals(1, DatasetFiles.read(g, DatasetFiles.Format.LIBSVM, null, Set.of()).featureCount());
        assertThrows(IllegalArgumentException.class, () -> DatasetFiles.Format.parse("arff"));
    }
}
