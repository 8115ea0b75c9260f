package io.jixiao.report.messaging;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps live consumption and a rebuild apart: live records share the gate, a rebuild takes it whole,
 * so no live event lands in the middle of a replay and none is overwritten by an older one.
 */
@ApplicationScoped
public class ReadModelGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    public <T> T whileOpen(Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    public <T> T exclusively(Supplier<T> work) {
        lock.writeLock().lock();
        try {
            return work.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
