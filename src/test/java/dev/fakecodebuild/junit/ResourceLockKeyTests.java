package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.internal.junit.OneTestAtATime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.ResourceLocksProvider.Lock;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * The README names the key of the lock {@code @FakeCodeBuild} puts on a class ({@code
 * dev.fakecodebuild.FakeCodeBuild:} and the class name, read-write), so that a user's own
 * {@code @ResourceLock} can keep other tests apart from that class. A class that locks that key
 * never runs while the annotated class does.
 */
class ResourceLockKeyTests {

    static final String KEY =
            "dev.fakecodebuild.FakeCodeBuild:"
                    + "dev.fakecodebuild.junit.ResourceLockKeyTests$AnnotatedTestCase";

    /** How long each test looks out for the other; they overlap at once without the lock. */
    private static final Duration LOOK_OUT = Duration.ofMillis(500);

    static final AtomicInteger running = new AtomicInteger();
    static final List<String> overlaps = new CopyOnWriteArrayList<>();

    @BeforeEach
    void forgetEarlierRuns() {
        running.set(0);
        overlaps.clear();
    }

    @Test
    void theAnnotationsLockKeyIsTheDocumentedOne() {
        assertThat(new OneTestAtATime().provideForClass(AnnotatedTestCase.class))
                .extracting(Lock::getKey, Lock::getAccessMode)
                .containsExactly(tuple(KEY, ResourceAccessMode.READ_WRITE));
    }

    @Test
    void aClassLockingTheDocumentedKeyNeverRunsWithTheAnnotatedClass() {
        EngineExecutionResults results =
                FixtureRunner.runFullyParallel(AnnotatedTestCase.class, UserLockedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(overlaps).isEmpty();
    }

    /** Note whether the other test runs at any moment of this one's look-out. */
    static void lookOut(String name) {
        running.incrementAndGet();
        try {
            if (FixtureRunner.eventually(() -> running.get() > 1, LOOK_OUT)) {
                overlaps.add(name);
            }
        } finally {
            running.decrementAndGet();
        }
    }

    @FakeCodeBuild
    static class AnnotatedTestCase {

        @Test
        void looksOut(FakeCodeBuildState state) {
            lookOut("annotated");
        }
    }

    @ResourceLock(KEY)
    static class UserLockedTestCase {

        @Test
        void looksOut() {
            lookOut("user-locked");
        }
    }
}
