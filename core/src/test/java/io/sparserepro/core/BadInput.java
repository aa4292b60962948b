package io.sparserepro.core;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Bad-input assertions: the call throws IllegalArgumentException naming the argument. */
public final class BadInput {
    private BadInput() {
    }

    public static void rejects(String argument, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(argument),
                "message should start with '" + argument + "': " + e.getMessage());
    }
}
