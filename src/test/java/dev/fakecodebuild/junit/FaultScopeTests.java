package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Fault;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestClassOrder;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * Faults belong to the test that set them: those set while a class is set up hold for each of its
 * tests with the counts left when the setup ended; those set in a test (its constructor included)
 * are gone when it ends, also when it failed; clearFaults in one test does not reach the next. The
 * same fixtures run again with their classes in parallel.
 */
class FaultScopeTests {

    static final String FAILURE = "this test fails on purpose, after setting a fault";

    @BeforeEach
    void forgetEarlierRuns() {
        FaultScopesTestCase.seen.clear();
        NestedFaultScopesTestCase.seen.clear();
        NoFaultsTestCase.seen.clear();
    }

    @Test
    void classFaultsHoldForEveryTestAndTestFaultsEndWithTheirTest() {
        EngineExecutionResults results = FixtureRunner.run(FaultScopesTestCase.class);

        assertFaultScopesRan(results);
        assertFaultScopesSeen();
    }

    @Test
    void aNestedClassesFaultsHoldForItsTestsOnly() {
        EngineExecutionResults results = FixtureRunner.run(NestedFaultScopesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertNestedFaultScopesSeen();
    }

    @Test
    void classesRunningAtTheSameTimeKeepTheirFaultsToThemselves() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        FaultScopesTestCase.class,
                        NestedFaultScopesTestCase.class,
                        NoFaultsTestCase.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0));
        // 5 + 3 + 1 tests; the one that fails is FaultScopesTestCase's "second", on purpose.
        results.testEvents().assertStatistics(stats -> stats.started(9).succeeded(8).failed(1));
        assertFailedOnPurpose(results);
        assertFaultScopesSeen();
        assertNestedFaultScopesSeen();
        assertThat(NoFaultsTestCase.seen.get("calls"))
                .containsExactly("ListProjects 200", "ListBuilds 200", "BatchGetProjects 200");
    }

    private static void assertFaultScopesRan(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(4).failed(1));
        assertFailedOnPurpose(results);
    }

    private static void assertFailedOnPurpose(EngineExecutionResults results) {
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("second"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class), message(FAILURE))));
    }

    private static void assertFaultScopesSeen() {
        var seen = FaultScopesTestCase.seen;
        assertThat(seen.get("beforeAll")).containsExactly("ListProjects 400");
        assertThat(seen.get("first"))
                .containsExactly(
                        "ListProjects 400",
                        "ListProjects 200",
                        "ListBuilds 503",
                        "BatchGetProjects 400",
                        "BatchGetProjects 200",
                        "ListBuildBatches 400");
        assertThat(seen.get("second")).containsExactly("ListProjects 400");
        assertThat(seen.get("third"))
                .containsExactly(
                        "ListProjects 400",
                        "ListProjects 200",
                        "ListBuildBatches 200",
                        "BatchGetProjects 400",
                        "BatchGetProjects 200",
                        "ListBuilds 503");
        assertThat(seen.get("fourth"))
                .containsExactly("ListBuilds 200", "ListProjects 200", "BatchGetProjects 200");
        assertThat(seen.get("fifth")).containsExactly("ListBuilds 503", "BatchGetProjects 400");
        assertThat(seen.get("afterAll")).containsExactly("ListProjects 400", "ListBuilds 503");
    }

    private static void assertNestedFaultScopesSeen() {
        var seen = NestedFaultScopesTestCase.seen;
        assertThat(seen.get("inner a")).containsExactly("ListProjects 400", "ListBuilds 503");
        assertThat(seen.get("inner b")).containsExactly("ListProjects 400", "ListBuilds 503");
        assertThat(seen.get("later")).containsExactly("ListProjects 200", "ListBuilds 503");
    }

    /** Make a call whose outcome the recorded calls show; a fault's exception is expected. */
    static void call(Runnable call) {
        try {
            call.run();
        } catch (SdkException expected) {
            // The recorded call carries the status.
        }
    }

    static List<String> calls(FakeCodeBuildState state) {
        return state.calls().stream()
                .map(call -> call.operation() + " " + call.statusCode())
                .toList();
    }

    static void listProjects(CodeBuildClient client) {
        call(() -> client.listProjects());
    }

    static void listBuilds(CodeBuildClient client) {
        call(() -> client.listBuilds());
    }

    static void batchGetProjects(CodeBuildClient client) {
        call(() -> client.batchGetProjects(r -> r.names("web-app")));
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FaultScopesTestCase {

        static final Map<String, List<String>> seen = new ConcurrentHashMap<>();

        private String test;

        /** A PER_METHOD constructor belongs to its test: this fault must not pile up. */
        FaultScopesTestCase(FakeCodeBuildState state) {
            state.failNext("BatchGetProjects", 1, Fault.throttling());
        }

        @BeforeAll
        static void setUpClass(CodeBuildClient client, FakeCodeBuildState state) {
            state.failNext("ListProjects", 2, Fault.throttling());
            state.failEvery("ListBuilds", Fault.serviceUnavailable());
            listProjects(client);
            seen.put("beforeAll", calls(state));
            FixtureRunner.rendezvous();
        }

        @BeforeEach
        void name(TestInfo info) {
            test = info.getTestMethod().orElseThrow().getName();
        }

        @Test
        @Order(1)
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            listProjects(client);
            listProjects(client);
            listBuilds(client);
            batchGetProjects(client);
            batchGetProjects(client);
            state.failEvery("ListBuildBatches", Fault.throttling());
            call(() -> client.listBuildBatches(r -> {}));
        }

        @Test
        @Order(2)
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            state.failEvery("ListBuildBatches", Fault.dropConnection());
            listProjects(client);
            throw new AssertionError(FAILURE);
        }

        @Test
        @Order(3)
        void third(CodeBuildClient client) {
            listProjects(client);
            listProjects(client);
            call(() -> client.listBuildBatches(r -> {}));
            batchGetProjects(client);
            batchGetProjects(client);
            listBuilds(client);
        }

        @Test
        @Order(4)
        void fourth(CodeBuildClient client, FakeCodeBuildState state) {
            state.clearFaults();
            listBuilds(client);
            listProjects(client);
            batchGetProjects(client);
        }

        @Test
        @Order(5)
        void fifth(CodeBuildClient client) {
            listBuilds(client);
            batchGetProjects(client);
        }

        @AfterEach
        void recordCalls(FakeCodeBuildState state) {
            seen.put(test, calls(state));
        }

        @AfterAll
        static void afterAll(CodeBuildClient client, FakeCodeBuildState state) {
            listProjects(client);
            listBuilds(client);
            seen.put("afterAll", calls(state));
        }
    }

    @FakeCodeBuild
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class NestedFaultScopesTestCase {

        static final Map<String, List<String>> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void setUpOuter(FakeCodeBuildState state) {
            state.failEvery("ListBuilds", Fault.serviceUnavailable());
            FixtureRunner.rendezvous();
        }

        @Nested
        @Order(1)
        class Inner {

            @BeforeAll
            static void setUpInner(FakeCodeBuildState state) {
                state.failEvery("ListProjects", Fault.throttling());
            }

            @Test
            void a(CodeBuildClient client, FakeCodeBuildState state) {
                listProjects(client);
                listBuilds(client);
                seen.put("inner a", calls(state));
            }

            @Test
            void b(CodeBuildClient client, FakeCodeBuildState state) {
                listProjects(client);
                listBuilds(client);
                seen.put("inner b", calls(state));
            }
        }

        @Nested
        @Order(2)
        class Later {

            @Test
            void later(CodeBuildClient client, FakeCodeBuildState state) {
                listProjects(client);
                listBuilds(client);
                seen.put("later", calls(state));
            }
        }
    }

    /** A class of its own, with no faults, running beside the others. */
    @FakeCodeBuild
    static class NoFaultsTestCase {

        static final Map<String, List<String>> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void meetTheOthers() {
            FixtureRunner.rendezvous();
        }

        @Test
        void callsAreAnsweredNormally(CodeBuildClient client, FakeCodeBuildState state) {
            listProjects(client);
            listBuilds(client);
            batchGetProjects(client);
            seen.put("calls", calls(state));
        }
    }
}
