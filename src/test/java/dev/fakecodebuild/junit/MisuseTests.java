package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.nestedContainer;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** Misuse fails loudly, with messages asserted verbatim. */
class MisuseTests {

    private static final String STOPPED =
            "The fake CodeBuild of dev.fakecodebuild.junit.MisuseTests$CapturingTestCase has"
                    + " stopped: its class has finished, so its state and client can no longer"
                    + " be used";

    @BeforeEach
    void forgetEarlierRuns() {
        CapturingTestCase.captured = null;
    }

    @Test
    void anAccountIdThatIsNotTwelveDigitsFailsTheClass() {
        EngineExecutionResults results = FixtureRunner.run(BadAccountIdTestCase.class);

        assertClassFailed(
                results,
                BadAccountIdTestCase.class,
                "@FakeCodeBuild(accountId = \"12\") on"
                        + " dev.fakecodebuild.junit.MisuseTests$BadAccountIdTestCase is not an AWS"
                        + " account id: use 12 digits, such as \"123456789012\"");
    }

    @Test
    void aRegionThatIsNotARegionNameFailsTheClass() {
        EngineExecutionResults results = FixtureRunner.run(BadRegionTestCase.class);

        assertClassFailed(
                results,
                BadRegionTestCase.class,
                "@FakeCodeBuild(region = \"US_EAST\") on"
                        + " dev.fakecodebuild.junit.MisuseTests$BadRegionTestCase is not a region"
                        + " name: use one such as \"us-east-1\"");
    }

    @Test
    void aBadRegionOnAPerClassClassWhoseConstructorAsksForTheStateFailsTheClassTheSameWay() {
        EngineExecutionResults results = FixtureRunner.run(PerClassBadRegionTestCase.class);

        // The Javadoc of @FakeCodeBuild promises ExtensionConfigurationException for this.
        assertClassFailed(
                results,
                PerClassBadRegionTestCase.class,
                "@FakeCodeBuild(region = \"US_EAST\") on"
                        + " dev.fakecodebuild.junit.MisuseTests$PerClassBadRegionTestCase is not a"
                        + " region name: use one such as \"us-east-1\"");
    }

    @Test
    void aBadRegionOnANestedClassFailsThatClassOnly() {
        EngineExecutionResults results = FixtureRunner.run(NestedBadRegionTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(1, event(test("outer"), finishedSuccessfully()));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                nestedContainer(NestedBadRegionTestCase.OnMars.class),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "@FakeCodeBuild(region = \"mars\") on"
                                                        + " dev.fakecodebuild.junit.MisuseTests"
                                                        + "$NestedBadRegionTestCase$OnMars is not a"
                                                        + " region name: use one such as"
                                                        + " \"us-east-1\""))));
    }

    @Test
    void registeringTheExtensionWithoutTheAnnotationFailsTheClass() {
        EngineExecutionResults results = FixtureRunner.run(ExtendWithOnlyTestCase.class);

        assertClassFailed(
                results,
                ExtendWithOnlyTestCase.class,
                "No @FakeCodeBuild on dev.fakecodebuild.junit.MisuseTests$ExtendWithOnlyTestCase"
                        + " or a class enclosing it: annotate the test class with @FakeCodeBuild,"
                        + " or register FakeCodeBuildExtension.builder().build() in a field with"
                        + " @RegisterExtension, instead of registering FakeCodeBuildExtension with"
                        + " @ExtendWith");
        // Said once: the after callbacks do not repeat it as a suppressed exception.
        Throwable failure =
                results.containerEvents().failed().stream()
                        .findFirst()
                        .orElseThrow()
                        .getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .getThrowable()
                        .orElseThrow();
        assertThat(failure.getSuppressed()).isEmpty();
    }

    @Test
    void aStateUsedAfterItsClassHasEndedThrows() {
        FixtureRunner.run(CapturingTestCase.class)
                .testEvents()
                .assertStatistics(stats -> stats.started(1).succeeded(1));
        FakeCodeBuildState stopped = CapturingTestCase.captured;

        Map<String, ThrowingCallable> uses =
                Map.of(
                        "addProject(String)", () -> stopped.addProject("web-app"),
                        "addProject(Consumer)", () -> stopped.addProject(p -> p.name("web-app")),
                        "addBuildBatch(String, StatusType)",
                                () -> stopped.addBuildBatch("web-app", StatusType.FAILED),
                        "addBuildBatch(Consumer)",
                                () -> stopped.addBuildBatch(b -> b.projectName("web-app")),
                        "projects()", stopped::projects,
                        "project(String)", () -> stopped.project("web-app"),
                        "buildBatches()", stopped::buildBatches,
                        "buildBatch(String)", () -> stopped.buildBatch("web-app:1"),
                        "calls()", stopped::calls,
                        "requests(Class)",
                                () -> stopped.requests(ListBuildBatchesForProjectRequest.class));
        assertThat(uses)
                .allSatisfy(
                        (use, callable) ->
                                assertThatThrownBy(callable)
                                        .as(use)
                                        .isExactlyInstanceOf(IllegalStateException.class)
                                        .hasMessage(STOPPED));
    }

    @Test
    void everyAccessorOfAStoppedStateThrowsAsItsJavadocSays() {
        FixtureRunner.run(CapturingTestCase.class);
        FakeCodeBuildState stopped = CapturingTestCase.captured;

        // FakeCodeBuildState: "Calling any method after the class that owns the fake has finished
        // throws IllegalStateException."
        Map<String, ThrowingCallable> uses =
                Map.of(
                        "endpoint()",
                        stopped::endpoint,
                        "region()",
                        stopped::region,
                        "accountId()",
                        stopped::accountId,
                        "assertCalledOnce(Class)",
                        () -> stopped.assertCalledOnce(StartBuildRequest.class),
                        "assertCalledOnce(CodeBuildRequest)",
                        () -> stopped.assertCalledOnce(StartBuildRequest.builder().build()),
                        "assertNotCalled(Class)",
                        () -> stopped.assertNotCalled(StartBuildRequest.class));
        assertThat(uses)
                .allSatisfy(
                        (use, callable) ->
                                assertThatThrownBy(callable)
                                        .as(use)
                                        .isExactlyInstanceOf(IllegalStateException.class)
                                        .hasMessage(STOPPED));
    }

    @Test
    void aStateCapturedFromAnEarlierClassFailsTheTestOfALaterClass() {
        FixtureRunner.run(CapturingTestCase.class);
        assertThat(CapturingTestCase.captured).isNotNull();

        EngineExecutionResults results = FixtureRunner.run(UsesCapturedStateTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("useTheEarlierClassesState"),
                                finishedWithFailure(
                                        instanceOf(IllegalStateException.class),
                                        message(STOPPED))));
    }

    private static void assertClassFailed(
            EngineExecutionResults results, Class<?> fixture, String expectedMessage) {
        results.testEvents().assertStatistics(stats -> stats.started(0));
        results.containerEvents()
                .assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(fixture),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(expectedMessage))));
    }

    // ---------------------------------------------------------------------------------------

    @FakeCodeBuild(accountId = "12")
    static class BadAccountIdTestCase {

        @Test
        void test(FakeCodeBuildState state) {}
    }

    @FakeCodeBuild(region = "US_EAST")
    static class BadRegionTestCase {

        @Test
        void test(FakeCodeBuildState state) {}
    }

    @FakeCodeBuild(region = "US_EAST")
    @TestInstance(Lifecycle.PER_CLASS)
    static class PerClassBadRegionTestCase {

        PerClassBadRegionTestCase(FakeCodeBuildState state) {}

        @Test
        void test() {}
    }

    @FakeCodeBuild
    static class NestedBadRegionTestCase {

        @Test
        void outer(FakeCodeBuildState state) {}

        @Nested
        @FakeCodeBuild(region = "mars")
        class OnMars {

            @Test
            void nested(FakeCodeBuildState state) {}
        }
    }

    @ExtendWith(FakeCodeBuildExtension.class)
    static class ExtendWithOnlyTestCase {

        @Test
        void test(FakeCodeBuildState state) {}
    }

    @FakeCodeBuild
    static class CapturingTestCase {

        static volatile FakeCodeBuildState captured;

        @Test
        void capture(FakeCodeBuildState state) {
            state.addProject("web-app");
            captured = state;
        }
    }

    static class UsesCapturedStateTestCase {

        @Test
        void useTheEarlierClassesState() {
            CapturingTestCase.captured.projects();
        }
    }
}
