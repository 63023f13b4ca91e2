package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * A fake in a static field has no resource lock, so JUnit may run the tests and {@code @Nested}
 * classes that share it at the same time. The one that begins second is refused, rather than mixing
 * its state with the one running.
 */
class OneAtATimeTests {

    private static final String ADVICE =
            " was running, but both use the one fake CodeBuild of "
                    + SiblingTestsTestCase.class.getName()
                    + ". Tests and @Nested classes that share a fake must run one at a time:"
                    + " annotate the class with @Execution(ExecutionMode.SAME_THREAD), or"
                    + " register FakeCodeBuildExtension in an instance field to give each test a"
                    + " fake of its own";

    /** Counted down when a fixture's test or class fails; the one running waits for it. */
    private static volatile CountDownLatch refused = new CountDownLatch(1);

    @Test
    void aTestThatBeginsWhileAnotherOfTheSameFakeRunsIsRefused() {
        var results = runWithMethodsConcurrent(SiblingTestsTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        String first = "test first() of " + SiblingTestsTestCase.class.getName();
        String second = "test second() of " + SiblingTestsTestCase.class.getName();
        assertThat(failureMessages(results.testEvents().failed().list()))
                .containsAnyOf(
                        "T" + first.substring(1) + " began while " + second + ADVICE,
                        "T" + second.substring(1) + " began while " + first + ADVICE);
    }

    @Test
    void aNestedClassThatBeginsWhileAnotherOfTheSameFakeRunsIsRefused() {
        var results = runWithMethodsConcurrent(SiblingNestedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        String first = "@Nested class " + SiblingNestedTestCase.First.class.getName();
        String second = "@Nested class " + SiblingNestedTestCase.Second.class.getName();
        String advice = ADVICE.replace(SiblingTestsTestCase.class.getName(), outer());
        assertThat(failureMessages(results.containerEvents().failed().list()))
                .containsAnyOf(
                        first + " began while " + second + advice,
                        second + " began while " + first + advice);
    }

    @Test
    void nestedClassesThatShareAFakeRunOneAfterTheOtherWithTheAdvisedSameThread() {
        var results = runWithMethodsConcurrent(SameThreadNestedTestCase.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    }

    @Test
    void nestedClassesThatShareAFakeRunOneAfterTheOtherSequentially() {
        var results = FixtureRunner.run(SameThreadNestedTestCase.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
    }

    private static String outer() {
        return SiblingNestedTestCase.class.getName();
    }

    /** The message of the one failure among the events, which must be a refusal. */
    private static List<String> failureMessages(List<Event> failures) {
        assertThat(failures).hasSize(1);
        Throwable failure =
                failures.get(0)
                        .getPayload(TestExecutionResult.class)
                        .flatMap(TestExecutionResult::getThrowable)
                        .orElseThrow();
        assertThat(failure).isInstanceOf(ExtensionConfigurationException.class);
        return List.of(failure.getMessage());
    }

    /** Methods and nested classes concurrent, on enough threads for both to run at once. */
    private static EngineExecutionResults runWithMethodsConcurrent(Class<?> fixture) {
        refused = new CountDownLatch(1);
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter(
                        "junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter(
                        "junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .execute();
    }

    /** Wait, boundedly, until the other test or class has been refused: the two overlap. */
    private static void awaitRefusal() throws InterruptedException {
        assertThat(refused.await(10, TimeUnit.SECONDS)).as("the other one was refused").isTrue();
    }

    /** Counts down {@link #refused} when a test or class fails. */
    static class SignalRefusal implements TestWatcher, AfterAllCallback {

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            refused.countDown();
        }

        @Override
        public void afterAll(ExtensionContext context) {
            if (context.getExecutionException().isPresent()) {
                refused.countDown();
            }
        }
    }

    @ExtendWith(SignalRefusal.class)
    static class SiblingTestsTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void first(FakeCodeBuildState state) throws InterruptedException {
            awaitRefusal();
        }

        @Test
        void second(FakeCodeBuildState state) throws InterruptedException {
            awaitRefusal();
        }
    }

    @ExtendWith(SignalRefusal.class)
    static class SiblingNestedTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Nested
        class First {

            @BeforeAll
            static void seed(FakeCodeBuildState state) throws InterruptedException {
                state.addProject("first");
                awaitRefusal();
            }

            @Test
            void seesItsOwnProject(FakeCodeBuildState state) {
                assertThat(state.projects()).extracting(p -> p.name()).containsExactly("first");
            }
        }

        @Nested
        class Second {

            @BeforeAll
            static void seed(FakeCodeBuildState state) throws InterruptedException {
                state.addProject("second");
                awaitRefusal();
            }

            @Test
            void seesItsOwnProject(FakeCodeBuildState state) {
                assertThat(state.projects()).extracting(p -> p.name()).containsExactly("second");
            }
        }
    }

    @Execution(ExecutionMode.SAME_THREAD)
    static class SameThreadNestedTestCase {

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Nested
        class First {

            @BeforeAll
            static void seed(FakeCodeBuildState state) {
                state.addProject("first");
            }

            @Test
            void seesItsOwnProject(FakeCodeBuildState state) {
                assertThat(state.projects()).extracting(p -> p.name()).containsExactly("first");
            }
        }

        @Nested
        class Second {

            @BeforeAll
            static void seed(FakeCodeBuildState state) {
                state.addProject("second");
            }

            @Test
            void seesItsOwnProject(FakeCodeBuildState state) {
                assertThat(state.projects()).extracting(p -> p.name()).containsExactly("second");
            }
        }
    }
}
