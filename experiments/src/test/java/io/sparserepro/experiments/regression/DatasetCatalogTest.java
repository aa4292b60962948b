package io.sparserepro.experiments.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.core.io.DataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCatalogTest {
    static final Path DATA = Path.of("..", "data");

    @Test
    void shippedRegistryShippedFilesAndTheirHashes() {
        DatasetCatalog c = DatasetCatalog.read(DATA);
        assertEquals(List.of("diabetes", "diabetes-quadratic"), c.present().stream().map(DatasetCatalog.Entry::name).toList());
        assertTrue(c.missing().stream().map(DatasetCatalog.Entry::name).toList()
                .containsAll(List.of("cal_housing", "cpusmall", "letter", "ijcnn1", "slice", "year")));
        for (DatasetCatalog.Entry e : c.present()) {
            assertTrue(e.shipped());
            assertEquals(e.sha256(), RegressionRunner.sha256(DATA.resolve(e.file())), e.name());
        }
        for (DatasetCatalog.Entry e : c.missing()) {
            // Never invented: a hash that was not computed from the file is written 'unknown'.
            assertEquals("unknown", e.sha256(), e.name());
            assertTrue(e.url().startsWith("https://"), e.url());
        }
        assertEquals(442, c.get("diabetes").load(DATA).samples());
        assertEquals(64, c.get("diabetes-quadratic").load(DATA).featureCount());
        assertThrows(IllegalArgumentException.class, () -> c.get("nope"));
    }

    @Test
    void malformedRegistryNamesItsLine(@TempDir Path dir) throws Exception {
        String header = String.join(",", DatasetCatalog.COLUMNS) + "\n";
        Files.writeString(dir.resolve("datasets.csv"), header + "a,csv,a.csv,shipped,unknown,y,,A\n"
                + "b,arff,b.arff,https://x,unknown,,,B\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> DatasetCatalog.read(dir));
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("arff"), e.getMessage());
        Files.writeString(dir.resolve("datasets.csv"), header + "a,libsvm,a,https://x,abc,,,A\n");
        e = assertThrows(DataFormatException.class, () -> DatasetCatalog.read(dir));
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("sha256"), e.getMessage());
        Files.writeString(dir.resolve("datasets.csv"), "name,format\n");
        e = assertThrows(DataFormatException.class, () -> DatasetCatalog.read(dir));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.read(dir.resolve("none")));
    }
}
