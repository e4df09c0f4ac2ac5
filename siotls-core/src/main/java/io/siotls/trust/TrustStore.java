package io.siotls.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import javax.security.auth.x500.X500Principal;

/** Verifies a peer's certificate chain against trust anchors. */
public interface TrustStore {

    void verify(List<X509Certificate> chain, Purpose purpose, Instant now);

    List<X500Principal> trustAnchorSubjects();
}
