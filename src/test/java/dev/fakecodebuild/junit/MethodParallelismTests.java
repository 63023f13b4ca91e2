package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestInstanceFactoryContext;
import org.junit.jupiter.api.extension.TestInstancePreConstructCallback;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * JUnit's parallel mode on for classes and for methods: the methods of a class that shares one fake
 * never mix their state, because they are kept apart (the annotation's resource lock) or refused (a
 * static field without {@code @Execution(SAME_THREAD)}), while an instance field gives each method
 * a fake of its own and lets them overlap.
 *
 * <p>Overlap is observed, not timed: every fixture test counts itself in and out of a group, and
 * the group keeps the most tests it ever held at once. Each locked test holds the fake for {@link
 * #HOLD}, so tests that were not kept apart would be seen together. That the run really executes
 * methods concurrently is shown by the instance-field fixture, whose two tests meet at a barrier.
 */
class MethodParallelismTests {

    /** How long a test that shares a fake keeps it, to widen any overlap a lock failed to stop. */
    static final Duration HOLD = Duration.ofMillis(50);

    /** A bound on every wait for another test; never reached in a run that works. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private static final String STATIC_FIELD_CLASS =
            "dev.fakecodebuild.junit.MethodParallelismTests$StaticFieldTestCase";

    @BeforeEach
    void forgetEarlierRuns() {
        Overlap.reset();
        seen.clear();
        Gate.reset();
    }

    @Test
    void theMethodsOfAnAnnotatedClassRunOneAtATimeWhileAnnotatedClassesOverlap() {
        EngineExecutionResults results =
                FixtureRunner.runFullyParallel(
                        FirstLockedTestCase.class, SecondLockedTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertThat(Overlap.most("FirstLocked")).isEqualTo(1);
        assertThat(Overlap.most("SecondLocked")).isEqualTo(1);
        assertEachSawOnlyItself("FirstLocked", "first", "second", "third");
        assertEachSawOnlyItself("SecondLocked", "first", "second", "third");
    }

    @Test
    void theNestedClassesOfAnAnnotatedClassShareItsLock() {
        EngineExecutionResults results =
                FixtureRunner.runFullyParallel(
                        LockedWithNestedTestCase.class,
                        FirstLockedTestCase.class,
                        SecondLockedTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(12).succeeded(12));
        assertThat(Overlap.most("LockedWithNested")).isEqualTo(1);
        assertEachSawOnlyItself(
                "LockedWithNested",
                "outerFirst",
                "outerSecond",
                "innerFirst",
                "innerSecond",
                "deeperFirst",
                "deeperSecond");
    }

    @Test
    void aTestThatBeginsWhileAnotherTestOfTheSameStaticFieldFakeRunsFails() {
        EngineExecutionResults results = FixtureRunner.runFullyParallel(StaticFieldTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("a"), finishedSuccessfully()))
                .haveExactly(
                        1,
                        event(
                                test("b"),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "Test b() of "
                                                        + STATIC_FIELD_CLASS
                                                        + " began while test a() of "
                                                        + STATIC_FIELD_CLASS
                                                        + " was running, but both use the one fake"
                                                        + " CodeBuild of "
                                                        + STATIC_FIELD_CLASS
                                                        + ". Tests and @Nested classes that share a"
                                                        + " fake must run one at a time: annotate"
                                                        + " the class with"
                                                        + " @Execution(ExecutionMode.SAME_THREAD),"
                                                        + " or register FakeCodeBuildExtension in"
                                                        + " an instance field to give each test a"
                                                        + " fake of its own"))));
        // The refused test never got to its body and changed nothing that the other one saw.
        assertThat(seen).doesNotContainKey("StaticField.b");
        assertEachSawOnlyItself("StaticField", "a");
    }

    @Test
    void aStaticFieldFakeWhoseClassRunsItsMethodsOnOneThreadServesThemAll() {
        EngineExecutionResults results =
                FixtureRunner.runFullyParallel(StaticFieldSameThreadTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertThat(Overlap.most("StaticFieldSameThread")).isEqualTo(1);
        assertEachSawOnlyItself("StaticFieldSameThread", "first", "second", "third");
    }

    @Test
    void instanceFieldFakesServeTestsThatOverlapEachWithAFakeOfItsOwn() {
        EngineExecutionResults results =
                FixtureRunner.runFullyParallel(InstanceFieldTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(Overlap.most("InstanceField")).isEqualTo(2);
        assertEachSawOnlyItself("InstanceField", "first", "second");
        assertThat(seen.get("InstanceField.first").endpoint())
                .isNotEqualTo(seen.get("InstanceField.second").endpoint());
    }

    @Test
    void theSameFixturesRunOneAfterTheOtherWithoutParallelMode() {
        EngineExecutionResults results =
                FixtureRunner.run(
                        FirstLockedTestCase.class,
                        SecondLockedTestCase.class,
                        LockedWithNestedTestCase.class,
                        StaticFieldTestCase.class,
                        StaticFieldSameThreadTestCase.class,
                        InstanceFieldTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(19).succeeded(19));
        for (String group :
                List.of(
                        "FirstLocked",
                        "SecondLocked",
                        "LockedWithNested",
                        "StaticField",
                        "StaticFieldSameThread",
                        "InstanceField")) {
            assertThat(Overlap.most(group)).as(group).isEqualTo(1);
        }
        assertEachSawOnlyItself("StaticField", "a", "b");
        assertEachSawOnlyItself("InstanceField", "first", "second");
    }

    // ---------------------------------------------------------------- what the fixtures saw

    /** What one fixture test saw of its fake, after seeding a project and listing projects. */
    record Seen(List<String> projects, List<String> listed, List<String> calls, URI endpoint) {}

    static final Map<String, Seen> seen = new ConcurrentHashMap<>();

    /**
     * Check that each named test of the group saw exactly the project it seeded, listed only that
     * one, and had exactly its own call recorded.
     */
    private static void assertEachSawOnlyItself(String group, String... tests) {
        for (String test : tests) {
            String project = group + "-" + test;
            Seen what = seen.get(group + "." + test);
            assertThat(what).as(test).isNotNull();
            assertThat(what.projects()).as(test).containsExactly(project);
            assertThat(what.listed()).as(test).containsExactly(project);
            assertThat(what.calls()).as(test).containsExactly("ListProjects");
        }
    }

    static void useTheFake(
            String group, String test, CodeBuildClient client, FakeCodeBuildState state) {
        useTheFake(group, test, client, state, () -> {});
    }

    /**
     * The body every fixture test shares: count in, seed a project named after the test, list the
     * projects through the client, do what the test does meanwhile (wait for another test), note
     * what the fake shows, hold, count out.
     */
    static void useTheFake(
            String group,
            String test,
            CodeBuildClient client,
            FakeCodeBuildState state,
            Runnable meanwhile) {
        Overlap.enter(group);
        try {
            state.addProject(group + "-" + test);
            List<String> listed = client.listProjects(r -> {}).projects();
            meanwhile.run();
            seen.put(
                    group + "." + test,
                    new Seen(
                            state.projects().stream().map(p -> p.name()).toList(),
                            listed,
                            state.calls().stream().map(RecordedCall::operation).toList(),
                            state.endpoint()));
            Thread.sleep(HOLD.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while holding the fake", e);
        } finally {
            Overlap.exit(group);
        }
    }

    /** How many tests of each group run at once, and the most that ever did. */
    static final class Overlap {

        private static final Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        private static final Map<String, AtomicInteger> most = new ConcurrentHashMap<>();

        static void enter(String group) {
            int now = running.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
            most.computeIfAbsent(group, g -> new AtomicInteger()).accumulateAndGet(now, Math::max);
        }

        static void exit(String group) {
            running.get(group).decrementAndGet();
        }

        static int most(String group) {
            AtomicInteger value = most.get(group);
            return value == null ? 0 : value.get();
        }

        static void reset() {
            running.clear();
            most.clear();
        }

        private Overlap() {}
    }

    /**
     * Makes test {@code a} of {@link StaticFieldTestCase} begin first and test {@code b} begin
     * while it runs, in a parallel run; does nothing in a sequential one. A test of a shared fake
     * begins in the fake's first callback for it, before its test instance is made; the gate,
     * registered on the class and so ahead of the fake's field, holds {@code b} back just before
     * that.
     */
    static final class Gate implements TestInstancePreConstructCallback, TestWatcher {

        static volatile CountDownLatch aRunning = new CountDownLatch(1);
        static volatile CountDownLatch bFinished = new CountDownLatch(1);
        static volatile boolean parallel;

        static void reset() {
            aRunning = new CountDownLatch(1);
            bFinished = new CountDownLatch(1);
            parallel = false;
        }

        @Override
        public ExtensionContextScope getTestInstantiationExtensionContextScope(
                ExtensionContext rootContext) {
            return ExtensionContextScope.TEST_METHOD;
        }

        @Override
        public void preConstructTestInstance(
                TestInstanceFactoryContext factoryContext, ExtensionContext context) {
            parallel =
                    context.getConfigurationParameter("junit.jupiter.execution.parallel.enabled")
                            .map(Boolean::parseBoolean)
                            .orElse(false);
            if (parallel && context.getRequiredTestMethod().getName().equals("b")) {
                await(aRunning, "test a to be running");
            }
        }

        @Override
        public void testSuccessful(ExtensionContext context) {
            finished(context);
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            finished(context);
        }

        private static void finished(ExtensionContext context) {
            if (context.getRequiredTestMethod().getName().equals("b")) {
                bFinished.countDown();
            }
        }

        static void await(CountDownLatch latch, String what) {
            try {
                if (!latch.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError("waited " + WAIT + " for " + what);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    // ---------------------------------------------------------------- fixtures

    @FakeCodeBuild
    static class FirstLockedTestCase {

        @Test
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            // Inside the class's lock: only a test of the other class can meet this one.
            useTheFake("FirstLocked", "first", client, state, FixtureRunner::rendezvous);
        }

        @Test
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("FirstLocked", "second", client, state);
        }

        @Test
        void third(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("FirstLocked", "third", client, state);
        }
    }

    /** Asks for concurrent methods in vain: the lock keeps them apart all the same. */
    @FakeCodeBuild
    @Execution(ExecutionMode.CONCURRENT)
    static class SecondLockedTestCase {

        @Test
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("SecondLocked", "first", client, state, FixtureRunner::rendezvous);
        }

        @Test
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("SecondLocked", "second", client, state);
        }

        @Test
        void third(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("SecondLocked", "third", client, state);
        }
    }

    @FakeCodeBuild
    static class LockedWithNestedTestCase {

        @Test
        void outerFirst(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("LockedWithNested", "outerFirst", client, state);
        }

        @Test
        void outerSecond(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("LockedWithNested", "outerSecond", client, state);
        }

        @Nested
        class Inner {

            @Test
            void innerFirst(CodeBuildClient client, FakeCodeBuildState state) {
                useTheFake("LockedWithNested", "innerFirst", client, state);
            }

            @Test
            void innerSecond(CodeBuildClient client, FakeCodeBuildState state) {
                useTheFake("LockedWithNested", "innerSecond", client, state);
            }

            @Nested
            class Deeper {

                @Test
                void deeperFirst(CodeBuildClient client, FakeCodeBuildState state) {
                    useTheFake("LockedWithNested", "deeperFirst", client, state);
                }

                @Test
                void deeperSecond(CodeBuildClient client, FakeCodeBuildState state) {
                    useTheFake("LockedWithNested", "deeperSecond", client, state);
                }
            }
        }
    }

    @ExtendWith(Gate.class)
    static class StaticFieldTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void a(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake(
                    "StaticField",
                    "a",
                    client,
                    state,
                    () -> {
                        Gate.aRunning.countDown();
                        if (Gate.parallel) {
                            Gate.await(Gate.bFinished, "test b to have finished");
                        }
                    });
        }

        @Test
        void b(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("StaticField", "b", client, state);
        }
    }

    @Execution(ExecutionMode.SAME_THREAD)
    static class StaticFieldSameThreadTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("StaticFieldSameThread", "first", client, state);
        }

        @Test
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("StaticFieldSameThread", "second", client, state);
        }

        @Test
        void third(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("StaticFieldSameThread", "third", client, state);
        }
    }

    static class InstanceFieldTestCase {

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("InstanceField", "first", client, state, FixtureRunner::rendezvous);
        }

        @Test
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            useTheFake("InstanceField", "second", client, state, FixtureRunner::rendezvous);
        }
    }
}
