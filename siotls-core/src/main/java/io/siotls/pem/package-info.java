/**
 * Loading of certificates, private keys and public keys from PEM (RFC 7468) or DER files, with
 * BouncyCastle's ASN.1 and PEM parsers; the keys come out as the JDK's own key classes, made by
 * the default JCA {@code KeyFactory}. {@link io.siotls.pem.KeyStoreLoader} loads the Java key
 * store files (PKCS#12, JKS) these loaders refuse, its type told by the content. Every failure is a
 * {@link io.siotls.alerts.TLSConfigurationException} naming the file and the problem, whose
 * {@code source()} is that file (or the in-memory content's name) and whose {@code option()}
 * and {@code problem()} tell what was loaded and what is wrong with it.
 */
package io.siotls.pem;
