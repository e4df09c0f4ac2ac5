package io.siotls.samples.rawkeys;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.file.Path;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tomcat serving HTTPS with a raw public key instead of a certificate chain (RFC 7250), every
 * connection's secrets written to a key log. Reach it with a client that pins the key, e.g.
 * {@code gnutls-cli --priority NORMAL:-VERS-ALL:+VERS-TLS1.3:-CTYPE-ALL:+CTYPE-SRV-RAWPK:+CTYPE-CLI-RAWPK
 * --insecure -p 8445 localhost} (gnutls-cli cannot pin a raw key, hence --insecure).
 */
@SpringBootApplication
@RestController
public class RawKeysSampleApplication {

    /** Where the key pair is made on the first start, as application.yml expects it. */
    static final Path KEYS = Path.of(".siotls/raw-keys");

    public static void main(String[] args) {
        RawKeyPair.ensure(KEYS);
        SpringApplication.run(RawKeysSampleApplication.class, args);
    }

    @GetMapping("/")
    String hello(HttpServletRequest request) {
        return "Hello over TLS 1.3 with a raw public key ("
                + request.getAttribute("jakarta.servlet.request.cipher_suite") + ") on siotls\n";
    }
}
