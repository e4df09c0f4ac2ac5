package io.siotls.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Turns the algorithm names of a list property into registry constants, naming the entry at fault. */
final class AlgorithmNames {

    private AlgorithmNames() {
    }

    /**
     * The constants named by {@code names}, looked up with {@code fromName} (which throws an
     * {@link IllegalArgumentException} listing the accepted names), or {@code null} when the
     * list is empty and the default applies.
     */
    static <T> List<T> parse(List<String> names, String property, Function<String, T> fromName) {
        if (names == null || names.isEmpty()) {
            return null;
        }
        List<T> values = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            String entry = property + "[" + i + "]";
            try {
                values.add(fromName.apply(names.get(i)));
            } catch (IllegalArgumentException e) {
                throw new SiotlsPropertyException(entry, e.getMessage(),
                        "Set " + entry + " to one of the accepted values listed above.", e);
            }
        }
        return values;
    }
}
