package io.siotls.trust;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.security.auth.x500.X500Principal;

/**
 * A trust store made of a fixed set of trust anchor certificates; equal to any other holding the
 * same set. The chains it validated are remembered by this instance only ({@link ChainVerifier}).
 */
final class AnchorTrustStore implements TrustStore {

    private final String description;
    private final Set<X509Certificate> anchors;
    private final List<X500Principal> subjects;
    private final ChainVerifier verifier;

    AnchorTrustStore(String description, Set<X509Certificate> anchors) {
        this.description = description;
        this.anchors = Collections.unmodifiableSet(new LinkedHashSet<>(anchors));
        Set<X500Principal> distinctSubjects = new LinkedHashSet<>();
        anchors.forEach(anchor -> distinctSubjects.add(anchor.getSubjectX500Principal()));
        this.subjects = List.copyOf(new ArrayList<>(distinctSubjects));
        this.verifier = new ChainVerifier(anchors);
    }

    @Override
    public void verify(List<X509Certificate> chain, Purpose purpose, Instant now) {
        verifier.verify(chain, purpose, now);
    }

    /** The chains this store has validated (each store its own, so a reloaded store starts empty). */
    ValidatedChains validatedChains() {
        return verifier.validatedChains();
    }

    @Override
    public List<X500Principal> trustAnchorSubjects() {
        return subjects;
    }

    @Override
    public Set<X509Certificate> trustAnchors() {
        return anchors;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AnchorTrustStore store && anchors.equals(store.anchors);
    }

    @Override
    public int hashCode() {
        return anchors.hashCode();
    }

    @Override
    public String toString() {
        return description + " (" + anchors.size() + (anchors.size() == 1 ? " anchor)" : " anchors)");
    }
}
