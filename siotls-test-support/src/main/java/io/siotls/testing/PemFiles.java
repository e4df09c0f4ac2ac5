package io.siotls.testing;

import java.nio.file.Path;

/**
 * The files {@link Identity#writePem} writes, ready for
 * {@code openssl s_server -cert chain -cert_chain chain -key key} and {@code openssl s_client -CAfile ca}.
 *
 * @param key   the private key, unencrypted PKCS#8 ({@code PRIVATE KEY})
 * @param chain the leaf certificate then the intermediates
 * @param ca    the root certificate
 */
public record PemFiles(Path key, Path chain, Path ca) {
}
