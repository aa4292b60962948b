package io.sparserepro.algorithms.options;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sparserepro.algorithms.ConfiguredSolver;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseSolver;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every option of every registered solver says what it means and where its default comes
 * from, so that {@code list algorithms --options} never shows a bare name; a default quoted
 * from a paper or reconstructed after one names its source.
 */
class OptionAnnotationsTest {

    @Test
    void everyOptionOfEveryRegisteredSolverIsAnnotated() {
        Map<Class<?>, String> seen = new HashMap<>();
        for (String name : SolverRegistry.defaults().names()) {
            SparseSolver solver = SolverRegistry.defaults().create(name);
            assertTrue(solver instanceof ConfiguredSolver<?>, name + " has no options record");
            Record options = ((ConfiguredSolver<?>) solver).options();
            if (seen.putIfAbsent(options.getClass(), name) != null) {
                continue;
            }
            for (RecordComponent component : options.getClass().getRecordComponents()) {
                String where = name + "." + component.getName();
                Option option = component.getAnnotation(Option.class);
                assertNotNull(option, where + " has no @Option");
                assertFalse(option.value().isBlank(), where + ": no meaning");
                if (option.origin() != Option.Origin.IMPLEMENTATION) {
                    assertFalse(option.source().isBlank(), where + ": " + option.origin() + " without a source");
                }
            }
        }
        assertTrue(seen.size() >= 11, "options classes checked: " + seen.size());
    }
}
