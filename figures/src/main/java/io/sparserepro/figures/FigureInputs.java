package io.sparserepro.figures;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** The paths of the result files a figure reads, by {@link FigureInput#name()}. Immutable. */
public final class FigureInputs {
    private final Map<String, Path> paths;

    private FigureInputs(Map<String, Path> paths) {
        this.paths = Collections.unmodifiableMap(paths);
    }

    /** No inputs. */
    public static FigureInputs empty() {
        return new FigureInputs(new LinkedHashMap<>());
    }

    /** One input. */
    public static FigureInputs of(String name, Path path) {
        return empty().with(name, path);
    }

    /** A copy that also maps {@code name} to {@code path}. */
    public FigureInputs with(String name, Path path) {
        if (name == null || path == null) {
            throw new IllegalArgumentException("name and path must not be null: " + name + ", " + path);
        }
        Map<String, Path> copy = new LinkedHashMap<>(paths);
        copy.put(name, path);
        return new FigureInputs(copy);
    }

    /**
     * The path of input {@code name}, which must exist as a regular file.
     *
     * @throws IllegalArgumentException naming the input and what is wrong
     */
    public Path require(String name) {
        Path p = paths.get(name);
        if (p == null) {
            throw new IllegalArgumentException("input '" + name + "' is missing; given: " + paths.keySet());
        }
        if (!Files.isRegularFile(p)) {
            throw new IllegalArgumentException("input '" + name + "' must be a readable file: " + p);
        }
        return p;
    }

    public Map<String, Path> asMap() {
        return paths;
    }
}
