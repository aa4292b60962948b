package io.sparserepro.figures;

/**
 * A result file a figure reads.
 *
 * @param name        the key under which {@link FigureInputs} holds its path (e.g. {@code thresholds})
 * @param description what the file is and which experiment writes it (for {@code list figures})
 */
public record FigureInput(String name, String description) {
    public FigureInput {
        if (name == null || !name.matches("[a-z][a-zA-Z0-9_-]*")) {
            throw new IllegalArgumentException("name must be a lowercase identifier: '" + name + "'");
        }
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("description must not be blank");
        }
    }
}
