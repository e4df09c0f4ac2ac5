package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;

/**
 * Retained heap per idle established connection, server side: {@code count} connections are
 * made (TLS_AES_128_GCM_SHA256, ECDSA P-256), the server engines kept and the client engines
 * dropped, and the heap is measured after garbage collection, before and after. Two states:
 * {@code handshake}, right after the handshake, and {@code traffic}, idle again after 16 KiB and
 * 100 bytes went each way, as a keep-alive connection between requests. Prints
 * {@code memory <IMPLEMENTATION> <state> <bytes per connection>} lines. BoringSSL is left out:
 * its connection state lives in native memory, which the heap does not show.
 */
public final class IdleConnectionMemory {

    private static final String SUITE = "TLS_AES_128_GCM_SHA256";

    private IdleConnectionMemory() {
    }

    /** {@code args}: the number of connections (2000), then the implementations (all but BoringSSL). */
    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        List<Implementation> implementations = args.length > 1
                ? Arrays.stream(args[1].split(",")).map(Implementation::valueOf).toList()
                : List.of(Implementation.SIOTLS, Implementation.SUNJSSE, Implementation.BCJSSE);
        for (Implementation implementation : implementations) {
            if (implementation == Implementation.BORINGSSL) {
                throw new IllegalArgumentException("BoringSSL's connections live in native memory: not measured here");
            }
            Contexts contexts = Contexts.of(implementation, KeyType.EC_P256, false);
            for (String state : new String[] {"handshake", "traffic"}) {
                connect(contexts, state);
                long before = usedAfterGc();
                List<SSLEngine> held = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    held.add(connect(contexts, state));
                }
                long after = usedAfterGc();
                System.out.println("memory " + implementation + " " + state + " " + (after - before) / count);
                if (held.size() != count) {
                    throw new IllegalStateException("lost engines");
                }
            }
        }
    }

    private static SSLEngine connect(Contexts contexts, String state) throws SSLException {
        EnginePair pair = new EnginePair(contexts, SUITE);
        pair.handshake();
        if (state.equals("traffic")) {
            pair.transfer(ByteBuffer.allocate(16384));
            pair.transfer(ByteBuffer.allocate(100));
            pair.transferBack(ByteBuffer.allocate(16384));
            pair.transferBack(ByteBuffer.allocate(100));
        }
        return pair.server;
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
