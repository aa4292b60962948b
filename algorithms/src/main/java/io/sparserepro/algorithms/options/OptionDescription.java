package io.sparserepro.algorithms.options;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One option of a solver, as {@code list algorithms --options} shows it and error messages
 * list it.
 *
 * @param name         the option's name (the record component's name)
 * @param type         {@code int}, {@code long}, {@code double}, {@code boolean}, {@code text}
 *                     or the enum's values joined by {@code |}
 * @param defaultValue the default, as JSON
 * @param meaning      what the option means ({@link Option#value()}; empty if not annotated)
 * @param origin       where the default comes from ({@code null} if not annotated)
 * @param source       the citation for the default, if any
 */
public record OptionDescription(String name, String type, JsonNode defaultValue, String meaning,
                                Option.Origin origin, String source) {

    /** {@code name (type, default value)}, the form error messages list. */
    public String brief() {
        return name + " (" + type + ", default " + defaultValue + ")";
    }
}
