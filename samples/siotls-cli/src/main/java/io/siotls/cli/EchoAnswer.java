package io.siotls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import javax.net.ssl.SSLSocket;

/**
 * {@code server --echo}: sends back whatever the peer sends, each read written at once (so a
 * record comes back as one record of the same length), until the peer closes its side.
 */
final class EchoAnswer implements ServerLoop.Answer {

    @Override
    public void answer(SSLSocket socket, String negotiated) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[16384];
        int n;
        while ((n = in.read(buffer)) >= 0) {
            out.write(buffer, 0, n);
            out.flush();
        }
    }
}
