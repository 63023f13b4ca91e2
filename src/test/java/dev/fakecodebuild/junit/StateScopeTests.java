package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.EventConditions.uniqueIdSubstring;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Condition;
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
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The two scopes of state, in both directions: what a class sets up survives its tests; what a test
 * adds, and every recorded call, is gone before the next test, also after a failure.
 */
class StateScopeTests {

    static final String FAILURE = "this test fails on purpose, after seeding and calling";

    @BeforeEach
    void forgetEarlierRuns() {
        PerMethodScopesTestCase.seen.clear();
        PerClassScopesTestCase.seen.clear();
        NestedScopesTestCase.seen.clear();
        PerClassNestedScopesTestCase.seen.clear();
        ParameterizedScopesTestCase.seen.clear();
        FailingSetUpTestCase.seen.clear();
        FailingSetUpTestCase.instances.set(0);
    }

    @Test
    void whatBeforeAllSeedsIsSeenByEveryTestAndOutlivesThem() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodScopesTestCase.class);

        assertPerMethodScopesRan(results);
        assertClassSeedsSurvive();
    }

    @Test
    void whatAConstructorABeforeEachOrATestSeedsIsGoneInTheNextTestEvenAfterAFailure() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodScopesTestCase.class);

        assertPerMethodScopesRan(results);
        assertTestSeedsAreReset();
    }

    @Test
    void aBatchSeededAfterAResetIsNumberedAsIfNoEarlierTestHadRun() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodScopesTestCase.class);

        assertPerMethodScopesRan(results);
        assertBatchNumbersDoNotDependOnEarlierTests();
    }

    @Test
    void eachTestSeesOnlyTheCallsItMade() {
        EngineExecutionResults results = FixtureRunner.run(PerMethodScopesTestCase.class);

        assertPerMethodScopesRan(results);
        assertEachTestSeesOnlyItsOwnCalls();
    }

    @Test
    void whatAPerClassConstructorSeedsIsClassStateAndTestSeedsStillReset() {
        EngineExecutionResults results = FixtureRunner.run(PerClassScopesTestCase.class);

        assertPerClassScopes(results);
    }

    @Test
    void whatAPlainNestedClassSetsUpIsSeenWithinItAndGoneAfterIt() {
        EngineExecutionResults results = FixtureRunner.run(NestedScopesTestCase.class);

        assertNestedScopes(results);
    }

    @Test
    void whatAPerClassNestedClassSeedsInItsConstructorIsGoneAfterIt() {
        EngineExecutionResults results = FixtureRunner.run(PerClassNestedScopesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        var seen = PerClassNestedScopesTestCase.seen;
        assertThat(seen.get("nested").projects())
                .containsExactly(
                        "outer-class-project",
                        "nested-constructor-project",
                        "nested-before-all-project");
        assertThat(seen.get("later").projects()).containsExactly("outer-class-project");
    }

    @Test
    void whatATestSeedsIsGoneAlsoWhenItsConstructorBeforeEachOrAfterEachFailed() {
        EngineExecutionResults results = FixtureRunner.run(FailingSetUpTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, failedOnPurposeIn("failingInConstructor", "constructor"))
                .haveExactly(1, failedOnPurposeIn("failingInBeforeEach", "beforeEach"))
                .haveExactly(1, failedOnPurposeIn("failingInAfterEach", "afterEach"));
        var seen = FailingSetUpTestCase.seen;
        assertThat(seen.get("failingInBeforeEach: beforeEach").projects()).isEmpty();
        assertThat(seen.get("failingInAfterEach: beforeEach").projects()).isEmpty();
        assertThat(seen.get("failingInAfterEach: afterEach").projects())
                .containsExactly("test-project");
        assertThat(seen.get("passing: beforeEach").projects()).isEmpty();
        assertThat(seen.get("passing: beforeEach").calls()).isZero();
    }

    private static Condition<Event> failedOnPurposeIn(String test, String place) {
        return event(
                test(test),
                finishedWithFailure(
                        instanceOf(IllegalStateException.class),
                        message(place + " fails on purpose, after seeding")));
    }

    @Test
    void eachInvocationOfAParameterizedTestStartsFromTheClassState() {
        EngineExecutionResults results = FixtureRunner.run(ParameterizedScopesTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        var seen = ParameterizedScopesTestCase.seen;
        for (String invocation : List.of("a", "b", "c")) {
            assertThat(seen.get(invocation).projects())
                    .as(invocation)
                    .containsExactly("class-project");
            assertThat(seen.get(invocation).calls()).as(invocation).isZero();
        }
    }

    private static void assertPerMethodScopesRan(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertFailedOnPurpose(results, PerMethodScopesTestCase.class);
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("third"), finishedSuccessfully()));
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertFailedOnPurpose(EngineExecutionResults results, Class<?> fixture) {
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test(uniqueIdSubstring(fixture.getName())),
                                test("second"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class), message(FAILURE))));
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertPerMethodScopesSeen() {
        assertClassSeedsSurvive();
        assertTestSeedsAreReset();
        assertBatchNumbersDoNotDependOnEarlierTests();
        assertEachTestSeesOnlyItsOwnCalls();
    }

    private static void assertClassSeedsSurvive() {
        var seen = PerMethodScopesTestCase.seen;
        assertThat(seen.get("beforeAll").projects()).containsExactly("class-project");
        for (String test : List.of("first", "second", "third")) {
            assertThat(seen.get(test + ": constructor").projects())
                    .as(test)
                    .containsExactly("class-project");
            assertThat(seen.get(test + ": constructor").batchNumbers())
                    .as(test)
                    .containsExactly(1L);
        }
        assertThat(seen.get("afterAll").projects()).containsExactly("class-project");
        assertThat(seen.get("afterAll").batchNumbers()).containsExactly(1L);
    }

    private static void assertTestSeedsAreReset() {
        var seen = PerMethodScopesTestCase.seen;
        for (String test : List.of("first", "second", "third")) {
            assertThat(seen.get(test + ": beforeEach").projects())
                    .as(test)
                    .containsExactly("class-project", "constructor-project");
            assertThat(seen.get(test + ": at start").projects())
                    .as(test)
                    .containsExactly("class-project", "constructor-project", "before-each-project");
            assertThat(seen.get(test + ": at start").batchNumbers()).as(test).containsExactly(1L);
        }
    }

    /**
     * Tests must not depend on their order: the second batch of class-project is number 2 in every
     * test, whatever earlier tests added and the reset took away.
     */
    private static void assertBatchNumbersDoNotDependOnEarlierTests() {
        var seen = PerMethodScopesTestCase.seen;
        for (String test : List.of("first", "second", "third")) {
            assertThat(seen.get(test + ": after seeding").batchNumbers())
                    .as(test)
                    .containsExactly(1L, 2L);
        }
    }

    private static void assertEachTestSeesOnlyItsOwnCalls() {
        var seen = PerMethodScopesTestCase.seen;
        assertThat(seen.get("beforeAll").calls()).isEqualTo(1);
        assertThat(seen.get("first: constructor").calls()).isZero();
        assertThat(seen.get("first: at start").calls()).isZero();
        assertThat(seen.get("first: after seeding").calls()).isEqualTo(2);
        assertThat(seen.get("first: afterEach").calls()).isEqualTo(2);
        assertThat(seen.get("second: constructor").calls()).isZero();
        assertThat(seen.get("second: after seeding").calls()).isEqualTo(1);
        assertThat(seen.get("second: afterEach").calls()).isEqualTo(1);
        assertThat(seen.get("third: constructor").calls()).isZero();
        assertThat(seen.get("third: at start").calls()).isZero();
        assertThat(seen.get("afterAll").calls()).isZero();
    }

    private static void assertPerClassScopes(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(2).failed(1));
        assertFailedOnPurpose(results, PerClassScopesTestCase.class);
        assertPerClassScopesSeen();
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertPerClassScopesSeen() {
        var seen = PerClassScopesTestCase.seen;
        List<String> classState = List.of("constructor-project", "before-all-project");
        for (String test : List.of("first", "second", "third")) {
            assertThat(seen.get(test + ": at start").projects())
                    .as(test)
                    .containsExactly(
                            "constructor-project", "before-all-project", "before-each-project");
            assertThat(seen.get(test + ": at start").calls()).as(test).isZero();
            assertThat(seen.get(test + ": after seeding").projects())
                    .as(test)
                    .containsExactly(
                            "constructor-project",
                            "before-all-project",
                            "before-each-project",
                            "test-project");
            assertThat(seen.get(test + ": after seeding").calls()).as(test).isEqualTo(1);
        }
        assertThat(seen.get("afterAll").projects()).isEqualTo(classState);
        assertThat(seen.get("afterAll").calls()).isZero();
    }

    private static void assertNestedScopes(EngineExecutionResults results) {
        results.testEvents().assertStatistics(stats -> stats.started(4).succeeded(4));
        assertNestedScopesSeen();
    }

    /** Shared with {@link ParallelExecutionTests}. */
    static void assertNestedScopesSeen() {
        var seen = NestedScopesTestCase.seen;
        assertThat(seen.get("outer").projects()).containsExactly("outer-class-project");
        assertThat(seen.get("first nested: a").projects())
                .containsExactly(
                        "outer-class-project",
                        "nested-class-project",
                        "nested-constructor-project");
        assertThat(seen.get("first nested: a").calls()).isZero();
        assertThat(seen.get("first nested: b").projects())
                .containsExactly(
                        "outer-class-project",
                        "nested-class-project",
                        "nested-constructor-project");
        assertThat(seen.get("first nested: b").calls()).isZero();
        assertThat(seen.get("first nested: afterAll").projects())
                .containsExactly("outer-class-project", "nested-class-project");
        assertThat(seen.get("second nested").projects()).containsExactly("outer-class-project");
        assertThat(seen.get("second nested").calls()).isZero();
        assertThat(seen.get("outer afterAll").projects()).containsExactly("outer-class-project");
        assertThat(seen.get("outer afterAll").calls()).isZero();
    }

    /** What the state held at one moment of a fixture. */
    record Seen(URI endpoint, List<String> projects, List<Long> batchNumbers, int calls) {

        static Seen of(FakeCodeBuildState state) {
            List<RecordedCall> calls = state.calls();
            return new Seen(
                    state.endpoint(),
                    state.projects().stream().map(Project::name).toList(),
                    state.buildBatches().stream().map(BuildBatch::buildBatchNumber).toList(),
                    calls.size());
        }
    }

    /** One call the fake records; its outcome does not matter here. */
    static void call(CodeBuildClient client) {
        try {
            client.listBuildBatchesForProject(r -> r.projectName("class-project"));
        } catch (CodeBuildException e) {
            throw new AssertionError("the fake refused a valid call", e);
        }
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerMethodScopesTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        /** What the constructor saw; {@code @BeforeEach} files it under the test's name. */
        private final Seen constructorSaw;

        private String test;

        PerMethodScopesTestCase(FakeCodeBuildState state) {
            constructorSaw = Seen.of(state);
            state.addProject("constructor-project");
        }

        @BeforeAll
        static void seedClass(CodeBuildClient client, FakeCodeBuildState state) {
            state.addProject("class-project");
            state.addBuildBatch("class-project", StatusType.SUCCEEDED);
            call(client);
            seen.put("beforeAll", Seen.of(state));
            FixtureRunner.rendezvous();
        }

        @BeforeEach
        void seedTest(FakeCodeBuildState state, TestInfo info) {
            test = info.getTestMethod().orElseThrow().getName();
            seen.put(test + ": constructor", constructorSaw);
            seen.put(test + ": beforeEach", Seen.of(state));
            state.addProject("before-each-project");
        }

        @Test
        @Order(1)
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("first: at start", Seen.of(state));
            state.addProject("first-test-project");
            state.addBuildBatch("class-project", StatusType.FAILED);
            call(client);
            call(client);
            seen.put("first: after seeding", Seen.of(state));
        }

        @Test
        @Order(2)
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put("second: at start", Seen.of(state));
            state.addProject("second-test-project");
            state.addBuildBatch("class-project", StatusType.IN_PROGRESS);
            call(client);
            seen.put("second: after seeding", Seen.of(state));
            throw new AssertionError(FAILURE);
        }

        @Test
        @Order(3)
        void third(FakeCodeBuildState state) {
            seen.put("third: at start", Seen.of(state));
            state.addBuildBatch("class-project", StatusType.STOPPED);
            seen.put("third: after seeding", Seen.of(state));
        }

        @AfterEach
        void afterEach(FakeCodeBuildState state) {
            seen.put(test + ": afterEach", Seen.of(state));
        }

        @AfterAll
        static void afterAll(FakeCodeBuildState state) {
            seen.put("afterAll", Seen.of(state));
        }
    }

    @FakeCodeBuild
    @TestInstance(Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class PerClassScopesTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        PerClassScopesTestCase(FakeCodeBuildState state) {
            state.addProject("constructor-project");
        }

        @BeforeAll
        void seedClass(FakeCodeBuildState state) {
            state.addProject("before-all-project");
            FixtureRunner.rendezvous();
        }

        @BeforeEach
        void seedTest(FakeCodeBuildState state) {
            state.addProject("before-each-project");
        }

        @Test
        @Order(1)
        void first(CodeBuildClient client, FakeCodeBuildState state) {
            seedAndCall("first", client, state);
        }

        @Test
        @Order(2)
        void second(CodeBuildClient client, FakeCodeBuildState state) {
            seedAndCall("second", client, state);
            throw new AssertionError(FAILURE);
        }

        @Test
        @Order(3)
        void third(CodeBuildClient client, FakeCodeBuildState state) {
            seedAndCall("third", client, state);
        }

        private static void seedAndCall(
                String test, CodeBuildClient client, FakeCodeBuildState state) {
            seen.put(test + ": at start", Seen.of(state));
            state.addProject("test-project");
            callAnyProject(client);
            seen.put(test + ": after seeding", Seen.of(state));
        }

        @AfterAll
        void afterAll(FakeCodeBuildState state) {
            seen.put("afterAll", Seen.of(state));
        }
    }

    @FakeCodeBuild
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class NestedScopesTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void seedOuter(FakeCodeBuildState state) {
            state.addProject("outer-class-project");
            FixtureRunner.rendezvous();
        }

        @Test
        void outer(FakeCodeBuildState state) {
            seen.put("outer", Seen.of(state));
            state.addProject("outer-test-project");
        }

        @Nested
        @Order(1)
        @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
        class FirstNested {

            FirstNested(FakeCodeBuildState state) {
                state.addProject("nested-constructor-project");
            }

            @BeforeAll
            static void seedNested(CodeBuildClient client, FakeCodeBuildState state) {
                state.addProject("nested-class-project");
                callAnyProject(client);
            }

            @Test
            @Order(1)
            void a(CodeBuildClient client, FakeCodeBuildState state) {
                seen.put("first nested: a", Seen.of(state));
                state.addProject("nested-test-project");
                callAnyProject(client);
            }

            @Test
            @Order(2)
            void b(FakeCodeBuildState state) {
                seen.put("first nested: b", Seen.of(state));
            }

            @AfterAll
            static void afterAll(FakeCodeBuildState state) {
                seen.put("first nested: afterAll", Seen.of(state));
            }
        }

        @Nested
        @Order(2)
        class SecondNested {

            @Test
            void c(FakeCodeBuildState state) {
                seen.put("second nested", Seen.of(state));
            }
        }

        @AfterAll
        static void afterAll(FakeCodeBuildState state) {
            seen.put("outer afterAll", Seen.of(state));
        }
    }

    @FakeCodeBuild
    @TestClassOrder(ClassOrderer.OrderAnnotation.class)
    static class PerClassNestedScopesTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void seedOuter(FakeCodeBuildState state) {
            state.addProject("outer-class-project");
        }

        @Nested
        @Order(1)
        @TestInstance(Lifecycle.PER_CLASS)
        class PerClassNested {

            PerClassNested(FakeCodeBuildState state) {
                state.addProject("nested-constructor-project");
            }

            @BeforeAll
            void seedNested(FakeCodeBuildState state) {
                state.addProject("nested-before-all-project");
            }

            @Test
            void nested(FakeCodeBuildState state) {
                seen.put("nested", Seen.of(state));
            }
        }

        @Nested
        @Order(2)
        class Later {

            @Test
            void later(FakeCodeBuildState state) {
                seen.put("later", Seen.of(state));
            }
        }
    }

    /** Each test but the last fails in another place, after seeding and calling. */
    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailingSetUpTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();
        static final AtomicInteger instances = new AtomicInteger();

        private String test;

        FailingSetUpTestCase(CodeBuildClient client, FakeCodeBuildState state) {
            if (instances.incrementAndGet() == 1) {
                seedAndCall(client, state, "constructor");
            }
        }

        @BeforeEach
        void beforeEach(CodeBuildClient client, FakeCodeBuildState state, TestInfo info) {
            test = info.getTestMethod().orElseThrow().getName();
            seen.put(test + ": beforeEach", Seen.of(state));
            if (test.equals("failingInBeforeEach")) {
                seedAndCall(client, state, "beforeEach");
            }
        }

        @Test
        @Order(1)
        void failingInConstructor() {}

        @Test
        @Order(2)
        void failingInBeforeEach() {}

        @Test
        @Order(3)
        void failingInAfterEach(FakeCodeBuildState state) {
            state.addProject("test-project");
        }

        @Test
        @Order(4)
        void passing() {}

        @AfterEach
        void afterEach(CodeBuildClient client, FakeCodeBuildState state) {
            seen.put(test + ": afterEach", Seen.of(state));
            if (test.equals("failingInAfterEach")) {
                seedAndCall(client, state, "afterEach");
            }
        }

        private static void seedAndCall(
                CodeBuildClient client, FakeCodeBuildState state, String place) {
            state.addProject(place + "-project");
            callAnyProject(client);
            throw new IllegalStateException(place + " fails on purpose, after seeding");
        }
    }

    @FakeCodeBuild
    static class ParameterizedScopesTestCase {

        static final Map<String, Seen> seen = new ConcurrentHashMap<>();

        @BeforeAll
        static void seedClass(FakeCodeBuildState state) {
            state.addProject("class-project");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "b", "c"})
        void invocation(String name, CodeBuildClient client, FakeCodeBuildState state) {
            seen.put(name, Seen.of(state));
            state.addProject("invocation-project");
            callAnyProject(client);
        }
    }

    private static void callAnyProject(CodeBuildClient client) {
        try {
            client.listBuildBatchesForProject(r -> r.projectName("no-such-project"));
        } catch (CodeBuildException expected) {
            // ResourceNotFoundException; the call is recorded all the same.
        }
    }
}
