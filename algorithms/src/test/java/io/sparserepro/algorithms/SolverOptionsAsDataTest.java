package io.sparserepro.algorithms;

import static io.sparserepro.algorithms.SparseSolverContractTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sparserepro.algorithms.options.OptionDescription;
import io.sparserepro.algorithms.sea.Sea;
import java.lang.reflect.RecordComponent;
import org.junit.jupiter.api.Test;

/** Options as data: the one conversion from JSON and command-line text into the options records. */
class SolverOptionsAsDataTest {
    private static final SolverRegistry REGISTRY = SolverRegistry.defaults();

    @Test
    void everyOptionOfEveryAlgorithmRoundTripsFromTextIntoTheRecord() throws Exception {
        for (String name : REGISTRY.names()) {
            Record defaults = ((ConfiguredSolver<?>) REGISTRY.create(name)).options();
            for (OptionDescription option : REGISTRY.options(name)) {
                RecordComponent component = component(defaults, option.name());
                Object current = component.getAccessor().invoke(defaults);
                String changed = changedText(current, component.getType());
                SolverVariant variant = SolverVariant.of(name).withOption(option.name(),
                        REGISTRY.parseOption(name, option.name(), changed));
                SparseSolver solver;
                try {
                    solver = REGISTRY.create(variant);
                } catch (IllegalArgumentException e) {
                    // A changed value may be out of the option's range (e.g. a tolerance below 1):
                    // then the message must name the solver and list the options.
                    assertTrue(e.getMessage().contains("solver '" + name + "'"), e.getMessage());
                    assertTrue(e.getMessage().contains("valid options: "), e.getMessage());
                    continue;
                }
                Record options = ((ConfiguredSolver<?>) solver).options();
                Object value = component.getAccessor().invoke(options);
                assertEquals(changed.toUpperCase(), String.valueOf(value).toUpperCase(), name + "." + option.name());
                assertNotEquals(defaults, options, name + "." + option.name());
                // The configuration that run.json records shows the value that was set.
                assertTrue(solver.configuration().contains(option.name() + "=" + value), solver.configuration());
            }
        }
    }

    @Test
    void everyBuiltInOptionIsDocumented() {
        for (String name : REGISTRY.names()) {
            assertFalse(REGISTRY.options(name).isEmpty(), name);
            for (OptionDescription option : REGISTRY.options(name)) {
                assertFalse(option.type().isEmpty(), name + "." + option.name());
                assertFalse(option.defaultValue() == null, name + "." + option.name());
            }
        }
    }

    @Test
    void unknownOptionsWrongTypesAndOutOfRangeValuesAreNamed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SolverVariant typo = SolverVariant.fromJson(json.readTree(
                "{\"label\": \"SEA T=3000\", \"algorithm\": \"sea-omp\", \"options\": {\"maxIteration\": 3000}}"), "test");
        assertMessage(() -> REGISTRY.create(typo), "solver 'SEA T=3000' (sea-omp): unknown option 'maxIteration'; "
                + "valid options: ");
        assertMessage(() -> REGISTRY.create(typo), "maxIterations (int, default ");

        SolverVariant text = SolverVariant.of("sea-omp").withOption("maxIterations", "3000");
        assertMessage(() -> REGISTRY.create(text), "option maxIterations must be an int, not \"3000\"");
        SolverVariant fraction = SolverVariant.of("sea-omp").withOption("maxIterations", 2.5);
        assertMessage(() -> REGISTRY.create(fraction), "option maxIterations must be an int, not 2.5");
        SolverVariant flag = SolverVariant.of("omp").withOption(REGISTRY.options("omp").stream()
                .filter(o -> o.type().equals("boolean")).findFirst().orElseThrow().name(), 1);
        assertMessage(() -> REGISTRY.create(flag), "must be a boolean, not 1");

        SolverVariant zero = SolverVariant.of("sea-omp").withOption("maxIterations", -1);
        assertMessage(() -> REGISTRY.create(zero), "solver 'sea-omp': invalid options {maxIterations=-1}: maxIterations");
        assertMessage(() -> REGISTRY.parseOption("sea-0", "maxIterations", "many"), "must be an int, not \"many\"");
    }

    @Test
    void innerSolversAreVariantsToo() throws Exception {
        JsonNode declared = new ObjectMapper().readTree("{\"algorithm\": \"sea-omp\", \"options\": {\"maxIterations\": 7},"
                + " \"inner\": {\"algorithm\": \"omp\", \"label\": \"x\"}}");
        Sea sea = (Sea) REGISTRY.create(SolverVariant.fromJson(declared, "test"));
        assertEquals(7, sea.options().maxIterations());
        assertTrue(sea.configuration().contains("omp"), sea.configuration());

        SolverVariant afterHtp = SolverVariant.of("sea-0").withInner(SolverVariant.of("htp"));
        assertTrue(REGISTRY.create(afterHtp).configuration().contains("htp"));

        assertMessage(() -> REGISTRY.create(SolverVariant.of("sea-omp").withInner(SolverVariant.of("ompp"))),
                "solver 'ompp': unknown algorithm 'ompp'; known algorithms: ");
        assertMessage(() -> REGISTRY.create(SolverVariant.of("omp").withInner(SolverVariant.of("htp"))),
                "algorithm omp does not run after another solver, so it takes no 'inner'; post-processors: sea-0");
        SolverVariant badInner = SolverVariant.of("sea-omp").withInner(SolverVariant.of("omp").withOption("nope", 1));
        assertMessage(() -> REGISTRY.create(badInner), "solver 'omp': unknown option 'nope'");
    }

    @Test
    void identityIgnoresTheLabelAndDefaultValuedOptionsButNotChangedOnes() {
        JsonNode plain = REGISTRY.identity(SolverVariant.of("sea-omp"));
        assertEquals(plain, REGISTRY.identity(SolverVariant.of("sea-omp").withLabel("SEA_OMP")));
        assertEquals(plain, REGISTRY.identity(SolverVariant.of("sea-omp").withOption("maxIterations",
                Sea.Options.defaults().maxIterations())));
        assertEquals(plain, REGISTRY.identity(SolverVariant.of("sea-omp").withInner(SolverVariant.of("omp"))));
        assertNotEquals(plain, REGISTRY.identity(SolverVariant.of("sea-omp").withOption("maxIterations", 17)));
        assertNotEquals(plain, REGISTRY.identity(SolverVariant.of("sea-0")));
    }

    @Test
    void declarationFormIsCanonical() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SolverVariant a = SolverVariant.fromJson(json.readTree(
                "{\"options\": {\"b\": 1, \"a\": true}, \"algorithm\": \"omp\", \"label\": \"L\"}"), "t");
        SolverVariant b = SolverVariant.fromJson(json.readTree(
                "{ \"label\":\"L\",\"algorithm\":\"omp\",\n \"options\":{\"a\":true,\"b\":1}}"), "t");
        assertEquals(a.canonicalJson().toString(), b.canonicalJson().toString());
        assertEquals("\"omp\"", SolverVariant.of("omp").canonicalJson().toString());
        assertEquals(a, SolverVariant.fromJson(a.canonicalJson(), "t"));
        JsonNode misspelt = json.readTree("{\"algo\": \"omp\"}");
        assertMessage(() -> SolverVariant.fromJson(misspelt, "my.json: solvers[1]"),
                "my.json: solvers[1]: unknown field 'algo' in a solver");
        JsonNode unnamed = json.readTree("{\"label\": \"x\"}");
        assertMessage(() -> SolverVariant.fromJson(unnamed, "f"), "needs \"algorithm\"");
        JsonNode list = json.readTree("{\"algorithm\": \"omp\", \"options\": {\"a\": [1]}}");
        assertMessage(() -> SolverVariant.fromJson(list, "f"), "option a must be a number, a string or a boolean");
    }

    private static RecordComponent component(Record record, String name) {
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                return c;
            }
        }
        throw new AssertionError(name);
    }

    /** A value different from {@code current}, as command-line text. */
    private static String changedText(Object current, Class<?> type) {
        if (type == int.class || type == long.class) {
            long v = ((Number) current).longValue();
            return Long.toString(v >= Integer.MAX_VALUE ? v - 1 : v + 1);
        }
        if (type == double.class) {
            double d = (Double) current;
            return Double.toString(d == 0 ? 0.5 : d / 2);
        }
        if (type == boolean.class) {
            return Boolean.toString(!(Boolean) current);
        }
        if (type == String.class) {
            return "".equals(current) ? "1,2" : ""; // text options (Soft-X weights): empty or a list
        }
        if (type.isEnum()) {
            for (Object constant : type.getEnumConstants()) {
                if (constant != current) {
                    return ((Enum<?>) constant).name().toLowerCase();
                }
            }
        }
        throw new AssertionError("no other value for " + type);
    }
}
