package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.Fault;
import dev.fakecodebuild.internal.operations.Operations;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults in force on one server, in the order they were set. Tests write them, the server's I/O
 * thread takes them once per call, so every method holds the object's lock.
 */
public final class Faults {

    /** Marks an every-call fault, which is never used up. */
    private static final int EVERY_CALL = -1;

    private final Operations operations;
    private final List<Entry> entries = new ArrayList<>();

    Faults(Operations operations) {
        this.operations = operations;
    }

    /**
     * Give the next calls of an operation the fault.
     *
     * @param operation a CodeBuild operation name, such as {@code StartBuild}
     * @param calls how many calls, at least 1
     * @param fault the fault
     * @throws IllegalArgumentException if CodeBuild has no such operation or calls is below 1
     */
    public synchronized void failNext(String operation, int calls, Fault fault) {
        check(operation, fault);
        if (calls < 1) {
            throw new IllegalArgumentException(
                    "calls "
                            + calls
                            + " is below 1: failNext gives the fault to at least the next call;"
                            + " failEvery gives it to every call");
        }
        entries.add(new Entry(operation, fault, calls));
    }

    /**
     * Give every call of an operation the fault, until the faults are cleared.
     *
     * @param operation a CodeBuild operation name, such as {@code StartBuild}
     * @param fault the fault
     * @throws IllegalArgumentException if CodeBuild has no such operation
     */
    public synchronized void failEvery(String operation, Fault fault) {
        check(operation, fault);
        entries.add(new Entry(operation, fault, EVERY_CALL));
    }

    private void check(String operation, Fault fault) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        if (operations.requestBuilder(operation).isEmpty()) {
            throw new IllegalArgumentException(
                    "CodeBuild has no operation named '"
                            + operation
                            + "': name it as in X-Amz-Target without the "
                            + Dispatcher.TARGET_PREFIX
                            + " prefix, for example StartBuild");
        }
    }

    /** Remove every fault. */
    public synchronized void clear() {
        entries.clear();
    }

    /**
     * Take the fault for one call of an operation: the first one set for it, counted down.
     *
     * @return the fault, or empty if the call is to be answered normally
     */
    synchronized Optional<Fault> take(String operation) {
        for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
            Entry entry = it.next();
            if (!entry.operation.equals(operation)) {
                continue;
            }
            if (entry.remaining != EVERY_CALL && --entry.remaining == 0) {
                it.remove();
            }
            return Optional.of(entry.fault);
        }
        return Optional.empty();
    }

    /**
     * Return the faults in force, with their remaining counts.
     *
     * @return an immutable snapshot
     */
    public synchronized Snapshot snapshot() {
        return new Snapshot(entries.stream().map(Entry::copy).toList());
    }

    /**
     * Put back the faults of a snapshot, with the counts they had then.
     *
     * @param snapshot from {@link #snapshot()}, or {@link Snapshot#NONE}
     */
    public synchronized void restore(Snapshot snapshot) {
        entries.clear();
        snapshot.entries.forEach(entry -> entries.add(entry.copy()));
    }

    /** The faults in force at one moment. */
    public static final class Snapshot {

        /** No faults. */
        public static final Snapshot NONE = new Snapshot(List.of());

        private final List<Entry> entries;

        private Snapshot(List<Entry> entries) {
            this.entries = entries;
        }
    }

    /** One fault for one operation; {@code remaining} counts down under the lock of its owner. */
    private static final class Entry {

        final String operation;
        final Fault fault;
        int remaining;

        Entry(String operation, Fault fault, int remaining) {
            this.operation = operation;
            this.fault = fault;
            this.remaining = remaining;
        }

        Entry copy() {
            return new Entry(operation, fault, remaining);
        }
    }
}
