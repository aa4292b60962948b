package io.sparserepro.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.SolverVariant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExperimentSpecTest {
    static final Registries REGISTRIES = Registries.of(TestSolvers.registry());

    static List<SolverVariant> variants(String... names) {
        return java.util.Arrays.stream(names).map(SolverVariant::of).toList();
    }

    static ExperimentSpec.Builder small() {
        return ExperimentSpec.builder("small", "gaussian")
                .parameter("n", 40)
                .parameter("noise", 0.0)
                .axis("zeta", 0.5)
                .axis("k", 2, 4, 6)
                .solvers("thresh", "sea-0")
                .runs(8)
                .seed(42);
    }

    @Test
    void hashIsStableTwelveHexDigitsAndFollowsEveryField() {
        String h = small().build().hash();
        assertTrue(h.matches("[0-9a-f]{12}"), h);
        assertEquals(h, small().build().hash());
        // int and long spellings are the same value
        assertEquals(h, small().parameter("n", 40L).build().hash());
        assertNotEquals(h, small().runs(9).build().hash());
        assertNotEquals(h, small().seed(43).build().hash());
        assertNotEquals(h, small().parameter("n", 41).build().hash());
        assertNotEquals(h, small().axis("k", 2, 4).build().hash());
        assertNotEquals(h, small().build().withSolvers(variants("sea-0", "thresh")).hash());
    }

    @Test
    void canonicalJsonHasAFixedLayout() {
        assertEquals("{\"name\":\"small\",\"generator\":\"gaussian\",\"parameters\":{\"n\":40,\"noise\":0.0},"
                        + "\"grid\":[{\"name\":\"zeta\",\"values\":[0.5]},{\"name\":\"k\",\"values\":[2,4,6]}],"
                        + "\"solvers\":[\"thresh\",\"sea-0\"],\"runs\":8,\"metrics\":[\"success\",\"exactRecovery\","
                        + "\"supportDistance\",\"relativeError\",\"residualNorm\",\"iterations\"],\"seed\":42}",
                small().build().canonicalJson().toString());
    }

    @Test
    void gridPointsAreRowMajorWithFixedParametersFirst() {
        ExperimentSpec spec = small().axis("zeta", 0.25, 0.5).build();
        List<GridPoint> points = spec.gridPoints();
        assertEquals(6, points.size());
        assertEquals(Map.of("n", 40L, "noise", 0.0, "zeta", 0.25, "k", 6L), points.get(2).values());
        assertEquals(0.5, points.get(3).values().get("zeta"));
        assertEquals(List.of("n", "noise", "zeta", "k"), spec.parameterNames());
        assertEquals(6 * 8 * 2, spec.trialCount());
    }

    @Test
    void badDeclarationsAreRefusedWithTheirReason() {
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("x", "nope").solvers("omp").build().validate(Registries.defaults()))
                .getMessage().contains("gaussian"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> small().solvers("thresh").build()).getMessage().contains("distinct"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> small().parameter("k", 3).build()).getMessage().contains("also a fixed"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> small().parameter("run", 3).build()).getMessage().contains("run"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> small().runs(0).build()).getMessage().contains("runs"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.builder("Bad Name", "gaussian").solvers("a").build()).getMessage().contains("name"));
        // generator parameters are checked at every grid point, naming the point
        String message = assertThrows(IllegalArgumentException.class,
                () -> small().parameter("width", 3).build().validate(REGISTRIES)).getMessage();
        assertTrue(message.contains("width") && message.contains("grid point 0"), message);
        message = assertThrows(IllegalArgumentException.class,
                () -> small().axis("k", 2, 40).build().validate(REGISTRIES)).getMessage();
        assertTrue(message.contains("grid point 1") && message.contains("k"), message);
    }

    @Test
    void shardsParseAndPartitionUnits() {
        assertEquals(new Shard(2, 8), Shard.parse("2/8"));
        for (String bad : List.of("0/2", "3/2", "2", "a/b", "1/0", "1/2/3")) {
            assertThrows(IllegalArgumentException.class, () -> Shard.parse(bad), bad);
        }
        int[] counts = new int[3];
        for (long u = 0; u < 30; u++) {
            int owners = 0;
            for (int i = 1; i <= 3; i++) {
                if (new Shard(i, 3).contains(u)) {
                    owners++;
                    counts[i - 1]++;
                }
            }
            assertEquals(1, owners);
        }
        assertEquals(10, counts[0]);
        assertEquals("shard-2-of-3.csv", new Shard(2, 3).fileName());
    }

    @Test
    void builtInDemoIsDeclaredAsTheIssueSays() {
        ExperimentRegistry.Entry demo = ExperimentRegistry.defaults().get("demo");
        assertEquals(50, demo.spec(Mode.QUICK).runs());
        assertEquals(200, demo.spec(Mode.FULL).runs());
        assertEquals(List.of("omp", "htp", "sea-0"), demo.quick().labels());
        assertEquals(4, demo.quick().gridPointCount());
        demo.quick().validate(Registries.defaults());
        ExperimentRegistry.defaults().get("demo-deconvolution").full().validate(Registries.defaults());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ExperimentRegistry.defaults().get("nope"))
                .getMessage().contains("demo"));
    }

    @Test
    void numbersHaveOneTextForm() {
        assertEquals("12", ParameterValues.format(12.0));
        assertEquals("0.5", ParameterValues.format(0.5));
        assertEquals("NaN", ParameterValues.format(Double.NaN));
        assertEquals("1.0E300", ParameterValues.format(1e300));
        for (double v : new double[] {0.1, 1.0 / 3, 1e-17, 123456.789, -2.5e-8}) {
            String text = ParameterValues.format(v);
            assertEquals(text, ParameterValues.format(Double.parseDouble(text)));
            assertEquals(v, Double.parseDouble(text));
        }
    }

    @Test
    void aDeclarationReadBackFromItsJsonIsTheSameDeclaration() {
        ExperimentSpec spec = small().build();
        assertEquals(spec, ExperimentSpec.fromJson(spec.canonicalJson(), "test"));
        assertEquals(spec.hash(), ExperimentSpec.fromJson(spec.canonicalJson(), "test").hash());
        for (String name : ExperimentRegistry.defaults().names()) {
            for (ExperimentSpec builtIn : List.of(ExperimentRegistry.defaults().get(name).quick(),
                    ExperimentRegistry.defaults().get(name).full())) {
                assertEquals(builtIn.hash(), ExperimentSpec.fromJson(builtIn.canonicalJson(), name).hash(), name);
            }
        }
    }

    @Test
    void malformedDeclarationsAreReportedByField() throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        String base = small().build().canonicalJson().toString();
        assertFromJson(json.readTree(base.replace("\"runs\":", "\"rnus\":0,\"runs\":")), "unknown field 'rnus'");
        assertFromJson(json.readTree(base.replaceFirst("\"runs\":\\d+", "\"runs\":2.5")), "'runs' must be a whole number");
        assertFromJson(json.readTree(base.replaceFirst("\"solvers\":\\[[^]]*]", "\"solvers\":\"omp\"")),
                "'solvers' must be a list");
        IllegalArgumentException unknownMetric = assertThrows(IllegalArgumentException.class, () -> ExperimentSpec
                .fromJson(json.readTree(base.replaceFirst("\"metrics\":\\[", "\"metrics\":[\"accuracy\",")), "f")
                .validate(REGISTRIES));
        assertTrue(unknownMetric.getMessage().contains("unknown metric 'accuracy'"), unknownMetric.getMessage());
        assertFromJson(json.readTree("[1, 2]"), "a declaration is a JSON object");
    }

    private static void assertFromJson(com.fasterxml.jackson.databind.JsonNode json, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ExperimentSpec.fromJson(json, "file.json"));
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
