package io.siotls.benchmarks;

import io.siotls.testing.KeyType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;

/**
 * Retained heap per idle established connection, server side: {@code count} handshakes are run,
 * the server engines are kept (the client engines dropped) and the heap is measured after
 * garbage collection, before and after. Prints one line per implementation,
 * {@code memory <IMPLEMENTATION> <bytes per connection>}.
 */
public final class IdleConnectionMemory {

    private IdleConnectionMemory() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        for (Implementation implementation : Implementation.values()) {
            Contexts contexts = Contexts.of(implementation, KeyType.EC_P256, false);
            new EnginePair(contexts, null).handshake();
            long before = usedAfterGc();
            List<SSLEngine> held = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                EnginePair pair = new EnginePair(contexts, null);
                pair.handshake();
                held.add(pair.server);
            }
            long after = usedAfterGc();
            System.out.println("memory " + implementation + " " + (after - before) / count);
            if (held.size() != count) {
                throw new IllegalStateException("lost engines");
            }
        }
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
