package io.siotls.jsse;

import io.siotls.alerts.TLSAlertException;
import io.siotls.alerts.UserCanceled;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import javax.net.ssl.HandshakeCompletedEvent;
import javax.net.ssl.HandshakeCompletedListener;
import javax.net.ssl.SSLEngineResult;
import javax.net.ssl.SSLEngineResult.HandshakeStatus;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLProtocolException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;

/**
 * A blocking TLS 1.3 socket: a {@link SiotlsSSLEngine} driven over a plain socket. Reads and
 * writes may run on two threads at once; the handshake runs on the first of them (or in
 * {@link #startHandshake()}). Timeouts, half-close and handshake listeners behave as the JDK's:
 * a handshake that times out ({@code setSoTimeout}) throws SocketTimeoutException and can be
 * resumed, and a peer that closes without close_notify ends the stream.
 */
final class SiotlsSSLSocket extends SSLSocket {

    /** How long a failed connection waits for more of the peer's bytes before it closes. */
    private static final int DRAIN_IDLE_MILLIS = 3000;
    /** The most a failed connection reads and drops: a largest handshake message and its records. */
    private static final long DRAIN_MAX_BYTES = (1L << 24) + (1L << 20);
    /** The longest a connection that failed after its handshake drains, whatever the peer does. */
    private static final int DRAIN_MAX_MILLIS = 3000;

    private final ContextState context;
    private final Socket transport;
    private final boolean autoClose;
    private final boolean clientMode;
    private final List<HandshakeCompletedListener> listeners = new CopyOnWriteArrayList<>();
    private final Object handshakeLock = new Object();
    private final Object readLock = new Object();
    private final Object writeLock = new Object();
    private final InputStream input = new TlsInputStream();
    private final OutputStream output = new TlsOutputStream();
    private SiotlsSSLEngine engine;
    private ByteBuffer netIn = ByteBuffer.allocate(SiotlsSession.PACKET_BUFFER_SIZE);
    private final ByteBuffer appIn = ByteBuffer.allocate(SiotlsSession.APPLICATION_BUFFER_SIZE);
    private final ByteBuffer netOut = ByteBuffer.allocate(SiotlsSession.PACKET_BUFFER_SIZE);
    private volatile boolean handshakeDone;
    private volatile IOException handshakeFailure;
    private SSLException readFailure;
    private volatile boolean closed;
    private boolean inputEnded;

    SiotlsSSLSocket(ContextState context, Socket transport, String host, int port, boolean autoClose,
            boolean clientMode) {
        this.context = context;
        this.transport = transport;
        this.autoClose = autoClose;
        this.clientMode = clientMode;
        this.engine = newEngine(host, port);
        appIn.flip();
    }

    private SiotlsSSLEngine newEngine(String host, int port) {
        SiotlsSSLEngine created = new SiotlsSSLEngine(context, host, port);
        created.setUseClientMode(clientMode);
        return created;
    }

    // ---- handshake -------------------------------------------------------------------------

    @Override
    public void startHandshake() throws IOException {
        synchronized (handshakeLock) {
            if (handshakeDone) {
                return;
            }
            if (handshakeFailure != null) {
                throw handshakeFailure;
            }
            if (closed) {
                throw new SocketException("the socket is closed");
            }
            try {
                engine.beginHandshake();
                runHandshake();
            } catch (SocketTimeoutException e) {
                throw e;
            } catch (IOException e) {
                handshakeFailure = e;
                closeAfterFailure(e);
                throw e;
            }
        }
        notifyListeners();
    }

    private void runHandshake() throws IOException {
        while (true) {
            HandshakeStatus status = engine.getHandshakeStatus();
            SSLEngineResult result;
            if (status == HandshakeStatus.NEED_WRAP) {
                result = wrapAndSend(ByteBuffer.allocate(0));
            } else if (status == HandshakeStatus.NEED_UNWRAP) {
                result = receiveAndUnwrap(true);
                if (result == null) {
                    throw new SSLHandshakeException("the peer closed the connection during the handshake");
                }
            } else {
                handshakeDone = true;
                return;
            }
            if (result.getHandshakeStatus() == HandshakeStatus.FINISHED) {
                handshakeDone = true;
                return;
            }
            if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                throw new SSLHandshakeException("the connection closed during the handshake");
            }
        }
    }

    private void notifyListeners() {
        if (listeners.isEmpty()) {
            return;
        }
        HandshakeCompletedEvent event = new HandshakeCompletedEvent(this, engine.getSession());
        Thread thread = new Thread(() -> listeners.forEach(listener -> listener.handshakeCompleted(event)),
                "siotls handshake listeners");
        thread.setDaemon(true);
        thread.start();
    }

    private void ensureHandshake() throws IOException {
        if (!handshakeDone) {
            startHandshake();
        }
    }

    /**
     * Server side: sends a post-handshake CertificateRequest (RFC 8446 §4.6.2), see
     * {@link SiotlsSSLEngine#requestClientAuthentication}; the client's answer is checked as the
     * input stream reads it, and the session then holds the client's chain.
     */
    void requestClientAuthentication(boolean required) throws IOException {
        ensureHandshake();
        synchronized (writeLock) {
            engine.requestClientAuthentication(required);
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                if (wrapAndSend(ByteBuffer.allocate(0)).bytesProduced() == 0) {
                    return;
                }
            }
        }
    }

    /**
     * Reads until the client answered the post-handshake CertificateRequest: the application data
     * read meanwhile stays for the input stream (up to its buffer, one record's worth; more fails
     * with an SSLException); a bad answer fails as a read would.
     */
    void awaitClientAuthentication() throws IOException {
        synchronized (readLock) {
            while (engine.awaitingClientAuthentication()) {
                if (readFailure != null) {
                    throw new SSLException("the connection failed: " + readFailure.getMessage(), readFailure);
                }
                if (inputEnded || receiveOrFail() == null) {
                    inputEnded = true;
                    throw new SSLException("the connection ended before the client answered the CertificateRequest");
                }
            }
        }
    }

    /** Wraps {@code src} once and writes the records produced. */
    private SSLEngineResult wrapAndSend(ByteBuffer src) throws IOException {
        synchronized (writeLock) {
            netOut.clear();
            SSLEngineResult result = engine.wrap(src, netOut);
            netOut.flip();
            if (netOut.hasRemaining()) {
                transport.getOutputStream().write(netOut.array(), 0, netOut.limit());
                transport.getOutputStream().flush();
            }
            return result;
        }
    }

    /**
     * Reads from the transport until one record is unwrapped into {@code appIn}; null when the
     * transport ended first.
     */
    private SSLEngineResult receiveAndUnwrap(boolean handshaking) throws IOException {
        while (true) {
            netIn.flip();
            appIn.compact();
            SSLEngineResult result;
            try {
                result = engine.unwrap(netIn, appIn);
            } finally {
                appIn.flip();
                netIn.compact();
            }
            switch (result.getStatus()) {
                case BUFFER_UNDERFLOW -> {
                    if (!netIn.hasRemaining()) {
                        ByteBuffer grown = ByteBuffer.allocate(netIn.capacity() * 2);
                        netIn.flip();
                        grown.put(netIn);
                        netIn = grown;
                    }
                    int read = handshaking ? readWithinHandshakeDuration() : readTransport();
                    if (read < 0) {
                        endOfTransport(handshaking);
                        return null;
                    }
                    netIn.position(netIn.position() + read);
                }
                case BUFFER_OVERFLOW -> throw new SSLException("a record does not fit the application buffer");
                default -> {
                    if (!handshaking && engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                        wrapAndSend(ByteBuffer.allocate(0));
                    }
                    return result;
                }
            }
        }
    }

    private int readTransport() throws IOException {
        return transport.getInputStream().read(netIn.array(), netIn.position(), netIn.remaining());
    }

    /**
     * A read during the handshake waits no longer than what is left of
     * limits.max_handshake_duration (nor than the socket's own timeout, which keeps the JDK's
     * resumable SocketTimeoutException): a peer that stops answering cannot hold the handshake.
     */
    private int readWithinHandshakeDuration() throws IOException {
        long leftMillis = TimeUnit.NANOSECONDS.toMillis(engine.handshakeTimeLeftNanos());
        if (leftMillis <= 0) {
            throw new SSLHandshakeException("the handshake took longer than limits.max_handshake_duration");
        }
        int userTimeout = transport.getSoTimeout();
        boolean bounded = userTimeout == 0 || leftMillis < userTimeout;
        if (bounded) {
            transport.setSoTimeout((int) Math.min(leftMillis, Integer.MAX_VALUE));
        }
        try {
            return readTransport();
        } catch (SocketTimeoutException e) {
            if (bounded) {
                throw new SSLHandshakeException("the handshake took longer than limits.max_handshake_duration: the peer"
                        + " sent nothing for " + leftMillis + " ms");
            }
            throw e;
        } finally {
            if (bounded) {
                transport.setSoTimeout(userTimeout);
            }
        }
    }

    /**
     * The transport ended. As the JDK's SSLSocket does, an end without close_notify after the
     * handshake reads as the end of the stream, unless {@code com.sun.net.ssl.requireCloseNotify}
     * is set; an end inside a record, though, is a truncation and fails the read.
     */
    private void endOfTransport(boolean handshaking) throws IOException {
        int partial = netIn.position();
        try {
            engine.closeInbound();
        } catch (SSLException e) {
            if (handshaking) {
                return;
            }
            if (partial > 0) {
                SSLProtocolException truncated = new SSLProtocolException("the connection ended inside a TLS record, "
                        + partial + " bytes into it: the data was truncated");
                truncated.initCause(e);
                throw truncated;
            }
            if (Boolean.getBoolean("com.sun.net.ssl.requireCloseNotify")) {
                SSLProtocolException closed = new SSLProtocolException(
                        "the peer closed the connection without close_notify");
                closed.initCause(e);
                throw closed;
            }
        }
    }

    private void sendPendingQuietly() {
        try {
            while (engine.getHandshakeStatus() == HandshakeStatus.NEED_WRAP) {
                if (wrapAndSend(ByteBuffer.allocate(0)).bytesProduced() == 0) {
                    return;
                }
            }
        } catch (IOException e) {
            return;
        }
    }

    /**
     * Ends the connection after {@code failure}: its alert, when this side raised one, goes out,
     * then the transport closes (RFC 8446 §6.2). Closing a socket whose input still holds the
     * peer's bytes makes the kernel reset the connection, and a reset can destroy the alert before
     * the peer reads it; so after an alert of ours the sending side is shut first (FIN after the
     * alert) and what the peer was still sending is read and dropped, until it closes too, falls
     * silent for {@value #DRAIN_IDLE_MILLIS} ms, has sent {@value #DRAIN_MAX_BYTES} bytes, or the
     * handshake's limits.max_handshake_duration is over (after the handshake,
     * {@value #DRAIN_MAX_MILLIS} ms). Not after a handshake that ran out of time: that peer is
     * slow on purpose or gone.
     */
    private void closeAfterFailure(IOException failure) {
        sendPendingQuietly();
        if (failure.getCause() instanceof TLSAlertException alert && !alert.isRemote()
                && !(alert instanceof UserCanceled) && !transport.isClosed()) {
            drainInputQuietly();
        }
        closeTransportQuietly();
    }

    private void drainInputQuietly() {
        try {
            transport.shutdownOutput();
            transport.setSoTimeout(DRAIN_IDLE_MILLIS);
            InputStream in = transport.getInputStream();
            byte[] sink = new byte[16384];
            long drained = 0;
            long left = handshakeDone ? TimeUnit.MILLISECONDS.toNanos(DRAIN_MAX_MILLIS) : engine.handshakeTimeLeftNanos();
            long deadline = System.nanoTime() + left;
            int read;
            while (drained < DRAIN_MAX_BYTES && System.nanoTime() < deadline && (read = in.read(sink)) >= 0) {
                drained += read;
            }
        } catch (IOException e) {
            return;
        }
    }

    private void closeTransportQuietly() {
        closed = true;
        try {
            transport.close();
        } catch (IOException e) {
            return;
        }
    }

    // ---- streams -----------------------------------------------------------------------------

    @Override
    public InputStream getInputStream() throws IOException {
        if (closed) {
            throw new SocketException("the socket is closed");
        }
        return input;
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        if (closed) {
            throw new SocketException("the socket is closed");
        }
        return output;
    }

    private final class TlsInputStream extends InputStream {
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int read = read(one, 0, 1);
            return read < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            ensureHandshake();
            synchronized (readLock) {
                while (!appIn.hasRemaining()) {
                    if (readFailure != null) {
                        throw new SSLException("the connection failed: " + readFailure.getMessage(), readFailure);
                    }
                    if (inputEnded || engine.isInboundDone()) {
                        inputEnded = true;
                        return -1;
                    }
                    if (receiveOrFail() == null) {
                        inputEnded = true;
                        return -1;
                    }
                }
                int count = Math.min(len, appIn.remaining());
                appIn.get(b, off, count);
                return count;
            }
        }

        @Override
        public int available() {
            synchronized (readLock) {
                return appIn.remaining();
            }
        }

        @Override
        public void close() throws IOException {
            SiotlsSSLSocket.this.close();
        }
    }

    /**
     * One record in; on a fatal error the alert goes out and the connection closes at once
     * (RFC 8446 §6.2), and every later read fails.
     */
    private SSLEngineResult receiveOrFail() throws IOException {
        try {
            return receiveAndUnwrap(false);
        } catch (SSLException e) {
            readFailure = e;
            closeAfterFailure(e);
            throw e;
        }
    }

    private final class TlsOutputStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            ensureHandshake();
            ByteBuffer src = ByteBuffer.wrap(b, off, len);
            while (src.hasRemaining()) {
                SSLEngineResult result = wrapAndSend(src);
                if (result.getStatus() == SSLEngineResult.Status.CLOSED) {
                    throw new SocketException("the socket's output is closed");
                }
                if (result.bytesConsumed() == 0 && result.bytesProduced() == 0) {
                    throw new SSLException("the engine took no data and produced no record (" + result.getStatus()
                            + "): the connection cannot send");
                }
            }
        }

        @Override
        public void close() throws IOException {
            SiotlsSSLSocket.this.close();
        }
    }

    // ---- closing -----------------------------------------------------------------------------

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (handshakeDone && !engine.isOutboundDone()) {
                engine.closeOutbound();
                sendPendingQuietly();
            }
        } finally {
            if (autoClose) {
                transport.close();
            }
        }
    }

    @Override
    public void shutdownOutput() throws IOException {
        engine.closeOutbound();
        sendPendingQuietly();
        transport.shutdownOutput();
    }

    @Override
    public void shutdownInput() throws IOException {
        try {
            engine.closeInbound();
        } finally {
            transport.shutdownInput();
        }
    }

    @Override
    public boolean isClosed() {
        return closed || transport.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return transport.isInputShutdown() || engine.isInboundDone();
    }

    @Override
    public boolean isOutputShutdown() {
        return transport.isOutputShutdown() || engine.isOutboundDone();
    }

    // ---- SSL ---------------------------------------------------------------------------------

    @Override
    public SSLSession getSession() {
        try {
            ensureHandshake();
        } catch (IOException e) {
            return engine.getSession();
        }
        return engine.getSession();
    }

    @Override
    public SSLSession getHandshakeSession() {
        return engine.getHandshakeSession();
    }

    @Override
    public void addHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("listener must not be null");
        }
        listeners.add(listener);
    }

    @Override
    public void removeHandshakeCompletedListener(HandshakeCompletedListener listener) {
        if (!listeners.remove(listener)) {
            throw new IllegalArgumentException("listener was not registered");
        }
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return engine.getSupportedCipherSuites();
    }

    @Override
    public String[] getEnabledCipherSuites() {
        return engine.getEnabledCipherSuites();
    }

    @Override
    public void setEnabledCipherSuites(String[] suites) {
        engine.setEnabledCipherSuites(suites);
    }

    @Override
    public String[] getSupportedProtocols() {
        return engine.getSupportedProtocols();
    }

    @Override
    public String[] getEnabledProtocols() {
        return engine.getEnabledProtocols();
    }

    @Override
    public void setEnabledProtocols(String[] protocols) {
        engine.setEnabledProtocols(protocols);
    }

    @Override
    public void setUseClientMode(boolean mode) {
        if (mode != clientMode) {
            engine.setUseClientMode(mode);
        }
    }

    @Override
    public boolean getUseClientMode() {
        return engine.getUseClientMode();
    }

    @Override
    public void setNeedClientAuth(boolean need) {
        engine.setNeedClientAuth(need);
    }

    @Override
    public boolean getNeedClientAuth() {
        return engine.getNeedClientAuth();
    }

    @Override
    public void setWantClientAuth(boolean want) {
        engine.setWantClientAuth(want);
    }

    @Override
    public boolean getWantClientAuth() {
        return engine.getWantClientAuth();
    }

    @Override
    public void setEnableSessionCreation(boolean flag) {
        engine.setEnableSessionCreation(flag);
    }

    @Override
    public boolean getEnableSessionCreation() {
        return engine.getEnableSessionCreation();
    }

    @Override
    public SSLParameters getSSLParameters() {
        return engine.getSSLParameters();
    }

    @Override
    public void setSSLParameters(SSLParameters parameters) {
        engine.setSSLParameters(parameters);
    }

    @Override
    public String getApplicationProtocol() {
        return engine.getApplicationProtocol();
    }

    @Override
    public String getHandshakeApplicationProtocol() {
        return engine.getHandshakeApplicationProtocol();
    }

    @Override
    public void setHandshakeApplicationProtocolSelector(BiFunction<SSLSocket, List<String>, String> selector) {
        engine.setHandshakeApplicationProtocolSelector(
                selector == null ? null : (ignored, offered) -> selector.apply(this, offered));
    }

    // ---- the plain socket underneath ---------------------------------------------------------

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        transport.connect(endpoint, timeout);
        if (endpoint instanceof InetSocketAddress address && engine.getPeerHost() == null) {
            SSLParameters parameters = engine.getSSLParameters();
            engine = newEngine(address.getHostString(), address.getPort());
            engine.setSSLParameters(parameters);
        }
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        connect(endpoint, 0);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        transport.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return transport.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return transport.getLocalAddress();
    }

    @Override
    public int getPort() {
        return transport.getPort();
    }

    @Override
    public int getLocalPort() {
        return transport.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return transport.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return transport.getLocalSocketAddress();
    }

    @Override
    public boolean isConnected() {
        return transport.isConnected();
    }

    @Override
    public boolean isBound() {
        return transport.isBound();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        transport.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return transport.getSoTimeout();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        transport.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return transport.getTcpNoDelay();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        transport.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return transport.getKeepAlive();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        transport.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return transport.getSoLinger();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        transport.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return transport.getReceiveBufferSize();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        transport.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return transport.getSendBufferSize();
    }

    @Override
    public String toString() {
        return "SiotlsSSLSocket[" + engine.getSession().getCipherSuite() + ", " + transport + "]";
    }
}
