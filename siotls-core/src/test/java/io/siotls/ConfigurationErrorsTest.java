package io.siotls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.siotls.alerts.ConfigurationOption;
import io.siotls.alerts.ConfigurationProblem;
import io.siotls.alerts.TLSConfigurationException;
import io.siotls.iana.NamedGroup;
import io.siotls.iana.SignatureScheme;
import io.siotls.pem.PrivateKeyLoader;
import io.siotls.pem.PublicKeyLoader;
import io.siotls.testing.Configs;
import io.siotls.testing.Identity;
import io.siotls.testing.KeyPairs;
import io.siotls.testing.KeyType;
import io.siotls.testing.PemFiles;
import io.siotls.testing.TestPki;
import io.siotls.trust.TrustStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration errors tell their option, problem, side and file as values, not only in words. */
class ConfigurationErrorsTest {

    private static final Identity IDENTITY = TestPki.server(KeyType.EC_P256);

    @TempDir
    Path dir;

    @Test
    void listsThatAreEmptyDuplicatedOrUnfitForTheHandshake() {
        assertBuildFails(TLSConfiguration.client().cipherSuites(List.of()), Side.CLIENT,
                ConfigurationOption.CIPHER_SUITES, ConfigurationProblem.EMPTY);
        assertBuildFails(TLSConfiguration.client().keyExchanges(NamedGroup.X25519, NamedGroup.X25519), Side.CLIENT,
                ConfigurationOption.KEY_EXCHANGES, ConfigurationProblem.DUPLICATE);
        assertBuildFails(TLSConfiguration.client().signatureAlgorithms(SignatureScheme.RSA_PKCS1_SHA256), Side.CLIENT,
                ConfigurationOption.SIGNATURE_ALGORITHMS, ConfigurationProblem.NOT_ALLOWED_IN_HANDSHAKE);
        assertBuildFails(TLSConfiguration.client().alpn("x".repeat(256)), Side.CLIENT,
                ConfigurationOption.ALPN, ConfigurationProblem.OUT_OF_RANGE);
        InvalidConfigurationException nullList = catchThrowableOfType(
                () -> TLSConfiguration.server().alpn((List<String>) null), InvalidConfigurationException.class);
        assertThat(nullList.side()).isEqualTo(Side.SERVER);
        assertThat(nullList.option()).isEqualTo(ConfigurationOption.ALPN);
        assertThat(nullList.problem()).isEqualTo(ConfigurationProblem.NULL);
    }

    @Test
    void keyMaterialThatIsMissingIncompleteOrMismatched() {
        assertBuildFails(TLSConfiguration.client().certificateChain(IDENTITY.chain()), Side.CLIENT,
                ConfigurationOption.CERTIFICATE_CHAIN, ConfigurationProblem.INCOMPLETE);
        assertBuildFails(TLSConfiguration.server(), Side.SERVER,
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.MISSING);
        assertBuildFails(TLSConfiguration.client().privateKey(IDENTITY.privateKey()), Side.CLIENT,
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.INCOMPLETE);
        Identity other = TestPki.builder().keyType(KeyType.EC_P256).keyPair(KeyPairs.generate(KeyType.EC_P256)).build();
        assertBuildFails(TLSConfiguration.server().privateKey(other.privateKey()).certificateChain(IDENTITY.chain()),
                Side.SERVER, ConfigurationOption.CERTIFICATE_CHAIN, ConfigurationProblem.KEY_MISMATCH);
        assertBuildFails(TLSConfiguration.client().privateKey(other.privateKey()).publicKey(IDENTITY.publicKey()),
                Side.CLIENT, ConfigurationOption.PUBLIC_KEY, ConfigurationProblem.KEY_MISMATCH);
        assertBuildFails(Configs.server(IDENTITY).privateKeySignatureAlgorithms(SignatureScheme.ED25519), Side.SERVER,
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.KEY_CANNOT_SIGN);
    }

    @Test
    void optionsOfTheOtherSide() {
        assertBuildFails(Configs.server(IDENTITY).insecureNoPeerVerification(), Side.SERVER,
                ConfigurationOption.INSECURE_NO_PEER_VERIFICATION, ConfigurationProblem.WRONG_SIDE);
        assertBuildFails(TLSConfiguration.client().clientAuthentication(ClientAuthentication.REQUIRED), Side.CLIENT,
                ConfigurationOption.CLIENT_AUTHENTICATION, ConfigurationProblem.WRONG_SIDE);
        assertBuildFails(TLSConfiguration.client().ocspResponse(new byte[] {1}), Side.CLIENT,
                ConfigurationOption.OCSP_RESPONSE, ConfigurationProblem.WRONG_SIDE);
        assertBuildFails(Configs.server(IDENTITY).requestOcspStapling(true), Side.SERVER,
                ConfigurationOption.REQUEST_OCSP_STAPLING, ConfigurationProblem.WRONG_SIDE);
        assertBuildFails(Configs.server(IDENTITY).clientAuthentication(ClientAuthentication.OPTIONAL), Side.SERVER,
                ConfigurationOption.CLIENT_AUTHENTICATION, ConfigurationProblem.INCOMPLETE);
    }

    @Test
    void aKeyLogFileThatCannotBeWrittenKeepsItsPathAndGainsTheSide() {
        Path file = dir.resolve("no/such/folder/keys.log");
        InvalidConfigurationException failure = assertBuildFails(TLSConfiguration.client().logKeys(true).keyLogFile(file),
                Side.CLIENT, ConfigurationOption.KEY_LOG_FILE, ConfigurationProblem.UNWRITABLE);
        assertThat(failure.source()).isEqualTo(file.toString());
        assertThat(failure).hasMessageStartingWith("key_log_file " + file + " cannot be written");
    }

    @Test
    void limitsOutOfRange() {
        assertFails(() -> Limits.DEFAULTS.withMaxKeyUpdates(-1),
                ConfigurationOption.LIMITS_MAX_KEY_UPDATES, ConfigurationProblem.OUT_OF_RANGE);
        assertFails(() -> Limits.DEFAULTS.withMaxHandshakeDuration(Duration.ZERO),
                ConfigurationOption.LIMITS_MAX_HANDSHAKE_DURATION, ConfigurationProblem.OUT_OF_RANGE);
    }

    @Test
    void loadersNameTheFileAndTheOptionItIsLoadedFor() throws Exception {
        PemFiles pem = IDENTITY.writePem(dir);
        Path missing = dir.resolve("missing.pem");
        assertThat(assertFails(() -> TLSConfiguration.server().certificateChain(missing),
                ConfigurationOption.CERTIFICATE_CHAIN, ConfigurationProblem.UNREADABLE).source())
                .isEqualTo(missing.toString());
        assertThat(assertFails(() -> TLSConfiguration.client().truststore(pem.key()),
                ConfigurationOption.TRUSTSTORE, ConfigurationProblem.WRONG_KIND).source())
                .isEqualTo(pem.key().toString());
        assertFails(() -> TLSConfiguration.server().privateKey(pem.chain(), null),
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.WRONG_KIND);
        assertFails(() -> TLSConfiguration.client().trustedPublicKeys(pem.chain()),
                ConfigurationOption.TRUSTED_PUBLIC_KEYS, ConfigurationProblem.WRONG_KIND);
        assertThat(assertFails(() -> PublicKeyLoader.loadPublicKey(new byte[0], "memory"),
                ConfigurationOption.PUBLIC_KEY, ConfigurationProblem.EMPTY).source()).isEqualTo("memory");
        byte[] key = Files.readAllBytes(pem.key());
        byte[] twoKeys = (new String(key, StandardCharsets.US_ASCII) + new String(key, StandardCharsets.US_ASCII))
                .getBytes(StandardCharsets.US_ASCII);
        assertFails(() -> PrivateKeyLoader.loadPrivateKey(twoKeys, "two keys", null),
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.AMBIGUOUS);
        byte[] garbled = "-----BEGIN PRIVATE KEY-----\n!!!\n-----END PRIVATE KEY-----\n".getBytes(StandardCharsets.US_ASCII);
        assertFails(() -> PrivateKeyLoader.loadPrivateKey(garbled, "garbled", null),
                ConfigurationOption.PRIVATE_KEY, ConfigurationProblem.MALFORMED);
    }

    @Test
    void trustStoresAndSigningChains() {
        TLSConfigurationException empty = assertFails(() -> TrustStores.fromCertificates(List.of()),
                ConfigurationOption.TRUSTSTORE, ConfigurationProblem.EMPTY);
        assertThat(empty.source()).isNull();
        assertFails(() -> new SigningChain(List.of(), IDENTITY.privateKey()),
                ConfigurationOption.SIGNING_CHAIN, ConfigurationProblem.EMPTY);
    }

    private static InvalidConfigurationException assertBuildFails(TLSConfiguration.Builder builder, Side side,
            ConfigurationOption option, ConfigurationProblem problem) {
        InvalidConfigurationException failure = catchThrowableOfType(builder::build, InvalidConfigurationException.class);
        assertThat(failure).as("%s %s", option, problem).isNotNull();
        assertThat(failure.side()).isEqualTo(side);
        assertThat(failure.option()).isEqualTo(option);
        assertThat(failure.problem()).isEqualTo(problem);
        return failure;
    }

    private static TLSConfigurationException assertFails(ThrowingCallable call, ConfigurationOption option,
            ConfigurationProblem problem) {
        TLSConfigurationException failure = catchThrowableOfType(call, TLSConfigurationException.class);
        assertThat(failure).as("%s %s", option, problem).isNotNull();
        assertThat(failure.option()).as(failure.getMessage()).isEqualTo(option);
        assertThat(failure.problem()).as(failure.getMessage()).isEqualTo(problem);
        return failure;
    }
}
