package io.siotls.spring.autoconfigure;

import io.siotls.spring.autoconfigure.actuator.SiotlsHealthProperties;
import io.siotls.spring.autoconfigure.devcerts.SiotlsDevCertificatesProperties;
import java.beans.PropertyDescriptor;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.BeanUtils;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName.Form;
import org.springframework.core.ResolvableType;

/**
 * The names of the {@code siotls.*} properties, level by level, read from the properties
 * classes; finds the valid name nearest to an unknown one.
 */
final class SiotlsPropertyNames {

    private static final String PACKAGE = "io.siotls.spring.autoconfigure";

    /** The properties under {@code siotls}, the other properties classes under it included. */
    private static final Level ROOT = root();

    private SiotlsPropertyNames() {
    }

    /**
     * The valid property nearest to {@code unknown}: the name up to its first unknown element,
     * that element replaced by the nearest name of its level, the rest kept; null when none is near.
     */
    static String nearest(ConfigurationPropertyName unknown) {
        Level level = ROOT;
        StringBuilder prefix = new StringBuilder("siotls");
        for (int i = 1; i < unknown.getNumberOfElements(); i++) {
            if (unknown.isNumericIndex(i)) {
                return null;
            }
            String element = unknown.getElement(i, Form.DASHED);
            if (level.mapValues != null) {
                prefix.append(element.contains(".") ? "[" + element + "]" : "." + element);
                level = level.mapValues;
                continue;
            }
            if (level.children.containsKey(element)) {
                prefix.append('.').append(element);
                level = level.children.get(element);
                if (level == null) {
                    return null;
                }
                continue;
            }
            String nearest = nearest(element, level);
            if (nearest == null) {
                return null;
            }
            String name = unknown.toString();
            String rest = name.substring(name.indexOf(element, prefix.length()) + element.length());
            return prefix + "." + nearest + rest;
        }
        return null;
    }

    /** The names of the level where {@code unknown} leaves the valid names, for a message. */
    static String namesAt(ConfigurationPropertyName unknown) {
        Level level = ROOT;
        for (int i = 1; i < unknown.getNumberOfElements() - 1 && level != null; i++) {
            level = level.mapValues != null ? level.mapValues : level.children.get(unknown.getElement(i, Form.DASHED));
        }
        return level == null || level.mapValues != null ? null : String.join(", ", level.children.keySet());
    }

    private static String nearest(String element, Level level) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : level.children.keySet()) {
            int distance = distance(element, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best != null && bestDistance <= Math.max(2, best.length() / 3) ? best : null;
    }

    /** The Levenshtein distance of two names. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    private static Level root() {
        Level root = level(SiotlsProperties.class);
        root.children.put("health", level(SiotlsHealthProperties.class));
        root.children.put("dev-certificates", level(SiotlsDevCertificatesProperties.class));
        return root;
    }

    /** The properties of a properties class; a leaf property maps to null. */
    private static Level level(Class<?> type) {
        Level level = new Level();
        for (PropertyDescriptor descriptor : BeanUtils.getPropertyDescriptors(type)) {
            if (descriptor.getReadMethod() == null || descriptor.getName().equals("class")) {
                continue;
            }
            ResolvableType propertyType = ResolvableType.forMethodReturnType(descriptor.getReadMethod());
            Level child = null;
            if (isNested(propertyType.resolve())) {
                child = level(propertyType.resolve());
            } else if (Map.class.isAssignableFrom(propertyType.toClass())) {
                Class<?> values = propertyType.asMap().getGeneric(1).resolve();
                child = new Level();
                child.mapValues = isNested(values) ? level(values) : new Level();
            }
            level.children.put(DataObjectPropertyName.toDashedForm(descriptor.getName()), child);
        }
        return level;
    }

    private static boolean isNested(Class<?> type) {
        return type != null && !type.isEnum() && type.getPackageName().startsWith(PACKAGE);
    }

    /** The names of one level, or the values of a map (any key). */
    private static final class Level {
        final Map<String, Level> children = new TreeMap<>();
        Level mapValues;
    }
}
