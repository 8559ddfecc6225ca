package dev.tender.scenario;

import dev.tender.capacity.Accelerator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The workload classes and accelerators a scenario declares, which the rest of the file refers
 * to. When a declaration list could not be read at all, references to it are not checked, so one
 * mistake does not echo through the whole file.
 *
 * @param acceleratorNames every declared name in file order, even those whose figures are wrong
 * @param accelerators the declared accelerators that are valid
 */
record Catalog(
        List<String> workloads,
        boolean workloadsKnown,
        List<String> acceleratorNames,
        Map<String, Accelerator> accelerators,
        boolean acceleratorsKnown) {

    Catalog {
        workloads = List.copyOf(workloads);
        acceleratorNames = List.copyOf(acceleratorNames);
        accelerators = Map.copyOf(accelerators);
    }

    /** Null when the workload is declared (or cannot be checked), else the problem. */
    @Nullable
    String workloadProblem(String workload) {
        return workloadsKnown && !workloads.contains(workload) ? unknown("workload", workload, workloads) : null;
    }

    @Nullable
    String acceleratorProblem(String accelerator) {
        return acceleratorsKnown && !acceleratorNames.contains(accelerator)
                ? unknown("accelerator", accelerator, acceleratorNames)
                : null;
    }

    static String unknown(String what, String name, List<String> declared) {
        return "unknown " + what + " " + Values.quoted(name) + " (declared: "
                + (declared.isEmpty() ? "none" : String.join(", ", declared)) + ")";
    }

    /** True when the workload is declared (or cannot be checked); else reports at {@code node}. */
    boolean checkWorkload(Node node, String workload) {
        return report(node, workloadProblem(workload));
    }

    boolean checkAccelerator(Node node, String accelerator) {
        return report(node, acceleratorProblem(accelerator));
    }

    private static boolean report(Node node, @Nullable String problem) {
        if (problem != null) {
            node.problem(problem);
        }
        return problem == null;
    }
}
