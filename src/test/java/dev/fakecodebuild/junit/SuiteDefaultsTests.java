package dev.fakecodebuild.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildExtension;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;

/**
 * The suite's configuration parameters set the region and account of every fake that sets none; the
 * annotation and the builder always win.
 */
class SuiteDefaultsTests {

    private static final Map<String, String> SUITE =
            Map.of(
                    FakeCodeBuild.DEFAULT_REGION_PROPERTY_NAME, "eu-central-1",
                    FakeCodeBuild.DEFAULT_ACCOUNT_ID_PROPERTY_NAME, "999988887777");

    static final Map<String, String> arns = new ConcurrentHashMap<>();

    @BeforeEach
    void forgetEarlierRuns() {
        arns.clear();
    }

    @Test
    void theParameterNamesAreTheDocumentedOnes() {
        assertThat(FakeCodeBuild.DEFAULT_REGION_PROPERTY_NAME)
                .isEqualTo("fakecodebuild.region.default");
        assertThat(FakeCodeBuild.DEFAULT_ACCOUNT_ID_PROPERTY_NAME)
                .isEqualTo("fakecodebuild.accountId.default");
        assertThat(FakeCodeBuild.DEFAULT_STRICTNESS_PROPERTY_NAME)
                .isEqualTo("fakecodebuild.strictness.default");
    }

    @Test
    void fakesThatSetNothingTakeTheSuitesRegionAndAccount() {
        EngineExecutionResults results =
                FixtureRunner.run(SUITE, UnsetTestCase.class, UnsetBuilderTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(arns)
                .containsEntry(
                        "UnsetTestCase", "arn:aws:codebuild:eu-central-1:999988887777:project/app")
                .containsEntry(
                        "UnsetBuilderTestCase",
                        "arn:aws:codebuild:eu-central-1:999988887777:project/app");
    }

    @Test
    void withoutParametersTheDefaultsApply() {
        EngineExecutionResults results = FixtureRunner.run(UnsetTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(arns)
                .containsEntry(
                        "UnsetTestCase", "arn:aws:codebuild:us-east-1:123456789012:project/app");
    }

    @Test
    void theAnnotationAndTheBuilderWinOverTheParameters() {
        EngineExecutionResults results =
                FixtureRunner.run(SUITE, AnnotatedTestCase.class, BuilderTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertThat(arns)
                .containsEntry(
                        "AnnotatedTestCase",
                        "arn:aws:codebuild:ap-south-1:111111111111:project/app")
                .containsEntry(
                        "BuilderTestCase", "arn:aws:codebuild:sa-east-1:222222222222:project/app");
    }

    @Test
    void classesRunningAtTheSameTimeEachSettleTheirOwnSettings() {
        EngineExecutionResults results =
                FixtureRunner.runInParallel(
                        SUITE,
                        UnsetTestCase.class,
                        UnsetBuilderTestCase.class,
                        AnnotatedTestCase.class,
                        BuilderTestCase.class,
                        RegionOnlyTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(5).succeeded(5));
        assertThat(arns)
                .containsOnly(
                        Map.entry(
                                "UnsetTestCase",
                                "arn:aws:codebuild:eu-central-1:999988887777:project/app"),
                        Map.entry(
                                "UnsetBuilderTestCase",
                                "arn:aws:codebuild:eu-central-1:999988887777:project/app"),
                        Map.entry(
                                "AnnotatedTestCase",
                                "arn:aws:codebuild:ap-south-1:111111111111:project/app"),
                        Map.entry(
                                "BuilderTestCase",
                                "arn:aws:codebuild:sa-east-1:222222222222:project/app"),
                        Map.entry(
                                "RegionOnlyTestCase",
                                "arn:aws:codebuild:ap-south-1:999988887777:project/app"));
    }

    @Test
    void oneValueSetOnTheAnnotationLeavesTheOtherToTheParameter() {
        EngineExecutionResults results = FixtureRunner.run(SUITE, RegionOnlyTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        assertThat(arns)
                .containsEntry(
                        "RegionOnlyTestCase",
                        "arn:aws:codebuild:ap-south-1:999988887777:project/app");
    }

    @Test
    void aBadParameterFailsEachClassThatWouldUseIt() {
        EngineExecutionResults results =
                FixtureRunner.run(
                        Map.of(FakeCodeBuild.DEFAULT_REGION_PROPERTY_NAME, "EU"),
                        UnsetTestCase.class,
                        AnnotatedTestCase.class);

        results.testEvents().assertStatistics(stats -> stats.started(1).succeeded(1));
        results.containerEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                container(UnsetTestCase.class),
                                finishedWithFailure(
                                        instanceOf(ExtensionConfigurationException.class),
                                        message(
                                                "The configuration parameter"
                                                        + " fakecodebuild.region.default = \"EU\" is"
                                                        + " not a region name: use one such as"
                                                        + " \"us-east-1\""))));
    }

    // ---------------------------------------------------------------------------------------

    static void recordArn(Class<?> fixture, FakeCodeBuildState state, CodeBuildClient client) {
        state.addProject("app");
        arns.put(
                fixture.getSimpleName(),
                client.batchGetProjects(r -> r.names("app")).projects().get(0).arn());
    }

    @FakeCodeBuild
    static class UnsetTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void test(FakeCodeBuildState state, CodeBuildClient client) {
            recordArn(UnsetTestCase.class, state, client);
        }
    }

    static class UnsetBuilderTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @RegisterExtension
        static final FakeCodeBuildExtension fake = FakeCodeBuildExtension.builder().build();

        @Test
        void test(FakeCodeBuildState state, CodeBuildClient client) {
            recordArn(UnsetBuilderTestCase.class, state, client);
        }
    }

    @FakeCodeBuild(region = "ap-south-1", accountId = "111111111111")
    static class AnnotatedTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void test(FakeCodeBuildState state, CodeBuildClient client) {
            recordArn(AnnotatedTestCase.class, state, client);
        }
    }

    static class BuilderTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @RegisterExtension
        static final FakeCodeBuildExtension fake =
                FakeCodeBuildExtension.builder()
                        .region("sa-east-1")
                        .accountId("222222222222")
                        .build();

        @Test
        void test(FakeCodeBuildState state, CodeBuildClient client) {
            recordArn(BuilderTestCase.class, state, client);
        }
    }

    @FakeCodeBuild(region = "ap-south-1")
    static class RegionOnlyTestCase {

        @BeforeAll
        static void meet() {
            FixtureRunner.rendezvous();
        }

        @Test
        void test(FakeCodeBuildState state, CodeBuildClient client) {
            recordArn(RegionOnlyTestCase.class, state, client);
        }
    }
}
