package io.siotls.messages;

import io.siotls.extensions.ExtensionBlock;

/** One CertificateEntry, RFC 8446 §4.4.2: a DER certificate (or raw public key) and its extensions. */
public record CertificateEntry(byte[] data, ExtensionBlock extensions) {
}
