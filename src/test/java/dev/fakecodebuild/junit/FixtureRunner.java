package dev.fakecodebuild.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Runs fixture classes (the static nested {@code ...TestCase} classes of the tests in this package)
 * on the Jupiter engine through {@link EngineTestKit}, and offers the few observables those tests
 * share: the fake's server threads and a rendezvous that proves classes overlap in parallel runs.
 */
final class FixtureRunner {

    /**
     * {@code FakeCodeBuildServer} names its XNIO worker {@code fake-codebuild-<n>}, and XNIO names
     * the worker's threads after it ({@code fake-codebuild-<n> I/O-1}, {@code ... task-1}).
     */
    static final String SERVER_THREAD_PREFIX = "fake-codebuild";

    private static final Duration RENDEZVOUS_TIMEOUT = Duration.ofSeconds(10);

    /** Set only while a parallel run that expects its classes to overlap is under way. */
    private static volatile CyclicBarrier rendezvous;

    private FixtureRunner() {}

    /** Run the fixture classes one after the other, in the order given. */
    static EngineExecutionResults run(Class<?>... fixtures) {
        return run(Map.of(), fixtures);
    }

    /** Run the fixture classes one after the other, with these configuration parameters. */
    static EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectors(fixtures))
                .configurationParameters(parameters)
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "false")
                .execute();
    }

    /**
     * Run the fixture classes at the same time: classes concurrent, the methods of one class on one
     * thread (the mode the fake supports). Each fixture class calls {@link #rendezvous()} once; the
     * run only gets past it when every class has reached it, so the classes provably overlap.
     */
    static EngineExecutionResults runInParallel(Class<?>... fixtures) {
        return runInParallel(Map.of(), fixtures);
    }

    /** {@link #runInParallel(Class[])} with these configuration parameters. */
    static EngineExecutionResults runInParallel(
            Map<String, String> parameters, Class<?>... fixtures) {
        rendezvous = new CyclicBarrier(fixtures.length);
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selectors(fixtures))
                    .configurationParameters(parameters)
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.mode.default", "same_thread")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                    // Enough threads for every class to wait at the rendezvous at once.
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.config.fixed.parallelism",
                            String.valueOf(fixtures.length + 2))
                    .execute();
        } finally {
            rendezvous = null;
        }
    }

    /**
     * Run the fixture classes with JUnit's parallel mode on for classes and for methods: every
     * class and every method may run concurrently, unless a resource lock or {@code @Execution}
     * keeps them apart. Exactly two tests of the run call {@link #rendezvous()}, once each; the run
     * only gets past it when both have reached it, so those two provably overlap.
     */
    static EngineExecutionResults runFullyParallel(Class<?>... fixtures) {
        rendezvous = new CyclicBarrier(2);
        try {
            return EngineTestKit.engine("junit-jupiter")
                    .selectors(selectors(fixtures))
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                    // More threads than tests that block at once, so a wait never starves a test.
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.config.strategy", "fixed")
                    .configurationParameter(
                            "junit.jupiter.execution.parallel.config.fixed.parallelism", "8")
                    .execute();
        } finally {
            rendezvous = null;
        }
    }

    /**
     * Wait, boundedly, until every party of the current parallel run has come here; do nothing in a
     * sequential run.
     */
    static void rendezvous() {
        CyclicBarrier barrier = rendezvous;
        if (barrier == null) {
            return;
        }
        try {
            barrier.await(RENDEZVOUS_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted at the rendezvous", e);
        } catch (BrokenBarrierException | TimeoutException e) {
            throw new AssertionError(
                    "the fixture classes did not all run at the same time within "
                            + RENDEZVOUS_TIMEOUT,
                    e);
        }
    }

    /** The live threads that belong to a fake's server. */
    static Set<Thread> serverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith(SERVER_THREAD_PREFIX))
                .filter(Thread::isAlive)
                .collect(Collectors.toSet());
    }

    /** The live server threads that were not in {@code before}. */
    static Set<Thread> serverThreadsStartedSince(Set<Thread> before) {
        return serverThreads().stream()
                .filter(thread -> !before.contains(thread))
                .collect(Collectors.toSet());
    }

    /** Poll until the condition holds or about two seconds have passed; return the last answer. */
    static boolean eventually(BooleanSupplier condition) {
        return eventually(condition, Duration.ofSeconds(2));
    }

    /** Poll until the condition holds or the timeout has passed; return the last answer. */
    static boolean eventually(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
        return true;
    }

    private static ClassSelector[] selectors(Class<?>... fixtures) {
        return Arrays.stream(fixtures).map(c -> selectClass(c)).toArray(ClassSelector[]::new);
    }
}
