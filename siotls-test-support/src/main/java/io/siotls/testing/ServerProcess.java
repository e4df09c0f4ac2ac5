package io.siotls.testing;

/** A TLS server running as an external process ({@code openssl s_server}, {@code gnutls-serv}), listening on a port. */
public abstract class ServerProcess implements AutoCloseable {

    private final ExternalProcess process;
    private final int port;

    protected ServerProcess(ExternalProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** The port it listens on. */
    public int port() {
        return port;
    }

    /** The process, to read what it printed. */
    public ExternalProcess process() {
        return process;
    }

    /** Ends the process. */
    @Override
    public void close() {
        process.close();
    }
}
