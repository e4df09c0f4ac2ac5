package io.siotls.cli;

import io.siotls.ExternalPsk;
import io.siotls.TLSNegotiatedConfiguration;
import java.io.PrintStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Prints what a handshake negotiated and what the peer presented, for a person to read. */
final class HandshakeSummary {

    private HandshakeSummary() {
    }

    static void print(TLSNegotiatedConfiguration negotiated, PrintStream out) {
        out.println("---");
        out.println("Protocol       : TLSv1.3");
        out.println("Cipher suite   : " + negotiated.cipherSuite().ianaName());
        out.println("Resumed        : " + (negotiated.resumed() ? "yes, with a session ticket" : "no"));
        out.println("Key exchange   : " + (negotiated.keyExchange() == null ? "none (psk_ke: no forward secrecy)"
                : negotiated.keyExchange().ianaName()));
        if (negotiated.externalPskAuthenticated()) {
            out.println("Authenticated  : by the external PSK '" + identity(negotiated) + "'");
        }
        out.println("Peer signature : " + (negotiated.peerSignatureAlgorithm() == null ? "none"
                : negotiated.peerSignatureAlgorithm().ianaName()));
        out.println("ALPN           : " + (negotiated.alpn() == null ? "none" : negotiated.alpn()));
        if (negotiated.serverName() != null) {
            out.println("Server name    : " + negotiated.serverName());
        }
        List<X509Certificate> chain = negotiated.peerCertificateChain();
        if (!chain.isEmpty()) {
            out.println("Peer certificate chain:");
            for (int i = 0; i < chain.size(); i++) {
                X509Certificate certificate = chain.get(i);
                out.println(" " + i + " subject: " + certificate.getSubjectX500Principal().getName());
                out.println("   issuer : " + certificate.getIssuerX500Principal().getName());
                out.println("   valid  : " + certificate.getNotBefore().toInstant() + " to "
                        + certificate.getNotAfter().toInstant());
                String names = subjectAltNames(certificate);
                if (!names.isEmpty()) {
                    out.println("   names  : " + names);
                }
                out.println("   key    : " + certificate.getPublicKey().getAlgorithm());
            }
        } else if (negotiated.peerPublicKey() != null) {
            PublicKey key = negotiated.peerPublicKey();
            out.println("Peer raw public key: " + key.getAlgorithm() + ", SHA-256 " + fingerprint(key));
        } else {
            out.println("Peer credential: none");
        }
        out.println("---");
    }

    static String identity(TLSNegotiatedConfiguration negotiated) {
        return ExternalPsk.printableIdentity(negotiated.externalPskIdentity());
    }

    private static String subjectAltNames(X509Certificate certificate) {
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            return names == null ? "" : names.stream().map(name -> String.valueOf(name.get(1)))
                    .collect(Collectors.joining(", "));
        } catch (CertificateParsingException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    private static String fingerprint(PublicKey key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
