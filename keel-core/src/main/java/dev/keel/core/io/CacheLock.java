package dev.keel.core.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * An exclusive lock on a lock file in Keel's cache, held by one thread of one process at a time.
 * Threads of this JVM queue on an in-process semaphore (a JVM cannot hold one file lock twice);
 * processes meet on the file lock, which is only ever tried ({@code F_SETLK}) and retried with
 * backoff, never waited for in the kernel: Linux detects lock deadlocks per process, not per
 * thread, so blocking locks taken by several threads of two processes fail with a false "Resource
 * deadlock avoided". The kernel releases the lock of a killed process. Lock files are never
 * deleted (deleting one would let two holders lock different files of the same name).
 */
public final class CacheLock implements AutoCloseable {

    private static final Map<Path, Semaphore> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long FIRST_WAIT_MILLIS = 2;
    private static final long LONGEST_WAIT_MILLIS = 100;

    private final Semaphore guard;
    private final FileChannel channel;
    private final FileLock lock;

    private CacheLock(Semaphore guard, FileChannel channel, FileLock lock) {
        this.guard = guard;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits (without bound: the holder finishes or dies) until this thread holds the lock. */
    public static CacheLock acquire(Path lockFile) throws IOException {
        Semaphore guard = guard(lockFile);
        try {
            guard.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + lockFile);
        }
        try {
            long wait = FIRST_WAIT_MILLIS;
            while (true) {
                Optional<CacheLock> held = tryFileLock(guard, lockFile);
                if (held.isPresent()) {
                    return held.get();
                }
                Thread.sleep(wait);
                wait = Math.min(wait * 2, LONGEST_WAIT_MILLIS);
            }
        } catch (InterruptedException e) {
            guard.release();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for " + lockFile);
        } catch (IOException | RuntimeException e) {
            guard.release();
            throw e;
        }
    }

    /** The lock if nobody, in this process or another, holds it now. */
    public static Optional<CacheLock> tryAcquire(Path lockFile) throws IOException {
        Semaphore guard = guard(lockFile);
        if (!guard.tryAcquire()) {
            return Optional.empty();
        }
        try {
            Optional<CacheLock> held = tryFileLock(guard, lockFile);
            if (held.isEmpty()) {
                guard.release();
            }
            return held;
        } catch (IOException | RuntimeException e) {
            guard.release();
            throw e;
        }
    }

    private static Semaphore guard(Path lockFile) {
        return HELD_IN_THIS_JVM.computeIfAbsent(lockFile.toAbsolutePath().normalize(), key -> new Semaphore(1));
    }

    private static Optional<CacheLock> tryFileLock(Semaphore guard, Path lockFile) throws IOException {
        Files.createDirectories(lockFile.toAbsolutePath().getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new CacheLock(guard, channel, lock));
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            guard.release();
        }
    }
}
