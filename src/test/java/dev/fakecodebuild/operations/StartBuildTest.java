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
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CredentialProviderType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.ImagePullCredentialsType;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion;
import software.amazon.awssdk.services.codebuild.model.RegistryCredential;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.SourceAuth;
import software.amazon.awssdk.services.codebuild.model.SourceAuthType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** StartBuild: the started build's state, its settings merged from project and request. */
@FakeCodeBuild
class StartBuildTest {

    private static final String PROJECT_ARN = "arn:aws:codebuild:us-east-1:123456789012:project/";
    private static final String ROLE = "arn:aws:iam::123456789012:role/codebuild";

    private static EnvironmentVariable variable(String name, String value) {
        return EnvironmentVariable.builder().name(name).value(value).build();
    }

    private static void addConfiguredProject(FakeCodeBuildState state) {
        state.addProject(
                p ->
                        p.name("web-app")
                                .source(
                                        s ->
                                                s.type(SourceType.GITHUB)
                                                        .location("https://github.com/o/web-app")
                                                        .gitCloneDepth(1)
                                                        .buildspec("buildspec.yml"))
                                .sourceVersion("main")
                                .artifacts(
                                        a ->
                                                a.type(ArtifactsType.S3)
                                                        .location("bucket")
                                                        .path("web")
                                                        .name("app.zip"))
                                .environment(
                                        e ->
                                                e.type(EnvironmentType.LINUX_CONTAINER)
                                                        .image("aws/codebuild/standard:7.0")
                                                        .computeType(
                                                                ComputeType.BUILD_GENERAL1_SMALL)
                                                        .privilegedMode(false)
                                                        .environmentVariables(
                                                                variable("STAGE", "dev"),
                                                                variable("REGION", "us-east-1"),
                                                                variable("DEBUG", "0")))
                                .serviceRole(ROLE)
                                .timeoutInMinutes(30)
                                .queuedTimeoutInMinutes(120)
                                .cache(c -> c.type(CacheType.LOCAL))
                                .logsConfig(
                                        l ->
                                                l.cloudWatchLogs(
                                                        c ->
                                                                c.status(
                                                                                LogsConfigStatusType
                                                                                        .ENABLED)
                                                                        .groupName("builds")))
                                .encryptionKey("arn:aws:kms:us-east-1:123456789012:key/project")
                                .vpcConfig(v -> v.vpcId("vpc-1").subnets("subnet-1")));
    }

    @Nested
    class TheStartedBuild {

        @Test
        void isQueuedWithTheNextNumberAndAnIdOfItsProject(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant before = Instant.now().minusMillis(1);

            Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();

            assertThat(build.id())
                    .matches("web-app:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-.{4}-.{12}");
            assertThat(build.arn())
                    .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:build/" + build.id());
            assertThat(build.buildNumber()).isEqualTo(1L);
            assertThat(build.projectName()).isEqualTo("web-app");
            assertThat(build.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
            assertThat(build.buildComplete()).isFalse();
            assertThat(build.currentPhase()).isEqualTo("QUEUED");
            assertThat(build.startTime()).isAfter(before);
            assertThat(build.endTime()).isNull();
            assertThat(build.phases())
                    .containsExactly(
                            BuildPhase.builder()
                                    .phaseType(BuildPhaseType.SUBMITTED)
                                    .phaseStatus(StatusType.SUCCEEDED)
                                    .startTime(build.startTime())
                                    .endTime(build.startTime())
                                    .durationInSeconds(0L)
                                    .build(),
                            BuildPhase.builder()
                                    .phaseType(BuildPhaseType.QUEUED)
                                    .startTime(build.startTime())
                                    .build());
            assertThat(state.builds()).containsExactly(build);
            assertThat(state.build(build.id())).contains(build);
        }

        @Test
        void numbersCountUpPerProject(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addProject("api");

            long first = codeBuild.startBuild(r -> r.projectName("web-app")).build().buildNumber();
            long second = codeBuild.startBuild(r -> r.projectName("web-app")).build().buildNumber();
            long other = codeBuild.startBuild(r -> r.projectName("api")).build().buildNumber();
            long third = codeBuild.startBuild(r -> r.projectName("web-app")).build().buildNumber();

            assertThat(List.of(first, second, other, third)).containsExactly(1L, 2L, 1L, 3L);
        }

        @Test
        void followsTheNumbersTheTestSeeded(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addBuild(b -> b.projectName("web-app").buildNumber(41L));

            Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();

            assertThat(build.buildNumber()).isEqualTo(42L);
        }

        @Test
        void ofABareProjectHasTheDefaults(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();

            assertThat(build.timeoutInMinutes()).isEqualTo(60);
            assertThat(build.queuedTimeoutInMinutes()).isEqualTo(480);
            assertThat(build.encryptionKey())
                    .isEqualTo("arn:aws:kms:us-east-1:123456789012:alias/aws/s3");
            assertThat(build.initiator()).isEqualTo("fake-codebuild-user");
            assertThat(build.source()).isNull();
            assertThat(build.environment()).isNull();
            assertThat(build.artifacts()).isNull();
            assertThat(build.hasSecondaryArtifacts()).isFalse();
            assertThat(build.buildBatchArn()).isNull();
        }
    }

    @Nested
    class Settings {

        @Test
        void withoutOverridesAreTheProjects(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addConfiguredProject(state);
            var project = state.project("web-app").orElseThrow();

            Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();

            assertThat(build.source()).isEqualTo(project.source());
            assertThat(build.sourceVersion()).isEqualTo("main");
            assertThat(build.environment()).isEqualTo(project.environment());
            assertThat(build.artifacts())
                    .isEqualTo(
                            BuildArtifacts.builder()
                                    .location("arn:aws:s3:::bucket/web/app.zip")
                                    .build());
            assertThat(build.serviceRole()).isEqualTo(ROLE);
            assertThat(build.timeoutInMinutes()).isEqualTo(30);
            assertThat(build.queuedTimeoutInMinutes()).isEqualTo(120);
            assertThat(build.cache()).isEqualTo(project.cache());
            assertThat(build.logs().cloudWatchLogs())
                    .isEqualTo(project.logsConfig().cloudWatchLogs());
            assertThat(build.logs().s3Logs()).isNull();
            assertThat(build.encryptionKey())
                    .isEqualTo("arn:aws:kms:us-east-1:123456789012:key/project");
            assertThat(build.vpcConfig()).isEqualTo(project.vpcConfig());
            assertThat(build.debugSession()).isNull();
        }

        @Test
        void overridesWinMemberByMember(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addConfiguredProject(state);

            Build build =
                    codeBuild
                            .startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .sourceVersion("feature/x")
                                                    .buildspecOverride("ci/buildspec.yml")
                                                    .gitCloneDepthOverride(0)
                                                    .imageOverride("aws/codebuild/standard:8.0")
                                                    .computeTypeOverride(
                                                            ComputeType.BUILD_GENERAL1_LARGE)
                                                    .privilegedModeOverride(true)
                                                    .imagePullCredentialsTypeOverride(
                                                            ImagePullCredentialsType.SERVICE_ROLE)
                                                    .certificateOverride("bucket/cert.pem")
                                                    .serviceRoleOverride(ROLE + "-2")
                                                    .timeoutInMinutesOverride(15)
                                                    .queuedTimeoutInMinutesOverride(5)
                                                    .cacheOverride(c -> c.type(CacheType.NO_CACHE))
                                                    .encryptionKeyOverride("alias/other")
                                                    .artifactsOverride(
                                                            a -> a.type(ArtifactsType.NO_ARTIFACTS))
                                                    .debugSessionEnabled(true))
                            .build();

            assertThat(build.source())
                    .isEqualTo(
                            ProjectSource.builder()
                                    .type(SourceType.GITHUB)
                                    .location("https://github.com/o/web-app")
                                    .gitCloneDepth(0)
                                    .buildspec("ci/buildspec.yml")
                                    .build());
            assertThat(build.sourceVersion()).isEqualTo("feature/x");
            assertThat(
                            build.environment().toBuilder()
                                    .environmentVariables((List<EnvironmentVariable>) null)
                                    .build())
                    .isEqualTo(
                            ProjectEnvironment.builder()
                                    .type(EnvironmentType.LINUX_CONTAINER)
                                    .image("aws/codebuild/standard:8.0")
                                    .computeType(ComputeType.BUILD_GENERAL1_LARGE)
                                    .privilegedMode(true)
                                    .imagePullCredentialsType(ImagePullCredentialsType.SERVICE_ROLE)
                                    .certificate("bucket/cert.pem")
                                    .build());
            assertThat(build.environment().environmentVariables())
                    .extracting(EnvironmentVariable::name)
                    .containsExactly("STAGE", "REGION", "DEBUG");
            assertThat(build.serviceRole()).isEqualTo(ROLE + "-2");
            assertThat(build.timeoutInMinutes()).isEqualTo(15);
            assertThat(build.queuedTimeoutInMinutes()).isEqualTo(5);
            assertThat(build.cache().type()).isEqualTo(CacheType.NO_CACHE);
            assertThat(build.encryptionKey()).isEqualTo("alias/other");
            assertThat(build.artifacts()).isEqualTo(BuildArtifacts.builder().location("").build());
            assertThat(build.debugSession().sessionEnabled()).isTrue();
        }

        @Test
        void theOtherSourceEnvironmentAndLogOverridesWinToo(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addConfiguredProject(state);
            var auth =
                    SourceAuth.builder().type(SourceAuthType.CODECONNECTIONS).resource("c").build();
            var registry =
                    RegistryCredential.builder()
                            .credential("arn:aws:secretsmanager:registry")
                            .credentialProvider(CredentialProviderType.SECRETS_MANAGER)
                            .build();
            var s3Logs =
                    S3LogsConfig.builder()
                            .status(LogsConfigStatusType.ENABLED)
                            .location("logs-bucket/web")
                            .build();

            Build build =
                    codeBuild
                            .startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .sourceTypeOverride(SourceType.BITBUCKET)
                                                    .sourceLocationOverride("https://bb/o/web")
                                                    .sourceAuthOverride(auth)
                                                    .insecureSslOverride(true)
                                                    .reportBuildStatusOverride(true)
                                                    .gitSubmodulesConfigOverride(
                                                            g -> g.fetchSubmodules(true))
                                                    .buildStatusConfigOverride(c -> c.context("ci"))
                                                    .environmentTypeOverride(
                                                            EnvironmentType.ARM_CONTAINER)
                                                    .registryCredentialOverride(registry)
                                                    .fleetOverride(f -> f.fleetArn("arn:fleet"))
                                                    .logsConfigOverride(l -> l.s3Logs(s3Logs))
                                                    .autoRetryLimitOverride(2))
                            .build();

            assertThat(build.source())
                    .isEqualTo(
                            ProjectSource.builder()
                                    .type(SourceType.BITBUCKET)
                                    .location("https://bb/o/web")
                                    .gitCloneDepth(1)
                                    .buildspec("buildspec.yml")
                                    .auth(auth)
                                    .insecureSsl(true)
                                    .reportBuildStatus(true)
                                    .gitSubmodulesConfig(g -> g.fetchSubmodules(true))
                                    .buildStatusConfig(c -> c.context("ci"))
                                    .build());
            assertThat(build.environment().type()).isEqualTo(EnvironmentType.ARM_CONTAINER);
            assertThat(build.environment().image()).isEqualTo("aws/codebuild/standard:7.0");
            assertThat(build.environment().registryCredential()).isEqualTo(registry);
            assertThat(build.environment().fleet().fleetArn()).isEqualTo("arn:fleet");
            assertThat(build.logs().s3Logs()).isEqualTo(s3Logs);
            assertThat(build.logs().cloudWatchLogs()).isNull();
            assertThat(build.autoRetryConfig().autoRetryLimit()).isEqualTo(2);
            assertThat(build.autoRetryConfig().autoRetryNumber()).isZero();
        }

        @Test
        void environmentVariablesMergeByNameOverrideWinning(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            addConfiguredProject(state);
            var secret =
                    EnvironmentVariable.builder()
                            .name("TOKEN")
                            .value("/ci/token")
                            .type(EnvironmentVariableType.PARAMETER_STORE)
                            .build();

            Build build =
                    codeBuild
                            .startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .environmentVariablesOverride(
                                                            variable("NEW", "1"),
                                                            variable("STAGE", "prod"),
                                                            secret))
                            .build();

            assertThat(build.environment().environmentVariables())
                    .containsExactly(
                            variable("STAGE", "prod"),
                            variable("REGION", "us-east-1"),
                            variable("DEBUG", "0"),
                            variable("NEW", "1"),
                            secret);
            assertThat(build.environment().image()).isEqualTo("aws/codebuild/standard:7.0");
        }

        @Test
        void secondaryListsOfTheRequestReplaceTheProjects(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var oldSource =
                    ProjectSource.builder().type(SourceType.S3).sourceIdentifier("old").build();
            var oldArtifacts =
                    ProjectArtifacts.builder()
                            .type(ArtifactsType.S3)
                            .location("old-bucket")
                            .artifactIdentifier("old")
                            .build();
            state.addProject(
                    p ->
                            p.name("web-app")
                                    .secondarySources(oldSource)
                                    .secondaryArtifacts(oldArtifacts));
            var source =
                    ProjectSource.builder()
                            .type(SourceType.CODECOMMIT)
                            .location("https://git-codecommit/lib")
                            .sourceIdentifier("lib")
                            .build();
            var version =
                    ProjectSourceVersion.builder()
                            .sourceIdentifier("lib")
                            .sourceVersion("v2")
                            .build();
            var artifacts =
                    ProjectArtifacts.builder()
                            .type(ArtifactsType.S3)
                            .location("new-bucket")
                            .name("lib.zip")
                            .artifactIdentifier("lib")
                            .build();

            Build build =
                    codeBuild
                            .startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .secondarySourcesOverride(source)
                                                    .secondarySourcesVersionOverride(version)
                                                    .secondaryArtifactsOverride(artifacts))
                            .build();

            assertThat(build.secondarySources()).containsExactly(source);
            assertThat(build.secondarySourceVersions()).containsExactly(version);
            assertThat(build.secondaryArtifacts())
                    .containsExactly(
                            BuildArtifacts.builder()
                                    .location("arn:aws:s3:::new-bucket/lib.zip")
                                    .artifactIdentifier("lib")
                                    .build());
        }

        @Test
        void sourceOverridesBuildASourceForAProjectWithout(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            Build build =
                    codeBuild
                            .startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .sourceTypeOverride(SourceType.S3)
                                                    .sourceLocationOverride("bucket/src.zip"))
                            .build();

            assertThat(build.source())
                    .isEqualTo(
                            ProjectSource.builder()
                                    .type(SourceType.S3)
                                    .location("bucket/src.zip")
                                    .build());
        }

        @Test
        void ofAProjectCreatedThroughTheApiAreItsSettings(CodeBuildClient codeBuild) {
            var project =
                    codeBuild
                            .createProject(
                                    r ->
                                            r.name("web-app")
                                                    .source(
                                                            s ->
                                                                    s.type(SourceType.CODECOMMIT)
                                                                            .location(
                                                                                    "https://git/web"))
                                                    .artifacts(
                                                            a -> a.type(ArtifactsType.NO_ARTIFACTS))
                                                    .environment(
                                                            e ->
                                                                    e.type(
                                                                                    EnvironmentType
                                                                                            .LINUX_CONTAINER)
                                                                            .image("img:1")
                                                                            .computeType(
                                                                                    ComputeType
                                                                                            .BUILD_GENERAL1_SMALL))
                                                    .serviceRole(ROLE))
                            .project();

            Build build =
                    codeBuild
                            .startBuild(r -> r.projectName("web-app").imageOverride("img:2"))
                            .build();

            assertThat(build.source()).isEqualTo(project.source());
            assertThat(build.environment())
                    .isEqualTo(project.environment().toBuilder().image("img:2").build());
            assertThat(build.serviceRole()).isEqualTo(ROLE);
            assertThat(build.timeoutInMinutes()).isEqualTo(project.timeoutInMinutes());
            assertThat(build.queuedTimeoutInMinutes()).isEqualTo(project.queuedTimeoutInMinutes());
            assertThat(build.encryptionKey()).isEqualTo(project.encryptionKey());
            assertThat(build.artifacts()).isEqualTo(BuildArtifacts.builder().location("").build());
        }

        @Test
        void theRequestIsRecordedAsSent(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .environmentVariablesOverride(variable("A", "1"))
                            .build();

            codeBuild.startBuild(request);

            assertThat(state.requests(StartBuildRequest.class)).containsExactly(request);
        }
    }

    @Nested
    class Errors {

        @Test
        void unknownProjectIsNotFound(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            resourceNotFound(
                    () -> codeBuild.startBuild(r -> r.projectName("ghost")),
                    "Project cannot be found: " + PROJECT_ARN + "ghost");
            assertThat(state.builds()).isEmpty();
        }
    }

    @Nested
    class IdempotencyToken {

        @Test
        void sameTokenAndRequestReturnTheSameBuildAsItIsNow(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .sourceVersion("main")
                            .idempotencyToken("deploy-42")
                            .build();
            Build first = codeBuild.startBuild(request).build();
            Build finished = state.finishBuild(first.id(), StatusType.SUCCEEDED);

            Build again = codeBuild.startBuild(request).build();

            assertThat(again).isEqualTo(finished);
            assertThat(again.buildStatus()).isEqualTo(StatusType.SUCCEEDED);
            assertThat(state.builds()).containsExactly(finished);
        }

        @Test
        void sameTokenWithAnotherRequestIsRefused(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            codeBuild.startBuild(r -> r.projectName("web-app").idempotencyToken("deploy-42"));

            invalidInput(
                    () ->
                            codeBuild.startBuild(
                                    r ->
                                            r.projectName("web-app")
                                                    .sourceVersion("other")
                                                    .idempotencyToken("deploy-42")),
                    "Idempotency token deploy-42 was used within the last 5 minutes with other"
                            + " parameters");
            assertThat(state.builds()).hasSize(1);
        }

        @Test
        void aTokenWhoseBuildWasDeletedStartsANewBuild(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");
            var request =
                    StartBuildRequest.builder()
                            .projectName("web-app")
                            .idempotencyToken("deploy-42")
                            .build();
            Build first = codeBuild.startBuild(request).build();
            state.finishBuild(first.id(), StatusType.SUCCEEDED);
            codeBuild.batchDeleteBuilds(r -> r.ids(first.id()));

            Build again = codeBuild.startBuild(request).build();

            assertThat(again.id()).isNotEqualTo(first.id());
            assertThat(again.buildNumber()).isEqualTo(2L);
            assertThat(codeBuild.startBuild(request).build()).isEqualTo(again);
        }

        @Test
        void anotherTokenStartsAnotherBuild(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            Build first =
                    codeBuild
                            .startBuild(r -> r.projectName("web-app").idempotencyToken("a"))
                            .build();
            Build second =
                    codeBuild
                            .startBuild(r -> r.projectName("web-app").idempotencyToken("b"))
                            .build();
            Build third = codeBuild.startBuild(r -> r.projectName("web-app")).build();
            Build fourth = codeBuild.startBuild(r -> r.projectName("web-app")).build();

            assertThat(List.of(first, second, third, fourth))
                    .extracting(Build::buildNumber)
                    .containsExactly(1L, 2L, 3L, 4L);
        }
    }

    @Nested
    class Concurrency {

        @Test
        void fiftyConcurrentStartsGetNumbersOneToFifty(
                CodeBuildClient codeBuild, FakeCodeBuildState state) throws Exception {
            state.addProject("web-app");
            ExecutorService threads = Executors.newFixedThreadPool(50);
            CountDownLatch ready = new CountDownLatch(50);
            CountDownLatch go = new CountDownLatch(1);
            List<Callable<Build>> starts = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                starts.add(
                        () -> {
                            ready.countDown();
                            go.await();
                            return codeBuild.startBuild(r -> r.projectName("web-app")).build();
                        });
            }

            List<Future<Build>> futures = new ArrayList<>();
            List<Build> builds = new ArrayList<>();
            try {
                starts.forEach(start -> futures.add(threads.submit(start)));
                assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
                go.countDown();
                for (Future<Build> future : futures) {
                    builds.add(future.get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(builds).extracting(Build::id).doesNotHaveDuplicates().hasSize(50);
            assertThat(builds)
                    .extracting(Build::buildNumber)
                    .containsExactlyInAnyOrderElementsOf(
                            LongStream.rangeClosed(1, 50).boxed().toList());
            assertThat(state.builds()).hasSize(50).containsExactlyInAnyOrderElementsOf(builds);
        }

        @Test
        void concurrentStartsWithOneTokenStartOneBuild(
                CodeBuildClient codeBuild, FakeCodeBuildState state) throws Exception {
            state.addProject("web-app");
            ExecutorService threads = Executors.newFixedThreadPool(10);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Build>> futures = new ArrayList<>();
            List<Build> builds = new ArrayList<>();
            try {
                for (int i = 0; i < 10; i++) {
                    futures.add(
                            threads.submit(
                                    () -> {
                                        go.await();
                                        return codeBuild
                                                .startBuild(
                                                        r ->
                                                                r.projectName("web-app")
                                                                        .idempotencyToken("once"))
                                                .build();
                                    }));
                }
                go.countDown();
                for (Future<Build> future : futures) {
                    builds.add(future.get(30, TimeUnit.SECONDS));
                }
            } finally {
                threads.shutdownNow();
            }

            assertThat(state.builds()).hasSize(1);
            assertThat(builds).containsOnly(state.builds().get(0));
        }
    }
}
