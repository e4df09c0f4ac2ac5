package io.siotls.benchmarks;

import java.util.Map;
import java.util.TreeMap;

/**
 * One row of JMH's CSV results: a benchmark (or one of its secondary metrics, such as
 * {@code ·gc.alloc.rate.norm}) with its parameters, score and error.
 */
record ResultRow(String benchmark, Map<String, String> parameters, double score, double error, String unit) {

    /** The implementation parameter, or null for a benchmark of no implementation (the JCA ceiling). */
    Implementation implementation() {
        String name = parameters.get("implementation");
        return name == null ? null : Implementation.valueOf(name);
    }

    /** The parameters but the implementation, which rows of both implementations share. */
    Map<String, String> comparedParameters() {
        Map<String, String> others = new TreeMap<>(parameters);
        others.remove("implementation");
        return others;
    }

    /** Short benchmark name: the class and method, with the metric when it is a secondary one. */
    String shortName() {
        int metric = benchmark.indexOf(':');
        String method = metric < 0 ? benchmark : benchmark.substring(0, metric);
        String name = method.substring(method.lastIndexOf('.', method.lastIndexOf('.') - 1) + 1).replace("Benchmark.", ".");
        return metric < 0 ? name : name + " " + benchmark.substring(metric + 1).replace("\u00b7", "");
    }

    /** Whether this is a primary score or the allocation per operation, the two the report shows. */
    boolean reported() {
        int metric = benchmark.indexOf(':');
        return metric < 0 || benchmark.endsWith("gc.alloc.rate.norm");
    }
}
