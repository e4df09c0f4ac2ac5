package io.siotls.spring.autoconfigure;

/**
 * The {@code siotls.client.*} properties. Without truststore nor trusted-public-keys, servers
 * are verified against the JDK's default trust store.
 */
public class SiotlsClientProperties extends SiotlsSideProperties {

    /** Whether to ask servers to staple an OCSP response (status_request, RFC 6066 §8). */
    private boolean requestOcspStapling;

    /**
     * INSECURE: whether to skip verifying servers at all, so that anyone in the middle can read
     * and change the traffic. For tests against throw-away servers only.
     */
    private boolean insecureNoPeerVerification;

    public boolean isRequestOcspStapling() {
        return requestOcspStapling;
    }

    public void setRequestOcspStapling(boolean requestOcspStapling) {
        this.requestOcspStapling = requestOcspStapling;
    }

    public boolean isInsecureNoPeerVerification() {
        return insecureNoPeerVerification;
    }

    public void setInsecureNoPeerVerification(boolean insecureNoPeerVerification) {
        this.insecureNoPeerVerification = insecureNoPeerVerification;
    }
}
