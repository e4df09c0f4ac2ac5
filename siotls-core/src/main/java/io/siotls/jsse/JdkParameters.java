package io.siotls.jsse;

import java.lang.reflect.Method;
import javax.net.ssl.SSLParameters;

/**
 * {@code SSLParameters.get/setNamedGroups} (JDK 20) and {@code get/setSignatureSchemes} (JDK 19),
 * reached by reflection so that this provider, built for Java 17, honours them where they exist.
 */
final class JdkParameters {

    private static final Method GET_NAMED_GROUPS = method("getNamedGroups");
    private static final Method SET_NAMED_GROUPS = method("setNamedGroups", String[].class);
    private static final Method GET_SIGNATURE_SCHEMES = method("getSignatureSchemes");
    private static final Method SET_SIGNATURE_SCHEMES = method("setSignatureSchemes", String[].class);

    private JdkParameters() {
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            return SSLParameters.class.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The named groups set on {@code parameters}, or null (unset, or a JDK without the method). */
    static String[] namedGroups(SSLParameters parameters) {
        return (String[]) invoke(GET_NAMED_GROUPS, parameters);
    }

    static String[] signatureSchemes(SSLParameters parameters) {
        return (String[]) invoke(GET_SIGNATURE_SCHEMES, parameters);
    }

    static void setNamedGroups(SSLParameters parameters, String[] groups) {
        if (groups != null) {
            invoke(SET_NAMED_GROUPS, parameters, (Object) groups.clone());
        }
    }

    static void setSignatureSchemes(SSLParameters parameters, String[] schemes) {
        if (schemes != null) {
            invoke(SET_SIGNATURE_SCHEMES, parameters, (Object) schemes.clone());
        }
    }

    private static Object invoke(Method method, SSLParameters parameters, Object... arguments) {
        if (method == null) {
            return null;
        }
        try {
            return method.invoke(parameters, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot call SSLParameters." + method.getName(), e);
        }
    }
}
