package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;

/**
 * A {@code @MethodSource} factory may take the fake's state as a parameter. It runs outside any
 * test, in the container of the parameterized test: what it seeds holds for that test's invocations
 * and is gone afterwards, and its calls count as the class's set-up.
 */
class ArgumentFactoryScopeTests {

    @Test
    void whatAnArgumentFactorySeedsIsGoneAfterItsParameterizedTest() {
        assertSeedingStaysInTheContainer(FixtureRunner.run(SeedingFactoryTestCase.class), 3);
    }

    @Test
    void whatAnArgumentFactorySeedsIsGoneAfterItsParameterizedTestInParallel() {
        assertSeedingStaysInTheContainer(
                FixtureRunner.runInParallel(SeedingFactoryTestCase.class, OtherTestCase.class), 4);
    }

    @Test
    void aStrictFakeFailsTheClassWhenAnArgumentFactoryCalledAnUnimplementedOperation() {
        var results = FixtureRunner.run(UnimplementedCallFactoryTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(UnimplementedCallFactoryTestCase.class),
                                finishedWithFailure(
                                        instanceOf(AssertionFailedError.class),
                                        message(
                                                "The set-up or tear-down of "
                                                        + UnimplementedCallFactoryTestCase.class
                                                                .getName()
                                                        + " (outside its tests) called CodeBuild"
                                                        + " operations that fake-codebuild does"
                                                        + " not implement: ListReportGroups (1"
                                                        + " call). Each was answered with"
                                                        + " UnknownOperationException. The"
                                                        + " README lists the operations the fake"
                                                        + " serves. To let tests make such"
                                                        + " calls, set strictness ="
                                                        + " Strictness.LENIENT on @FakeCodeBuild"
                                                        + " or the extension's builder, or the"
                                                        + " configuration parameter"
                                                        + " fakecodebuild.strictness.default"
                                                        + "=lenient"))));
    }

    private static void assertSeedingStaysInTheContainer(
            EngineExecutionResults results, int tests) {
        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(tests));
    }

    static Stream<String> seedProject(FakeCodeBuildState state) {
        state.addProject("from-factory");
        return Stream.of("first", "second");
    }

    @FakeCodeBuild
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class SeedingFactoryTestCase {

        @ParameterizedTest
        @MethodSource("dev.fakecodebuild.junit.ArgumentFactoryScopeTests#seedProject")
        void a(String invocation, FakeCodeBuildState state) {
            assertThat(state.projects()).extracting(p -> p.name()).containsExactly("from-factory");
            state.addProject(invocation);
        }

        @Test
        void b(FakeCodeBuildState state) {
            FixtureRunner.rendezvous();
            assertThat(state.projects()).isEmpty();
        }
    }

    @FakeCodeBuild
    static class OtherTestCase {

        @Test
        void meet(FakeCodeBuildState state) {
            FixtureRunner.rendezvous();
            assertThat(state.projects()).isEmpty();
        }
    }

    static Stream<String> callUnimplemented(CodeBuildClient client) {
        try {
            client.listReportGroups(request -> {});
        } catch (CodeBuildException expected) {
            // answered with UnknownOperationException, which the class's check reports
        }
        return Stream.of("only");
    }

    @FakeCodeBuild
    static class UnimplementedCallFactoryTestCase {

        @ParameterizedTest
        @MethodSource("dev.fakecodebuild.junit.ArgumentFactoryScopeTests#callUnimplemented")
        void a(String invocation) {}
    }
}
