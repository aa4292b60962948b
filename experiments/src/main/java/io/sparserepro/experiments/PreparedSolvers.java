package io.sparserepro.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.sparserepro.algorithms.SolverRegistry;
import io.sparserepro.algorithms.SparseSolver;
import io.sparserepro.algorithms.SolverVariant;
import java.util.ArrayList;
import java.util.List;

/**
 * A declaration's solver variants, built once and validated: the solvers, their identities
 * (every option spelled out, {@link SolverRegistry#identity}) and the ids their trials are
 * stored under.
 */
final class PreparedSolvers {
    private final List<SolverVariant> variants;
    private final List<SparseSolver> solvers = new ArrayList<>();
    private final List<ObjectNode> identities = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();

    PreparedSolvers(List<SolverVariant> variants, SolverRegistry registry) {
        this.variants = List.copyOf(variants);
        for (SolverVariant v : variants) {
            solvers.add(registry.create(v));
            ObjectNode identity = registry.identity(v);
            identities.add(identity);
            ids.add(TrialStore.variantId(identity));
        }
    }

    List<SparseSolver> solvers() {
        return solvers;
    }

    List<String> labels() {
        return variants.stream().map(SolverVariant::label).toList();
    }

    /** The store ids, in declared order. */
    List<String> ids() {
        return ids;
    }

    int size() {
        return variants.size();
    }

    /** Writes what each id means into the store. */
    void recordIn(TrialStore store) {
        for (int i = 0; i < variants.size(); i++) {
            store.recordVariant(ids.get(i), identities.get(i), solvers.get(i).configuration());
        }
    }

    /** label → {algorithm, variant id, every option (and the inner solver's), configuration, class}. */
    ObjectNode describe() {
        ObjectNode node = ResultFiles.JSON.createObjectNode();
        for (int i = 0; i < variants.size(); i++) {
            ObjectNode entry = node.putObject(variants.get(i).label());
            entry.put("variant", ids.get(i));
            entry.setAll(identities.get(i));
            entry.put("configuration", solvers.get(i).configuration());
            entry.put("class", solvers.get(i).getClass().getName());
        }
        return node;
    }
}
