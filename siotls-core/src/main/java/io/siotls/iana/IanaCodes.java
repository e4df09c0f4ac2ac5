package io.siotls.iana;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Lookup tables by code and by name for one registry enum. */
final class IanaCodes<E extends Enum<E> & IanaCode> {

    private final Class<E> type;
    private final Map<Integer, E> byCode = new HashMap<>();
    private final Map<String, E> byName = new HashMap<>();

    IanaCodes(Class<E> type) {
        this.type = type;
        for (E value : type.getEnumConstants()) {
            byCode.put(value.code(), value);
            byName.put(value.ianaName().toLowerCase(Locale.ROOT), value);
            byName.put(value.name().toLowerCase(Locale.ROOT), value);
        }
    }

    E fromCode(int code) {
        return byCode.get(code);
    }

    E fromName(String name) {
        E value = name == null ? null : byName.get(name.trim().toLowerCase(Locale.ROOT));
        if (value == null) {
            String accepted = Stream.of(type.getEnumConstants())
                    .map(IanaCode::ianaName)
                    .collect(Collectors.joining(", "));
            throw new IllegalArgumentException(
                    "unknown " + type.getSimpleName() + " '" + name + "', expected one of: " + accepted);
        }
        return value;
    }
}
