package dev.fakecodebuild.internal.server;

import dev.fakecodebuild.RecordedCall;
import java.util.ArrayList;
import java.util.List;

/**
 * The calls one server received, in arrival order. Writes happen once per call on the server's
 * thread, reads when a test asks, so a plain list under a lock is the cheapest safe choice.
 */
public final class CallJournal {

    private final List<RecordedCall> calls = new ArrayList<>();

    synchronized void add(RecordedCall call) {
        calls.add(call);
    }

    /**
     * Return the calls received so far.
     *
     * @return an immutable snapshot
     */
    public synchronized List<RecordedCall> snapshot() {
        return List.copyOf(calls);
    }

    /** Forget every call received so far. */
    public synchronized void clear() {
        calls.clear();
    }
}
