package io.siotls.extensions;

import io.siotls.alerts.IllegalParameter;
import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An ordered extension block, {@code Extension extensions<0..2^16-1>} (RFC 8446 §4.2): no two
 * extensions of one type, each allowed in the message it appears in, and in a ClientHello no
 * extension after pre_shared_key (§4.2.11).
 */
public final class ExtensionBlock {

    private final Map<Integer, Extension> extensions;

    private ExtensionBlock(Map<Integer, Extension> extensions) {
        this.extensions = Collections.unmodifiableMap(extensions);
    }

    public static ExtensionBlock of(List<? extends Extension> extensions) {
        Map<Integer, Extension> map = new LinkedHashMap<>();
        for (Extension extension : extensions) {
            if (map.put(extension.typeCode(), extension) != null) {
                throw new IllegalArgumentException("extension " + extension.typeCode() + " given twice");
            }
        }
        return new ExtensionBlock(map);
    }

    public static ExtensionBlock empty() {
        return new ExtensionBlock(new LinkedHashMap<>());
    }

    /** The extensions in wire order. */
    public List<Extension> list() {
        return new ArrayList<>(extensions.values());
    }

    /** The type codes in wire order. */
    public Set<Integer> typeCodes() {
        return extensions.keySet();
    }

    public boolean contains(ExtensionType type) {
        return extensions.containsKey(type.code());
    }

    /** The extension of {@code type}, or {@code null} when absent. */
    public <T extends Extension> T get(ExtensionType type, Class<T> shape) {
        Extension extension = extensions.get(type.code());
        return extension == null ? null : shape.cast(extension);
    }

    /** The extension_data of the extension with type {@code typeCode} as it is written, or null. */
    public byte[] dataOf(int typeCode) {
        Extension extension = extensions.get(typeCode);
        if (extension == null) {
            return null;
        }
        TLSWriter writer = new TLSWriter();
        extension.writeData(writer);
        return writer.toByteArray();
    }

    public boolean isEmpty() {
        return extensions.isEmpty();
    }

    /** Writes the block with its 2-byte length prefix. */
    public void write(TLSWriter writer) {
        int block = writer.startVector(2);
        for (Extension extension : extensions.values()) {
            writer.writeUint16(extension.typeCode());
            int data = writer.startVector(2);
            extension.writeData(writer);
            writer.endVector(data);
        }
        writer.endVector(block);
    }

    /**
     * Reads a block with its 2-byte length prefix. A duplicate extension, a known extension
     * that RFC 8446 §4.2 does not allow in {@code context}, or an extension after pre_shared_key
     * in a ClientHello (§4.2.11: it "MUST be the last extension"), raises illegal_parameter.
     */
    public static ExtensionBlock read(TLSReader reader, ExtensionContext context) {
        TLSReader block = reader.readVector(2, 0, 0xffff, "extensions");
        Map<Integer, Extension> map = new LinkedHashMap<>();
        while (block.hasRemaining()) {
            int typeCode = block.readUint16("extension type");
            TLSReader data = block.readVector(2, 0, 0xffff, "extension_data");
            ExtensionType type = ExtensionType.fromCode(typeCode);
            if (context == ExtensionContext.CLIENT_HELLO && map.containsKey(ExtensionType.PRE_SHARED_KEY.code())) {
                throw new IllegalParameter("pre_shared_key is not the last extension of the ClientHello"
                        + " (RFC 8446 §4.2.11)");
            }
            if (map.containsKey(typeCode)) {
                throw new IllegalParameter("extension " + (type == null ? typeCode : type.ianaName())
                        + " appears twice in one block");
            }
            if (type != null && !ExtensionRules.allowedIn(type, context)) {
                throw new IllegalParameter("extension " + type.ianaName() + " is not allowed in "
                        + context.name().toLowerCase(Locale.ROOT));
            }
            map.put(typeCode, ExtensionParsers.parse(typeCode, type, data, context));
        }
        return new ExtensionBlock(map);
    }
}
