package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Fault;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.assertj.core.api.Condition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;

/**
 * A failing call assertion is a failed test whose message is exactly the assertion's, naming the
 * fake of the class that owns it and only the calls of that test, also when classes run at the same
 * time.
 */
class CallAssertionTests {

    /** What the fixtures saw, by "{simple class name}.{test}": endpoints and build ids. */
    static final Map<String, Object> seen = new ConcurrentHashMap<>();

    private static final StartBuildRequest START_MAIN =
            StartBuildRequest.builder().projectName("web-app").sourceVersion("main").build();

    @BeforeEach
    void forgetEarlierRuns() {
        seen.clear();
    }

    @Test
    void aFailingAssertionFailsItsTestWithTheAssertionsMessage() {
        EngineExecutionResults results =
                FixtureRunner.run(
                        StartBuildTestCase.class, StopBuildTestCase.class, NestedTestCase.class);

        assertFailuresAndMessages(results);
    }

    @Test
    void classesRunningAtTheSameTimeSeeOnlyTheirOwnCallsInTheirMessages() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        StartBuildTestCase.class, StopBuildTestCase.class, NestedTestCase.class);

        assertFailuresAndMessages(results);
    }

    private static void assertFailuresAndMessages(EngineExecutionResults results) {
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.started(7).succeeded(1).failed(6));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(uniqueIdSubstring(StartBuildTestCase.class.getName())),
                                test("startedOnceFromMain"),
                                finishedSuccessfully()))
                .haveExactly(
                        1,
                        failed(
                                StartBuildTestCase.class,
                                "startedTwice",
                                "Expected one StartBuild call, but the fake CodeBuild of "
                                        + StartBuildTestCase.class.getName()
                                        + " ("
                                        + seen.get("StartBuildTestCase.startedTwice")
                                        + ") received 2.\n"
                                        + "Calls received (2):\n"
                                        + "  1. StartBuild -> 200"
                                        + " {\"projectName\":\"web-app\",\"sourceVersion\":\"main\"}\n"
                                        + "  2. StartBuild -> 200"
                                        + " {\"projectName\":\"web-app\",\"sourceVersion\":\"dev\"}"))
                .haveExactly(
                        1,
                        failed(
                                StartBuildTestCase.class,
                                "startedFromDev",
                                "Expected one StartBuild call with projectName \"web-app\","
                                        + " sourceVersion \"main\", but the fake CodeBuild of "
                                        + StartBuildTestCase.class.getName()
                                        + " ("
                                        + seen.get("StartBuildTestCase.startedFromDev")
                                        + ") received one with sourceVersion \"dev\".\n"
                                        + "Calls received (1):\n"
                                        + "  1. StartBuild -> 200"
                                        + " {\"projectName\":\"web-app\",\"sourceVersion\":\"dev\"}"))
                .haveExactly(
                        1,
                        failed(
                                StopBuildTestCase.class,
                                "neverStarted",
                                "Expected one StartBuild call, but the fake CodeBuild of "
                                        + StopBuildTestCase.class.getName()
                                        + " ("
                                        + seen.get("StopBuildTestCase.neverStarted")
                                        + ") received none.\n"
                                        + "Calls received (1):\n"
                                        + "  1. ListBuildsForProject -> 200"
                                        + " {\"projectName\":\"api\"}"))
                .haveExactly(
                        1,
                        failed(
                                StopBuildTestCase.class,
                                "stopped",
                                "Expected no StopBuild call, but the fake CodeBuild of "
                                        + StopBuildTestCase.class.getName()
                                        + " ("
                                        + seen.get("StopBuildTestCase.stopped")
                                        + ") received 1.\n"
                                        + "Calls received (2):\n"
                                        + "  1. StartBuild -> 200 {\"projectName\":\"api\"}\n"
                                        + "  2. StopBuild -> 200 {\"id\":\""
                                        + seen.get("StopBuildTestCase.stopped id")
                                        + "\"}"))
                .haveExactly(1, startedInNested("SharedFake", NestedTestCase.class))
                .haveExactly(1, startedInNested("OwnFake", NestedTestCase.OwnFake.class));
    }

    @Test
    void anInstanceFieldsAssertionNamesTheTestAndCountsACallTheAsyncClientLost() {
        assertDroppedCallCounted(FixtureRunner.run(InstanceFieldAsyncTestCase.class));
    }

    @Test
    void anInstanceFieldsAssertionCountsALostCallInParallelToo() {
        assertDroppedCallCounted(
                FixtureRunner.runInParallel(
                        InstanceFieldAsyncTestCase.class, StopBuildTestCase.class));
    }

    private static void assertDroppedCallCounted(EngineExecutionResults results) {
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        failed(
                                InstanceFieldAsyncTestCase.class,
                                "listsAfterALostCall",
                                "Expected no ListProjects call, but the fake CodeBuild of test"
                                        + " listsAfterALostCall() of "
                                        + InstanceFieldAsyncTestCase.class.getName()
                                        + " ("
                                        + seen.get("InstanceFieldAsyncTestCase.endpoint")
                                        + ") received 1.\n"
                                        + "Calls received (1):\n"
                                        + "  1. ListProjects -> connection dropped, no answer {}"));
        assertThat(seen.get("InstanceFieldAsyncTestCase.lost"))
                .isEqualTo(ListProjectsRequest.builder().build());
    }

    private static Condition<Event> failed(Class<?> fixture, String test, String message) {
        return event(
                test(uniqueIdSubstring(fixture.getName())),
                test(test),
                finishedWithFailure(instanceOf(AssertionFailedError.class), message(message)));
    }

    /** A nested class's message names the class whose fake it uses. */
    private static Condition<Event> startedInNested(String nested, Class<?> owner) {
        return event(
                test(uniqueIdSubstring(NestedTestCase.class.getName())),
                test(uniqueIdSubstring(nested)),
                test("started"),
                finishedWithFailure(
                        instanceOf(AssertionFailedError.class),
                        message(
                                "Expected no StartBuild call, but the fake CodeBuild of "
                                        + owner.getName()
                                        + " ("
                                        + seen.get(nested + ".started")
                                        + ") received 1.\n"
                                        + "Calls received (1):\n"
                                        + "  1. StartBuild -> 200 {\"projectName\":\"nested\"}")));
    }

    private static void remember(String key, Object value) {
        seen.put(key, value);
    }

    /** An instance field's fake: a call the async client lost still counts. */
    static class InstanceFieldAsyncTestCase {

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void listsAfterALostCall(CodeBuildAsyncClient client, FakeCodeBuildState state) {
            remember("InstanceFieldAsyncTestCase.endpoint", state.endpoint());
            state.failNext("ListProjects", 1, Fault.dropConnection());

            Throwable lost = catchThrowable(() -> client.listProjects().join());

            assertThat(lost).cause().isInstanceOf(SdkClientException.class);
            remember(
                    "InstanceFieldAsyncTestCase.lost",
                    state.assertCalledOnce(ListProjectsRequest.class));
            state.assertNotCalled(ListProjectsRequest.class);
        }
    }

    @FakeCodeBuild
    static class StartBuildTestCase {

        @BeforeAll
        static void setUp(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            // Seen in @BeforeAll alone: the tests' messages must not list it.
            codeBuild.listProjects(r -> {});
            FixtureRunner.rendezvous();
        }

        @Test
        void startedOnceFromMain(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            codeBuild.startBuild(START_MAIN);

            state.assertCalledOnce(START_MAIN);
        }

        @Test
        void startedTwice(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            remember("StartBuildTestCase.startedTwice", state.endpoint());
            codeBuild.startBuild(START_MAIN);
            codeBuild.startBuild(START_MAIN.toBuilder().sourceVersion("dev").build());

            state.assertCalledOnce(StartBuildRequest.class);
        }

        @Test
        void startedFromDev(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            remember("StartBuildTestCase.startedFromDev", state.endpoint());
            codeBuild.startBuild(START_MAIN.toBuilder().sourceVersion("dev").build());

            state.assertCalledOnce(START_MAIN);
        }
    }

    @FakeCodeBuild
    static class StopBuildTestCase {

        @BeforeAll
        static void setUp(FakeCodeBuildState state) {
            state.addProject("api");
            FixtureRunner.rendezvous();
        }

        @Test
        void neverStarted(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            remember("StopBuildTestCase.neverStarted", state.endpoint());
            codeBuild.listBuildsForProject(r -> r.projectName("api"));

            state.assertCalledOnce(StartBuildRequest.class);
        }

        @Test
        void stopped(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            remember("StopBuildTestCase.stopped", state.endpoint());
            String id = codeBuild.startBuild(r -> r.projectName("api")).build().id();
            remember("StopBuildTestCase.stopped id", id);
            codeBuild.stopBuild(r -> r.id(id));

            state.assertNotCalled(StopBuildRequest.class);
        }
    }

    @FakeCodeBuild
    static class NestedTestCase {

        @BeforeAll
        static void setUp() {
            FixtureRunner.rendezvous();
        }

        @Nested
        class SharedFake {

            @Test
            void started(CodeBuildClient codeBuild, FakeCodeBuildState state) {
                startAndAssertNotStarted("SharedFake", codeBuild, state);
            }
        }

        @Nested
        @FakeCodeBuild
        class OwnFake {

            @Test
            void started(CodeBuildClient codeBuild, FakeCodeBuildState state) {
                startAndAssertNotStarted("OwnFake", codeBuild, state);
            }
        }

        private static void startAndAssertNotStarted(
                String nested, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            remember(nested + ".started", state.endpoint());
            state.addProject("nested");
            codeBuild.startBuild(r -> r.projectName("nested"));

            state.assertNotCalled(StartBuildRequest.class);
        }
    }
}
