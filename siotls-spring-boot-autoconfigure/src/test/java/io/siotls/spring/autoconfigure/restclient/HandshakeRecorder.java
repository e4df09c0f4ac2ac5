package io.siotls.spring.autoconfigure.restclient;

import io.siotls.jsse.HandshakeEvent;
import io.siotls.jsse.HandshakeListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Notes every handshake a siotls context runs, completed or failed. */
final class HandshakeRecorder implements HandshakeListener {

    private final List<HandshakeEvent> completed = new CopyOnWriteArrayList<>();
    private final List<HandshakeEvent> failed = new CopyOnWriteArrayList<>();

    @Override
    public void handshakeCompleted(HandshakeEvent event) {
        completed.add(event);
    }

    @Override
    public void handshakeFailed(HandshakeEvent event) {
        failed.add(event);
    }

    List<HandshakeEvent> completed() {
        return List.copyOf(completed);
    }

    List<HandshakeEvent> failed() {
        return List.copyOf(failed);
    }
}
