package io.sparserepro.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.InputTooLargeError;
import io.sparserepro.core.io.MatrixFiles;
import io.sparserepro.core.linalg.DenseMatrix;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10, item 6: out of memory is one line naming what did not fit and how to raise the limit. */
class OutOfMemoryTest {
    @TempDir
    Path dir;

    private static final long MIB = 1L << 20;

    @Test
    void aMatrixLargerThanTheHeapGivesOneLineWithItsSizeAndTheFix() throws Exception {
        // 800×6000 float64 = 36.6 MiB: more than a 24 MiB heap can hold, little disk.
        Path a = dir.resolve("A.npy");
        Path y = dir.resolve("y.npy");
        MatrixFiles.writeMatrix(a, DenseMatrix.zeros(800, 6000));
        MatrixFiles.writeVector(y, new double[800]);
        ChildJvm.Result r = ChildJvm.run(dir, "", List.of("-Xmx24m"), "solve", "--matrix", a.toString(),
                "--observations", y.toString(), "--sparsity", "3", "--algorithm", "omp");
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
        assertTrue(r.err().startsWith("sparse-repro solve: out of memory: file " + a
                + ": its 800×6000 array needs 37 MiB as float64; the Java heap limit is "), r.err());
        assertTrue(r.err().contains("raise it, e.g. SPARSE_REPRO_JAVA_OPTS=-Xmx1g bin/sparse-repro ..."), r.err());
    }

    @Test
    void withoutAKnownSizeTheMessageSaysWhatTheCommandWasDoing() {
        assertEquals("sparse-repro solve: out of memory while solving the 2000×8000 problem (A takes 122 MiB) with omp;"
                        + " the Java heap limit is 64 MiB: raise it, e.g. SPARSE_REPRO_JAVA_OPTS=-Xmx1g bin/sparse-repro ...",
                SparseReproCli.outOfMemory("sparse-repro solve", new OutOfMemoryError("Java heap space"),
                        "solving the 2000×8000 problem (A takes 122 MiB) with omp", 64 * MIB));
        // The suggestion grows with the limit already in use and with the size that failed.
        assertTrue(SparseReproCli.outOfMemory("sparse-repro run", new OutOfMemoryError(), null, 3000 * MIB)
                .endsWith("the Java heap limit is 2.9 GiB: raise it, e.g. SPARSE_REPRO_JAVA_OPTS=-Xmx6g bin/sparse-repro ..."));
        assertTrue(SparseReproCli.outOfMemory("sparse-repro solve", new InputTooLargeError("file A.npy: big", 5000 * MIB),
                null, 512 * MIB).contains(": file A.npy: big; the Java heap limit is 512 MiB: raise it, e.g. "
                + "SPARSE_REPRO_JAVA_OPTS=-Xmx15g"));
    }
}
