package org.broadsheet.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Peak heap over a stretch of work, from GC notifications: the most the heap held just
 * before a collection (what the JVM had to find room for) and the most it still held just
 * after one (the live set), plus a 20 ms sampler of used heap for runs with few collections.
 */
final class HeapWatch implements AutoCloseable {
  private final AtomicLong peakBeforeGc = new AtomicLong();
  private final AtomicLong peakAfterGc = new AtomicLong();
  private final AtomicLong peakSampled = new AtomicLong();
  private final List<Runnable> undo = new ArrayList<>();
  private final Thread sampler;
  private volatile boolean running = true;

  HeapWatch() {
    NotificationListener listener = (notification, handback) -> {
      if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
        return;
      }
      var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData()).getGcInfo();
      peakBeforeGc.accumulateAndGet(heapOf(info.getMemoryUsageBeforeGc()), Math::max);
      peakAfterGc.accumulateAndGet(heapOf(info.getMemoryUsageAfterGc()), Math::max);
    };
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      if (gc instanceof NotificationEmitter emitter) {
        emitter.addNotificationListener(listener, null, null);
        undo.add(() -> {
          try {
            emitter.removeNotificationListener(listener);
          } catch (javax.management.ListenerNotFoundException ignored) {
            // already gone
          }
        });
      }
    }
    sampler = Thread.ofPlatform().daemon().name("heap-sampler").start(() -> {
      while (running) {
        peakSampled.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
  }

  private static long heapOf(java.util.Map<String, MemoryUsage> pools) {
    long sum = 0;
    for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == java.lang.management.MemoryType.HEAP && pools.containsKey(pool.getName())) {
        sum += pools.get(pool.getName()).getUsed();
      }
    }
    return sum;
  }

  long peakBytes() {
    return Math.max(peakBeforeGc.get(), peakSampled.get());
  }

  long peakLiveBytes() {
    return peakAfterGc.get();
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    undo.forEach(Runnable::run);
  }
}
