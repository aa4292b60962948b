package io.sparserepro.figures;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Figure ids → figures, for {@code list figures} and {@code reproduce.sh}. Immutable;
 * {@link #with} returns a copy that also knows another figure (a reader adding a missing
 * appendix figure registers it here).
 */
public final class FigureRegistry {
    private static final FigureRegistry DEFAULTS = withDeconvolution(empty().with(new SeaFigure2()).with(new SeaFigure1Left()))
            .with(new ElsRegressionFigure()).with(new UnfoldingFigure1()).with(new UnfoldingFigure2()).with(new UnfoldingFigure3());

    private static FigureRegistry withDeconvolution(FigureRegistry registry) {
        for (Figure f : DeconvolutionFigures.all()) {
            registry = registry.with(f);
        }
        return registry;
    }

    private final Map<String, Figure> figures;

    private FigureRegistry(Map<String, Figure> figures) {
        this.figures = Collections.unmodifiableMap(figures);
    }

    public static FigureRegistry empty() {
        return new FigureRegistry(new LinkedHashMap<>());
    }

    /** The suite's figures. */
    public static FigureRegistry defaults() {
        return DEFAULTS;
    }

    /** A copy that also maps {@code figure.id()} to {@code figure} (replacing an existing entry). */
    public FigureRegistry with(Figure figure) {
        if (figure == null) {
            throw new IllegalArgumentException("figure must not be null");
        }
        String id = figure.id();
        if (id == null || !id.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("figure id must be lowercase letters, digits, '-', '_' or '.': '" + id + "'");
        }
        Map<String, Figure> copy = new LinkedHashMap<>(figures);
        copy.put(id, figure);
        return new FigureRegistry(copy);
    }

    /** The figure {@code id}, or an error listing the known ids. */
    public Figure get(String id) {
        if (id == null) {
            throw new IllegalArgumentException("id must not be null");
        }
        Figure f = figures.get(id);
        if (f == null) {
            throw new IllegalArgumentException("unknown figure '" + id + "'; known figures: " + String.join(", ", ids()));
        }
        return f;
    }

    public boolean contains(String id) {
        return figures.containsKey(id);
    }

    /** Ids in registration order. */
    public Set<String> ids() {
        return figures.keySet();
    }

    public Collection<Figure> figures() {
        return figures.values();
    }
}
