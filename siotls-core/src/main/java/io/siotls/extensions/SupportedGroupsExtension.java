package io.siotls.extensions;

import io.siotls.iana.ExtensionType;
import io.siotls.wire.TLSReader;
import io.siotls.wire.TLSWriter;
import java.util.List;

/** supported_groups, RFC 8446 §4.2.7: the key exchange groups in preference order. */
public record SupportedGroupsExtension(List<Integer> groups) implements Extension {

    public SupportedGroupsExtension {
        groups = List.copyOf(groups);
    }

    @Override
    public int typeCode() {
        return ExtensionType.SUPPORTED_GROUPS.code();
    }

    @Override
    public void writeData(TLSWriter writer) {
        CodeList.write(writer, groups);
    }

    static SupportedGroupsExtension parse(TLSReader reader) {
        return new SupportedGroupsExtension(CodeList.read(reader, 2, "named_group_list"));
    }
}
