package io.siotls.cli;

import io.siotls.connection.TLSConnection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A {@link TLSConnection} driven over a socket, for the 0-RTT modes: JSSE has no API for early
 * data, so these modes use the Sans-IO engine directly. The connection is not thread-safe: every
 * call into it holds this object's lock, while reading the socket does not.
 */
final class SansIoSocket implements AutoCloseable {

    private final Socket socket;
    private final TLSConnection tls;
    private final InputStream in;
    private final OutputStream out;
    private final ByteArrayOutputStream early = new ByteArrayOutputStream();

    SansIoSocket(Socket socket, TLSConnection tls) throws IOException {
        this.socket = socket;
        this.tls = tls;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    TLSConnection tls() {
        return tls;
    }

    /**
     * Runs the handshake to its end; the early data a server reads meanwhile is kept for
     * {@link #earlyData()}.
     *
     * @throws io.siotls.alerts.TLSException the alert that failed it, after sending it
     * @throws IOException when the peer closed the socket first
     */
    void handshake() throws IOException {
        synchronized (this) {
            tls.initiateConnection();
            flush();
        }
        byte[] buffer = new byte[16384];
        while (!tls.isPostHandshake()) {
            int read = in.read(buffer);
            synchronized (this) {
                if (read < 0) {
                    tls.closeReceivingEnd();
                    break;
                }
                feed(buffer, read);
            }
        }
        if (!tls.isConnected()) {
            throw new IOException("the peer closed the connection during the handshake");
        }
    }

    /** The 0-RTT data received during the handshake (server-side). */
    byte[] earlyData() {
        return early.toByteArray();
    }

    /** The next application data from the peer, blocking; {@code null} once it closed. */
    byte[] read() throws IOException {
        byte[] buffer = new byte[16384];
        while (true) {
            synchronized (this) {
                byte[] data = tls.dataToRead();
                if (data.length > 0) {
                    return data;
                }
                if (!tls.isReceivingOpen()) {
                    return null;
                }
            }
            int read = in.read(buffer);
            synchronized (this) {
                if (read < 0) {
                    tls.closeReceivingEnd();
                } else {
                    feed(buffer, read);
                }
            }
        }
    }

    /**
     * Reads the socket once, waiting at most {@code timeoutMillis}; false once the peer closed or
     * nothing came in time. What arrived is processed (tickets kept, data queued for {@link #read}).
     */
    boolean receiveOnce(int timeoutMillis) throws IOException {
        byte[] buffer = new byte[16384];
        int previous = socket.getSoTimeout();
        socket.setSoTimeout(timeoutMillis);
        int read;
        try {
            read = in.read(buffer);
        } catch (SocketTimeoutException e) {
            return false;
        } finally {
            socket.setSoTimeout(previous);
        }
        synchronized (this) {
            if (read < 0) {
                tls.closeReceivingEnd();
                return false;
            }
            feed(buffer, read);
            return true;
        }
    }

    synchronized void write(byte[] data, int off, int len) throws IOException {
        tls.sendData(data, off, len);
        flush();
    }

    /** Sends close_notify (once) without closing the socket: the peer may still answer. */
    synchronized void closeSendingEnd() throws IOException {
        if (!tls.isSendingClosed()) {
            tls.closeSendingEnd();
            flush();
            socket.shutdownOutput();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            closeSendingEnd();
        } finally {
            socket.close();
        }
    }

    private void feed(byte[] buffer, int read) throws IOException {
        try {
            tls.receiveData(buffer, 0, read);
        } finally {
            flush();
        }
        early.writeBytes(tls.earlyDataToRead());
    }

    private void flush() throws IOException {
        byte[] data = tls.dataToSend();
        if (data.length > 0) {
            out.write(data);
            out.flush();
        }
    }
}
