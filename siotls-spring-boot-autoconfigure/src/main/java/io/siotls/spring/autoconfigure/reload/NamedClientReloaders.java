package io.siotls.spring.autoconfigure.reload;

import java.io.IOException;
import java.util.List;
import org.springframework.beans.factory.DisposableBean;

/** The reloaders of the named clients with {@code siotls.clients.<name>.reload-on-update}, stopped with the application. */
final class NamedClientReloaders implements DisposableBean {

    private final List<SiotlsReloader> reloaders;

    NamedClientReloaders(List<SiotlsReloader> reloaders) {
        this.reloaders = List.copyOf(reloaders);
    }

    /** How many named clients are reloaded. */
    int size() {
        return reloaders.size();
    }

    @Override
    public void destroy() throws IOException {
        for (SiotlsReloader reloader : reloaders) {
            reloader.destroy();
        }
    }
}
