package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchRestrictions;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CacheMode;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** StartBuildBatch: the batch it starts, the settings it merges, idempotency and numbering. */
@FakeCodeBuild
class StartBuildBatchTest {

    private static final String KMS_DEFAULT = "arn:aws:kms:us-east-1:123456789012:alias/aws/s3";
    private static final String ROLE = "arn:aws:iam::123456789012:role/codebuild";

    private static EnvironmentVariable variable(String name, String value) {
        return EnvironmentVariable.builder()
                .name(name)
                .value(value)
                .type(EnvironmentVariableType.PLAINTEXT)
                .build();
    }

    @Nested
    class StartedBatch {

        @Test
        void isSubmittedInProgressWithCodeBuildsDefaults(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant before = Instant.now().minusMillis(1);

            BuildBatch batch =
                    codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

            assertThat(batch.id()).matches("web-app:[0-9a-f-]{36}");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws:codebuild:us-east-1:123456789012:build-batch/" + batch.id());
            assertThat(batch.buildBatchNumber()).isEqualTo(1L);
            assertThat(batch.projectName()).isEqualTo("web-app");
            assertThat(batch.startTime()).isAfter(before);
            assertThat(batch.endTime()).isNull();
            assertThat(batch.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
            assertThat(batch.complete()).isFalse();
            assertThat(batch.currentPhase()).isEqualTo("SUBMITTED");
            assertThat(batch.hasPhases()).isFalse();
            assertThat(batch.hasBuildGroups()).isFalse();
            assertThat(batch.buildTimeoutInMinutes()).isEqualTo(60);
            assertThat(batch.queuedTimeoutInMinutes()).isEqualTo(480);
            assertThat(batch.encryptionKey()).isEqualTo(KMS_DEFAULT);
            assertThat(batch.initiator()).isEqualTo("fake-codebuild");
            assertThat(batch.cache()).isEqualTo(ProjectCache.builder().type("NO_CACHE").build());
            assertThat(batch.logConfig())
                    .isEqualTo(
                            LogsConfig.builder()
                                    .cloudWatchLogs(c -> c.status(LogsConfigStatusType.ENABLED))
                                    .s3Logs(s -> s.status(LogsConfigStatusType.DISABLED))
                                    .build());
            assertThat(batch.buildBatchConfig())
                    .isEqualTo(
                            ProjectBuildBatchConfig.builder()
                                    .restrictions(r -> r.maximumBuildsAllowed(100))
                                    .timeoutInMins(480)
                                    .build());
            assertThat(batch.artifacts()).isEqualTo(BuildArtifacts.builder().location("").build());
            assertThat(batch.secondarySources()).isEmpty();
            assertThat(batch.hasSecondarySources()).isTrue();
            assertThat(batch.secondaryArtifacts()).isEmpty();
            assertThat(batch.source()).isNull();
            assertThat(batch.environment()).isNull();
            assertThat(state.buildBatches()).containsExactly(batch);
            assertThat(state.builds()).isEmpty();
        }

        @Test
        void numbersFollowTheProjectsSeededBatches(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addProject("api");
            state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            state.addBuildBatch(b -> b.projectName("web-app").buildBatchNumber(7L));
            state.addBuildBatch("api", StatusType.FAILED);

            BuildBatch webApp =
                    codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
            BuildBatch api = codeBuild.startBuildBatch(r -> r.projectName("api")).buildBatch();

            assertThat(webApp.buildBatchNumber()).isEqualTo(8L);
            assertThat(api.buildBatchNumber()).isEqualTo(2L);
        }

        @Test
        void staysInProgressUntilSomethingFinishesIt(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            BuildBatch started =
                    codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

            BuildBatch read =
                    codeBuild.batchGetBuildBatches(r -> r.ids(started.id())).buildBatches().get(0);

            assertThat(read).isEqualTo(started);
        }

        @Test
        void anUnknownProjectIsNotFound(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            resourceNotFound(
                    () -> codeBuild.startBuildBatch(r -> r.projectName("ghost")),
                    "Project cannot be found:"
                            + " arn:aws:codebuild:us-east-1:123456789012:project/ghost");
            assertThat(state.buildBatches()).isEmpty();
        }
    }

    @Nested
    class Settings {

        private final ProjectSource source =
                ProjectSource.builder()
                        .type(SourceType.GITHUB)
                        .location("https://github.com/example/web-app")
                        .buildspec("buildspec.yml")
                        .gitCloneDepth(1)
                        .build();
        private final ProjectEnvironment environment =
                ProjectEnvironment.builder()
                        .type(EnvironmentType.LINUX_CONTAINER)
                        .image("aws/codebuild/standard:7.0")
                        .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                        .environmentVariables(variable("STAGE", "test"), variable("REGION", "eu"))
                        .build();
        private final LogsConfig logs =
                LogsConfig.builder()
                        .cloudWatchLogs(
                                CloudWatchLogsConfig.builder()
                                        .status(LogsConfigStatusType.ENABLED)
                                        .groupName("builds")
                                        .build())
                        .s3Logs(
                                S3LogsConfig.builder()
                                        .status(LogsConfigStatusType.DISABLED)
                                        .build())
                        .build();
        private final ProjectBuildBatchConfig batchConfig =
                ProjectBuildBatchConfig.builder()
                        .serviceRole(ROLE)
                        .combineArtifacts(true)
                        .restrictions(r -> r.computeTypesAllowed("BUILD_GENERAL1_SMALL"))
                        .build();

        private void addProject(FakeCodeBuildState state) {
            state.addProject(
                    p ->
                            p.name("web-app")
                                    .source(source)
                                    .sourceVersion("main")
                                    .environment(environment)
                                    .serviceRole(ROLE)
                                    .timeoutInMinutes(30)
                                    .queuedTimeoutInMinutes(120)
                                    .encryptionKey("arn:aws:kms:us-east-1:123456789012:key/k")
                                    .logsConfig(logs)
                                    .cache(
                                            c ->
                                                    c.type(CacheType.LOCAL)
                                                            .modes(CacheMode.LOCAL_SOURCE_CACHE))
                                    .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                                    .buildBatchConfig(batchConfig));
        }

        @Test
        void carryTheProjects(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addProject(state);

            BuildBatch batch =
                    codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

            assertThat(batch.source()).isEqualTo(source);
            assertThat(batch.sourceVersion()).isEqualTo("main");
            assertThat(batch.environment()).isEqualTo(environment);
            assertThat(batch.serviceRole()).isEqualTo(ROLE);
            assertThat(batch.buildTimeoutInMinutes()).isEqualTo(30);
            assertThat(batch.queuedTimeoutInMinutes()).isEqualTo(120);
            assertThat(batch.encryptionKey()).isEqualTo("arn:aws:kms:us-east-1:123456789012:key/k");
            assertThat(batch.logConfig()).isEqualTo(logs);
            assertThat(batch.cache())
                    .isEqualTo(
                            ProjectCache.builder()
                                    .type(CacheType.LOCAL)
                                    .modes(CacheMode.LOCAL_SOURCE_CACHE)
                                    .build());
            assertThat(batch.buildBatchConfig())
                    .isEqualTo(
                            batchConfig.toBuilder()
                                    .restrictions(
                                            BatchRestrictions.builder()
                                                    .computeTypesAllowed("BUILD_GENERAL1_SMALL")
                                                    .maximumBuildsAllowed(100)
                                                    .build())
                                    .timeoutInMins(480)
                                    .build());
        }

        @Test
        void overridesReplaceThemAndVariablesMergeByName(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addProject(state);
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .sourceVersion("feature/x")
                            .sourceLocationOverride("https://github.com/example/fork")
                            .buildspecOverride("batch.yml")
                            .gitCloneDepthOverride(0)
                            .imageOverride("aws/codebuild/standard:8.0")
                            .computeTypeOverride(ComputeType.BUILD_GENERAL1_LARGE)
                            .privilegedModeOverride(true)
                            .environmentVariablesOverride(
                                    variable("REGION", "us"), variable("DEBUG", "1"))
                            .serviceRoleOverride("arn:aws:iam::123456789012:role/other")
                            .buildTimeoutInMinutesOverride(90)
                            .queuedTimeoutInMinutesOverride(5)
                            .encryptionKeyOverride("alias/custom")
                            .cacheOverride(c -> c.type(CacheType.NO_CACHE))
                            .logsConfigOverride(
                                    l ->
                                            l.cloudWatchLogs(
                                                    c -> c.status(LogsConfigStatusType.DISABLED)))
                            .buildBatchConfigOverride(
                                    b ->
                                            b.serviceRole("arn:aws:iam::123456789012:role/batch")
                                                    .restrictions(r -> r.maximumBuildsAllowed(3))
                                                    .timeoutInMins(60))
                            .debugSessionEnabled(true)
                            .build();

            BuildBatch batch = codeBuild.startBuildBatch(request).buildBatch();

            assertThat(batch.sourceVersion()).isEqualTo("feature/x");
            assertThat(batch.source())
                    .isEqualTo(
                            source.toBuilder()
                                    .location("https://github.com/example/fork")
                                    .buildspec("batch.yml")
                                    .gitCloneDepth(0)
                                    .build());
            assertThat(batch.environment())
                    .isEqualTo(
                            environment.toBuilder()
                                    .image("aws/codebuild/standard:8.0")
                                    .computeType(ComputeType.BUILD_GENERAL1_LARGE)
                                    .privilegedMode(true)
                                    .environmentVariables(
                                            variable("STAGE", "test"),
                                            variable("REGION", "us"),
                                            variable("DEBUG", "1"))
                                    .build());
            assertThat(batch.serviceRole()).isEqualTo("arn:aws:iam::123456789012:role/other");
            assertThat(batch.buildTimeoutInMinutes()).isEqualTo(90);
            assertThat(batch.queuedTimeoutInMinutes()).isEqualTo(5);
            assertThat(batch.encryptionKey()).isEqualTo("alias/custom");
            assertThat(batch.cache()).isEqualTo(ProjectCache.builder().type("NO_CACHE").build());
            assertThat(batch.logConfig())
                    .isEqualTo(
                            LogsConfig.builder()
                                    .cloudWatchLogs(c -> c.status(LogsConfigStatusType.DISABLED))
                                    .build());
            assertThat(batch.buildBatchConfig())
                    .isEqualTo(
                            ProjectBuildBatchConfig.builder()
                                    .serviceRole("arn:aws:iam::123456789012:role/batch")
                                    .restrictions(r -> r.maximumBuildsAllowed(3))
                                    .timeoutInMins(60)
                                    .build());
            assertThat(batch.debugSessionEnabled()).isTrue();
            assertThat(state.project("web-app").orElseThrow().environment())
                    .as("the project is unchanged")
                    .isEqualTo(environment);
        }

        @Test
        void overridesOnAProjectWithoutSourceOrEnvironmentMakeThem(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("bare");

            BuildBatch batch =
                    codeBuild
                            .startBuildBatch(
                                    r ->
                                            r.projectName("bare")
                                                    .sourceTypeOverride(SourceType.NO_SOURCE)
                                                    .environmentVariablesOverride(
                                                            variable("A", "1")))
                            .buildBatch();

            assertThat(batch.source())
                    .isEqualTo(ProjectSource.builder().type(SourceType.NO_SOURCE).build());
            assertThat(batch.environment())
                    .isEqualTo(
                            ProjectEnvironment.builder()
                                    .environmentVariables(variable("A", "1"))
                                    .build());
        }
    }

    @Nested
    class Idempotency {

        @Test
        void theSameTokenAndRequestAnswerTheFirstBatch(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .sourceVersion("main")
                            .idempotencyToken("deploy-42")
                            .build();

            BuildBatch first = codeBuild.startBuildBatch(request).buildBatch();
            BuildBatch again = codeBuild.startBuildBatch(request).buildBatch();

            assertThat(again).isEqualTo(first);
            assertThat(state.buildBatches()).containsExactly(first);
        }

        @Test
        void theRepeatAnswersTheBatchAsItIsNow(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .idempotencyToken("deploy-42")
                            .build();
            BuildBatch first = codeBuild.startBuildBatch(request).buildBatch();
            BuildBatch finished = state.finishBuildBatch(first.id(), StatusType.SUCCEEDED);

            BuildBatch again = codeBuild.startBuildBatch(request).buildBatch();

            assertThat(again).isEqualTo(finished);
        }

        @Test
        void aTokenWhoseBatchWasDeletedStartsANewBatch(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildBatchRequest.builder()
                            .projectName("web-app")
                            .idempotencyToken("deploy-42")
                            .build();
            BuildBatch first = codeBuild.startBuildBatch(request).buildBatch();
            state.finishBuildBatch(first.id(), StatusType.SUCCEEDED);
            codeBuild.deleteBuildBatch(r -> r.id(first.id()));

            BuildBatch again = codeBuild.startBuildBatch(request).buildBatch();

            assertThat(again.id()).isNotEqualTo(first.id());
            assertThat(again.buildBatchNumber()).isEqualTo(2L);
            assertThat(codeBuild.startBuildBatch(request).buildBatch()).isEqualTo(again);
        }

        @Test
        void theSameTokenWithOtherParametersIsRefused(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            codeBuild.startBuildBatch(
                    r -> r.projectName("web-app").sourceVersion("main").idempotencyToken("t-1"));

            invalidInput(
                    () ->
                            codeBuild.startBuildBatch(
                                    r ->
                                            r.projectName("web-app")
                                                    .sourceVersion("release")
                                                    .idempotencyToken("t-1")),
                    "Idempotency token t-1 was used within the last 5 minutes with other"
                            + " parameters");
            assertThat(state.buildBatches()).hasSize(1);
        }

        @Test
        void withoutATokenEveryCallStartsABatch(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            codeBuild.startBuildBatch(r -> r.projectName("web-app"));
            codeBuild.startBuildBatch(r -> r.projectName("web-app"));

            assertThat(state.buildBatches())
                    .extracting(BuildBatch::buildBatchNumber)
                    .containsExactly(1L, 2L);
        }

        @Test
        void differentTokensStartDifferentBatches(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            String one =
                    codeBuild
                            .startBuildBatch(r -> r.projectName("web-app").idempotencyToken("a"))
                            .buildBatch()
                            .id();
            String two =
                    codeBuild
                            .startBuildBatch(r -> r.projectName("web-app").idempotencyToken("b"))
                            .buildBatch()
                            .id();

            assertThat(one).isNotEqualTo(two);
        }

        @Test
        void aTokenOfRetryBuildBatchIsAnotherToken(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            String failed = state.addBuildBatch("web-app", StatusType.FAILED).id();
            codeBuild.retryBuildBatch(
                    r ->
                            r.id(failed)
                                    .retryType(RetryBuildBatchType.RETRY_ALL_BUILDS)
                                    .idempotencyToken("same"));

            BuildBatch started =
                    codeBuild
                            .startBuildBatch(r -> r.projectName("web-app").idempotencyToken("same"))
                            .buildBatch();

            assertThat(started.id()).isNotEqualTo(failed);
            assertThat(started.buildBatchNumber()).isEqualTo(2L);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void fiftyParallelStartsGetDistinctIdsAndNumbersOneToFifty(
                CodeBuildClient codeBuild, FakeCodeBuildState state) throws Exception {
            state.addProject("web-app");
            int calls = 50;
            CountDownLatch ready = new CountDownLatch(calls);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(calls);
            List<Future<BuildBatch>> started = new ArrayList<>();
            try {
                for (int i = 0; i < calls; i++) {
                    Callable<BuildBatch> start =
                            () -> {
                                ready.countDown();
                                go.await();
                                return codeBuild
                                        .startBuildBatch(r -> r.projectName("web-app"))
                                        .buildBatch();
                            };
                    started.add(threads.submit(start));
                }
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                go.countDown();

                List<BuildBatch> batches = new ArrayList<>();
                for (Future<BuildBatch> future : started) {
                    batches.add(future.get(30, TimeUnit.SECONDS));
                }

                assertThat(batches).extracting(BuildBatch::id).doesNotHaveDuplicates();
                assertThat(batches)
                        .extracting(BuildBatch::buildBatchNumber)
                        .containsExactlyInAnyOrderElementsOf(
                                LongStream.rangeClosed(1, calls).boxed().toList());
                assertThat(state.buildBatches()).containsExactlyInAnyOrderElementsOf(batches);
                assertThat(state.requests(StartBuildBatchRequest.class)).hasSize(calls);
            } finally {
                threads.shutdownNow();
            }
        }
    }
}
