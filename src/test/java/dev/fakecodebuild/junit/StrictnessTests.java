package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.Strictness;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.codebuild.CodeBuildAsyncClient;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;

/**
 * A strict fake (the default) fails a test that called an operation it does not implement, even
 * when the code under test swallowed the {@code UnknownOperationException}; a lenient one does not.
 * The annotation or builder wins over the suite's configuration parameter.
 */
class StrictnessTests {

    private static final String ADVICE =
            ". Each was answered with UnknownOperationException. The README lists the operations"
                    + " the fake serves. To let tests make such calls, set strictness ="
                    + " Strictness.LENIENT on @FakeCodeBuild or the extension's builder, or the"
                    + " configuration parameter fakecodebuild.strictness.default=lenient";

    private static final Map<String, String> LENIENT_SUITE =
            Map.of("fakecodebuild.strictness.default", "lenient");

    @Test
    void aTestThatCalledUnimplementedOperationsFailsAfterwardsNamingThemAndTheTest() {
        EngineExecutionResults results = FixtureRunner.run(StrictByDefaultTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("swallowsUnknownOperations"),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(
                                                "Test swallowsUnknownOperations() of"
                                                        + " dev.fakecodebuild.junit.StrictnessTests$StrictByDefaultTestCase"
                                                        + " called CodeBuild operations that"
                                                        + " fake-codebuild does not implement:"
                                                        + " BatchGetReports (2 calls),"
                                                        + " ListFleets (1 call)"
                                                        + ADVICE))));
    }

    @Test
    void strictAndLenientClassesRunningAtTheSameTimeEachKeepTheirOwnStrictness() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        StrictByDefaultTestCase.class,
                        LenientAnnotationTestCase.class,
                        LenientBuilderTestCase.class,
                        StrictAnnotationTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(3).failed(2));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("swallowsUnknownOperations"),
                                finishedWithFailure(
                                        message(
                                                "Test swallowsUnknownOperations() of"
                                                        + " dev.fakecodebuild.junit.StrictnessTests$StrictByDefaultTestCase"
                                                        + " called CodeBuild operations that"
                                                        + " fake-codebuild does not implement:"
                                                        + " BatchGetReports (2 calls),"
                                                        + " ListFleets (1 call)"
                                                        + ADVICE))))
                .haveExactly(
                        1,
                        event(
                                test("swallowsUnknownOperations"),
                                finishedWithFailure(
                                        message(
                                                "Test swallowsUnknownOperations() of"
                                                        + " dev.fakecodebuild.junit.StrictnessTests$StrictAnnotationTestCase"
                                                        + " called CodeBuild operations that"
                                                        + " fake-codebuild does not implement:"
                                                        + " ListFleets (1 call)"
                                                        + ADVICE))));
    }

    @Test
    void aLenientAnnotationLetsTheTestPass() {
        EngineExecutionResults results = FixtureRunner.run(LenientAnnotationTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aLenientBuilderLetsTheTestPass() {
        EngineExecutionResults results = FixtureRunner.run(LenientBuilderTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void theConfigurationParameterMakesUnsetFakesLenient() {
        EngineExecutionResults results =
                FixtureRunner.run(LENIENT_SUITE, StrictByDefaultTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
    }

    @Test
    void aStrictAnnotationWinsOverALenientConfigurationParameter() {
        EngineExecutionResults results =
                FixtureRunner.run(LENIENT_SUITE, StrictAnnotationTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
    }

    @Test
    void callsOutsideTestsFailTheClass() {
        EngineExecutionResults results = FixtureRunner.run(StrictBeforeAllTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(StrictBeforeAllTestCase.class),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(
                                                "The set-up or tear-down of"
                                                        + " dev.fakecodebuild.junit.StrictnessTests$StrictBeforeAllTestCase"
                                                        + " (outside its tests) called CodeBuild"
                                                        + " operations that fake-codebuild does not"
                                                        + " implement: ListFleets (1 call)"
                                                        + ADVICE))));
    }

    @Test
    void operationsCodeBuildDoesNotHaveAreNotCounted() {
        EngineExecutionResults results = FixtureRunner.run(MisspelledOperationTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsFailureWithTheStrictnessFailureSuppressed() {
        assertOwnFailureFirst(FixtureRunner.run(FailingAsyncInstanceFieldTestCase.class));
    }

    @Test
    void aTestThatFailsOnItsOwnKeepsItsFailureInParallelToo() {
        assertOwnFailureFirst(
                FixtureRunner.runInParallel(
                        FailingAsyncInstanceFieldTestCase.class, StrictByDefaultTestCase.class));
    }

    private static void assertOwnFailureFirst(EngineExecutionResults results) {
        Throwable failure =
                results.testEvents()
                        .failed()
                        .filter(
                                event ->
                                        event.getTestDescriptor()
                                                .getDisplayName()
                                                .startsWith("failsAfterAnUnimplementedCall("))
                        .map(
                                event ->
                                        event.getPayload(TestExecutionResult.class)
                                                .flatMap(TestExecutionResult::getThrowable)
                                                .orElseThrow())
                        .findFirst()
                        .orElseThrow();

        assertThat(failure).isExactlyInstanceOf(AssertionError.class).hasMessage("own failure");
        assertThat(failure.getSuppressed()).hasSize(1);
        assertThat(failure.getSuppressed()[0])
                .isExactlyInstanceOf(AssertionFailedError.class)
                .hasMessage(
                        "Test failsAfterAnUnimplementedCall() of"
                                + " dev.fakecodebuild.junit.StrictnessTests$FailingAsyncInstanceFieldTestCase$Inner"
                                + " called CodeBuild operations that fake-codebuild does not"
                                + " implement: ListFleets (1 call)"
                                + ADVICE);
    }

    // ---------------------------------------------------------------------------------------

    /** Code under test that swallows a failure, as a fallback path might. */
    static void callAndSwallow(Runnable call) {
        CodeBuildException refused = catchThrowableOfType(CodeBuildException.class, call::run);
        assertThat(refused.awsErrorDetails().errorCode()).isEqualTo("UnknownOperationException");
    }

    /** An instance field's fake, a nested test, the async client, and a failure of its own. */
    static class FailingAsyncInstanceFieldTestCase {

        @RegisterExtension
        final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Nested
        class Inner {

            @Test
            void failsAfterAnUnimplementedCall(CodeBuildAsyncClient client) {
                Throwable refused = catchThrowable(() -> client.listFleets(r -> {}).join());
                assertThat(refused)
                        .cause()
                        .isInstanceOf(CodeBuildException.class)
                        .hasMessageStartingWith("fake-codebuild does not implement ListFleets yet");

                throw new AssertionError("own failure");
            }
        }
    }

    @FakeCodeBuild
    static class StrictByDefaultTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void swallowsUnknownOperations(CodeBuildClient client) {
            callAndSwallow(() -> client.batchGetReports(r -> r.reportArns("arn:report:1")));
            callAndSwallow(() -> client.listFleets(r -> {}));
            callAndSwallow(() -> client.batchGetReports(r -> r.reportArns("arn:report:2")));
        }

        @Test
        void callsOnlyWhatIsImplemented(CodeBuildClient client) {
            client.listProjects(r -> {});
        }
    }

    @FakeCodeBuild(strictness = Strictness.LENIENT)
    static class LenientAnnotationTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void swallowsUnknownOperations(CodeBuildClient client) {
            callAndSwallow(() -> client.listFleets(r -> {}));
        }
    }

    static class LenientBuilderTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder().strictness(Strictness.LENIENT).build();

        @Test
        void swallowsUnknownOperations(CodeBuildClient client) {
            callAndSwallow(() -> client.listFleets(r -> {}));
        }
    }

    @FakeCodeBuild(strictness = Strictness.STRICT)
    static class StrictAnnotationTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void swallowsUnknownOperations(CodeBuildClient client) {
            callAndSwallow(() -> client.listFleets(r -> {}));
        }
    }

    @FakeCodeBuild
    static class StrictBeforeAllTestCase {

        @BeforeAll
        static void setUp(CodeBuildClient client) {
            callAndSwallow(() -> client.listFleets(r -> {}));
        }

        @Test
        void test(FakeCodeBuildState state) {
            assertThat(state.calls()).isEmpty();
        }
    }

    @FakeCodeBuild
    static class MisspelledOperationTestCase {

        @Test
        void sendsAnOperationCodeBuildDoesNotHave(FakeCodeBuildState state) throws Exception {
            var connection = (HttpURLConnection) state.endpoint().toURL().openConnection();
            connection.setRequestMethod("POST");
            connection.setRequestProperty("X-Amz-Target", "CodeBuild_20161006.ListProjectz");
            connection.setRequestProperty("Content-Type", "application/x-amz-json-1.1");
            connection.setDoOutput(true);
            connection.getOutputStream().write("{}".getBytes(StandardCharsets.UTF_8));

            assertThat(connection.getResponseCode()).isEqualTo(400);
            assertThat(state.calls())
                    .singleElement()
                    .satisfies(
                            call -> {
                                assertThat(call.operation()).isEqualTo("ListProjectz");
                                assertThat(call.errorCode()).contains("UnknownOperationException");
                            });
            connection.disconnect();
        }
    }
}
