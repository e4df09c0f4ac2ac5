package io.siotls.pem;

import static io.siotls.alerts.ConfigurationProblem.EMPTY;
import static io.siotls.alerts.ConfigurationProblem.MALFORMED;
import static io.siotls.alerts.ConfigurationProblem.WRONG_KIND;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.util.io.pem.PemHeader;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;

/**
 * Splits a file into its objects: the PEM blocks of a text file (RFC 7468, text around the
 * blocks ignored), or the single structure of a DER file.
 */
final class PemContent {

    private static final byte DER_SEQUENCE = 0x30;

    private PemContent() {
    }

    /** The objects {@code content} holds; never empty. */
    static List<PemBlock> read(byte[] content, Source source) {
        if (content == null || content.length == 0) {
            throw source.error(EMPTY, "is empty");
        }
        String keyStore = KeyStoreFormats.typeOf(content);
        if (keyStore != null) {
            throw source.error(WRONG_KIND, "is a " + KeyStoreFormats.displayName(keyStore) + " key store, not a PEM or"
                    + " DER certificate or key; export its certificates and key to PEM files (e.g. openssl pkcs12"
                    + " -nodes, keytool -exportcert)");
        }
        if (content[0] == DER_SEQUENCE) {
            ASN1Primitive der = parseDer(content);
            if (der != null) {
                String label = DerLabels.labelOf(der);
                if (label == null) {
                    throw source.error(WRONG_KIND, "holds DER data that is neither a certificate nor a key");
                }
                return List.of(new PemBlock(label, content, Map.of(), false));
            }
        }
        String text = new String(content, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN ")) {
            throw source.error(MALFORMED, content[0] == DER_SEQUENCE
                    ? "holds malformed DER (truncated or with trailing data)"
                    : "holds no PEM block and is not DER");
        }
        List<PemBlock> blocks = readPem(text, source);
        if (blocks.isEmpty()) {
            throw source.error(MALFORMED, "holds no complete PEM block");
        }
        return blocks;
    }

    /** The distinct labels of {@code blocks}, for messages: {@code "a CERTIFICATE and an EC PARAMETERS"}. */
    static String describe(List<PemBlock> blocks) {
        Set<String> labels = new LinkedHashSet<>();
        blocks.forEach(block -> labels.add(block.describe()));
        return String.join(" and ", labels);
    }

    private static ASN1Primitive parseDer(byte[] content) {
        try {
            return ASN1Primitive.fromByteArray(content);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static List<PemBlock> readPem(String text, Source source) {
        List<PemBlock> blocks = new ArrayList<>();
        try (PemReader reader = new PemReader(new StringReader(text))) {
            for (PemObject object = reader.readPemObject(); object != null; object = reader.readPemObject()) {
                blocks.add(new PemBlock(object.getType(), object.getContent(), headers(object), true));
            }
        } catch (IOException | RuntimeException e) {
            throw source.error(MALFORMED, "holds a malformed PEM block (bad base64 or no matching END line)", e);
        }
        return blocks;
    }

    private static Map<String, String> headers(PemObject object) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Object header : object.getHeaders()) {
            PemHeader pemHeader = (PemHeader) header;
            headers.put(pemHeader.getName(), pemHeader.getValue());
        }
        return headers;
    }
}
