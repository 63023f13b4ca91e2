package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.Projects.LINUX_SMALL;
import static dev.fakecodebuild.operations.Projects.NO_ARTIFACTS;
import static dev.fakecodebuild.operations.Projects.NO_SOURCE;
import static dev.fakecodebuild.operations.Projects.SERVICE_ROLE;
import static dev.fakecodebuild.operations.Projects.minimal;
import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceAlreadyExists;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactNamespace;
import software.amazon.awssdk.services.codebuild.model.ArtifactPackaging;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchRestrictions;
import software.amazon.awssdk.services.codebuild.model.CacheMode;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.FileSystemType;
import software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBadge;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion;
import software.amazon.awssdk.services.codebuild.model.ProjectVisibilityType;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.VpcConfig;

/** What CreateProject stores and returns, and what it refuses. */
@FakeCodeBuild
class CreateProjectTest {

    private static final String ARN = "arn:aws:codebuild:us-east-1:123456789012:project/web-app";
    private static final String DEFAULT_KEY = "arn:aws:kms:us-east-1:123456789012:alias/aws/s3";

    static final LogsConfig DEFAULT_LOGS =
            LogsConfig.builder()
                    .cloudWatchLogs(c -> c.status(LogsConfigStatusType.ENABLED))
                    .s3Logs(s -> s.status(LogsConfigStatusType.DISABLED))
                    .build();

    @Nested
    class WhatItReturns {

        @Test
        void minimalProjectGetsWhatCodeBuildFillsIn(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

            Project project = codeBuild.createProject(minimal("web-app").build()).project();

            Instant after = Instant.now();
            assertThat(project.created()).isBetween(before, after);
            assertThat(project)
                    .isEqualTo(
                            Project.builder()
                                    .name("web-app")
                                    .arn(ARN)
                                    .source(NO_SOURCE)
                                    .artifacts(NO_ARTIFACTS)
                                    .environment(LINUX_SMALL)
                                    .serviceRole(SERVICE_ROLE)
                                    .timeoutInMinutes(60)
                                    .queuedTimeoutInMinutes(480)
                                    .encryptionKey(DEFAULT_KEY)
                                    .badge(b -> b.badgeEnabled(false))
                                    .projectVisibility(ProjectVisibilityType.PRIVATE)
                                    .logsConfig(DEFAULT_LOGS)
                                    .cache(c -> c.type(CacheType.NO_CACHE))
                                    .created(project.created())
                                    .lastModified(project.created())
                                    .build());
            assertThat(project.hasTags()).isFalse();
            assertThat(project.hasSecondarySources()).isFalse();
            assertThat(state.projects()).containsExactly(project);
        }

        @Test
        void everythingGivenIsReturnedAsGiven(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            CreateProjectRequest request = everything("web-app");

            Project project = codeBuild.createProject(request).project();

            assertThat(project)
                    .isEqualTo(
                            Project.builder()
                                    .name("web-app")
                                    .arn(ARN)
                                    .description(request.description())
                                    .source(request.source())
                                    .secondarySources(request.secondarySources())
                                    .sourceVersion(request.sourceVersion())
                                    .secondarySourceVersions(request.secondarySourceVersions())
                                    .artifacts(request.artifacts())
                                    .secondaryArtifacts(request.secondaryArtifacts())
                                    .cache(request.cache())
                                    .environment(request.environment())
                                    .serviceRole(request.serviceRole())
                                    .timeoutInMinutes(15)
                                    .queuedTimeoutInMinutes(30)
                                    .encryptionKey(request.encryptionKey())
                                    .tags(request.tags())
                                    .vpcConfig(request.vpcConfig())
                                    .badge(b -> b.badgeEnabled(true))
                                    .logsConfig(request.logsConfig())
                                    .fileSystemLocations(request.fileSystemLocations())
                                    .buildBatchConfig(request.buildBatchConfig())
                                    .concurrentBuildLimit(3)
                                    .autoRetryLimit(2)
                                    .projectVisibility(ProjectVisibilityType.PRIVATE)
                                    .created(project.created())
                                    .lastModified(project.created())
                                    .build());
            assertThat(project.environment().environmentVariables())
                    .extracting(EnvironmentVariable::name)
                    .containsExactly("STAGE", "TOKEN");
            assertThat(state.project("web-app")).contains(project);
        }

        @Test
        void badgeEnabledFalseIsABadgeNotEnabled(CodeBuildClient codeBuild) {
            Project project =
                    codeBuild
                            .createProject(minimal("web-app").badgeEnabled(false).build())
                            .project();

            assertThat(project.badge())
                    .isEqualTo(ProjectBadge.builder().badgeEnabled(false).build());
        }

        @Test
        void logsLeftOutAreFilledInOneByOne(CodeBuildClient codeBuild) {
            var s3Only = LogsConfig.builder().s3Logs(s -> s.status("ENABLED").location("b/logs"));
            var cloudWatchOnly = LogsConfig.builder().cloudWatchLogs(c -> c.status("DISABLED"));

            Project first =
                    codeBuild
                            .createProject(minimal("first").logsConfig(s3Only.build()).build())
                            .project();
            Project second =
                    codeBuild
                            .createProject(
                                    minimal("second").logsConfig(cloudWatchOnly.build()).build())
                            .project();

            assertThat(first.logsConfig())
                    .isEqualTo(
                            LogsConfig.builder()
                                    .cloudWatchLogs(DEFAULT_LOGS.cloudWatchLogs())
                                    .s3Logs(s -> s.status("ENABLED").location("b/logs"))
                                    .build());
            assertThat(second.logsConfig())
                    .isEqualTo(
                            LogsConfig.builder()
                                    .cloudWatchLogs(c -> c.status("DISABLED"))
                                    .s3Logs(DEFAULT_LOGS.s3Logs())
                                    .build());
        }

        @Test
        void anEmptyTagListIsKept(CodeBuildClient codeBuild) {
            Project project =
                    codeBuild.createProject(minimal("web-app").tags(List.of()).build()).project();

            assertThat(project.hasTags()).isTrue();
            assertThat(project.tags()).isEmpty();
        }

        @Test
        void projectsOfEveryCallAreKeptApart(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Project first = codeBuild.createProject(minimal("first").build()).project();
            Project second = codeBuild.createProject(minimal("second").build()).project();

            assertThat(second.created()).isAfter(first.created());
            assertThat(state.projects()).containsExactly(first, second);
        }
    }

    @Nested
    class CodeBuildsRules {

        @Test
        void existingProjectIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Project seeded = state.addProject("web-app");

            resourceAlreadyExists(
                    () -> codeBuild.createProject(minimal("web-app").build()),
                    "Project already exists: " + ARN);
            assertThat(state.projects()).containsExactly(seeded);
        }

        @Test
        void projectCreatedTwiceIsRefusedTheSecondTime(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Project first = codeBuild.createProject(minimal("web-app").build()).project();

            resourceAlreadyExists(
                    () -> codeBuild.createProject(minimal("web-app").description("again").build()),
                    "Project already exists: " + ARN);
            assertThat(state.projects()).containsExactly(first);
        }

        @ParameterizedTest(name = "source type {0}")
        @EnumSource(
                value = SourceType.class,
                names = {"NO_SOURCE", "CODEPIPELINE", "UNKNOWN_TO_SDK_VERSION"},
                mode = EnumSource.Mode.EXCLUDE)
        void sourceWithoutLocationIsRefused(
                SourceType type, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app").source(s -> s.type(type)).build()),
                    "Project source location is required");
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app")
                                            .source(s -> s.type(type).location(""))
                                            .build()),
                    "Project source location is required");
            assertThat(state.projects()).isEmpty();
        }

        @ParameterizedTest(name = "source type {0}")
        @EnumSource(
                value = SourceType.class,
                names = {"NO_SOURCE", "UNKNOWN_TO_SDK_VERSION"},
                mode = EnumSource.Mode.EXCLUDE)
        void sourceWithLocationIsAccepted(SourceType type, CodeBuildClient codeBuild) {
            var artifacts =
                    type == SourceType.CODEPIPELINE
                            ? ProjectArtifacts.builder().type(ArtifactsType.CODEPIPELINE).build()
                            : NO_ARTIFACTS;

            Project project =
                    codeBuild
                            .createProject(
                                    minimal("web-app")
                                            .source(s -> s.type(type).location("somewhere"))
                                            .artifacts(artifacts)
                                            .build())
                            .project();

            assertThat(project.source().type()).isEqualTo(type);
            assertThat(project.source().location()).isEqualTo("somewhere");
        }

        @Test
        void codePipelineNeedsNoLocation(CodeBuildClient codeBuild) {
            Project project =
                    codeBuild
                            .createProject(
                                    minimal("web-app")
                                            .source(s -> s.type(SourceType.CODEPIPELINE))
                                            .artifacts(a -> a.type(ArtifactsType.CODEPIPELINE))
                                            .build())
                            .project();

            assertThat(project.source())
                    .isEqualTo(ProjectSource.builder().type("CODEPIPELINE").build());
            assertThat(project.artifacts())
                    .isEqualTo(ProjectArtifacts.builder().type("CODEPIPELINE").build());
        }

        @Test
        void noArtifactsWithALocationIsRefused(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app")
                                            .artifacts(
                                                    a ->
                                                            a.type(ArtifactsType.NO_ARTIFACTS)
                                                                    .location("my-bucket"))
                                            .build()),
                    "Invalid artifacts: artifact type NO_ARTIFACTS should have null location");
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app")
                                            .artifacts(
                                                    a ->
                                                            a.type(ArtifactsType.NO_ARTIFACTS)
                                                                    .location(""))
                                            .build()),
                    "Invalid artifacts: artifact type NO_ARTIFACTS should have null location");
            assertThat(state.projects()).isEmpty();
        }

        @ParameterizedTest(name = "artifacts {0}")
        @ValueSource(strings = {"S3", "NO_ARTIFACTS"})
        void codePipelineSourceNeedsCodePipelineArtifacts(
                String artifactsType, CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app")
                                            .source(s -> s.type(SourceType.CODEPIPELINE))
                                            .artifacts(a -> a.type(artifactsType).location("b"))
                                            .build()),
                    "Invalid input: when using CodePipeline both sourceType, and artifactType must"
                            + " be set to: CODEPIPELINE");
            assertThat(state.projects()).isEmpty();
        }

        @Test
        void codePipelineArtifactsNeedACodePipelineSource(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app")
                                            .artifacts(a -> a.type(ArtifactsType.CODEPIPELINE))
                                            .build()),
                    "Invalid input: when using CodePipeline both sourceType, and artifactType must"
                            + " be set to: CODEPIPELINE");
            assertThat(state.projects()).isEmpty();
        }

        @Test
        void rulesComeBeforeTheNameIsLookedUp(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("web-app");

            invalidInput(
                    () ->
                            codeBuild.createProject(
                                    minimal("web-app").source(s -> s.type("S3")).build()),
                    "Project source location is required");
        }
    }

    @Nested
    @FakeCodeBuild(region = "eu-west-1", accountId = "111122223333")
    class OtherRegionAndAccount {

        @Test
        void arnAndDefaultKeyAreTheFakesRegionAndAccount(CodeBuildClient codeBuild) {
            Project project = codeBuild.createProject(minimal("web-app").build()).project();

            assertThat(project.arn())
                    .isEqualTo("arn:aws:codebuild:eu-west-1:111122223333:project/web-app");
            assertThat(project.encryptionKey())
                    .isEqualTo("arn:aws:kms:eu-west-1:111122223333:alias/aws/s3");
            resourceAlreadyExists(
                    () -> codeBuild.createProject(minimal("web-app").build()),
                    "Project already exists:"
                            + " arn:aws:codebuild:eu-west-1:111122223333:project/web-app");
        }
    }

    @Nested
    class SdkMembers {

        private Map<String, SdkField<?>> projectFields() {
            return Project.builder().sdkFields().stream()
                    .collect(Collectors.toMap(SdkField::memberName, Function.identity()));
        }

        /** Guards the member-by-member copy against an SDK whose shapes drift apart. */
        @Test
        void everyRequestMemberButBadgeEnabledIsAProjectMemberOfTheSameKind() {
            Map<String, SdkField<?>> project = projectFields();

            List<List<SdkField<?>>> requests =
                    List.of(
                            CreateProjectRequest.builder().sdkFields(),
                            UpdateProjectRequest.builder().sdkFields());
            for (List<SdkField<?>> request : requests) {
                assertThat(request)
                        .filteredOn(field -> !field.memberName().equals("badgeEnabled"))
                        .isNotEmpty()
                        .allSatisfy(
                                field ->
                                        assertThat(project.get(field.memberName()))
                                                .as(field.memberName())
                                                .isNotNull()
                                                .extracting(SdkField::marshallingType)
                                                .isEqualTo(field.marshallingType()));
            }
        }
    }

    /** A CreateProject request that sets every member. */
    static CreateProjectRequest everything(String name) {
        return CreateProjectRequest.builder()
                .name(name)
                .description("The web application")
                .source(
                        ProjectSource.builder()
                                .type(SourceType.GITHUB)
                                .location("https://github.com/example/web-app.git")
                                .gitCloneDepth(1)
                                .gitSubmodulesConfig(
                                        GitSubmodulesConfig.builder().fetchSubmodules(true).build())
                                .buildspec("buildspec.yml")
                                .reportBuildStatus(true)
                                .build())
                .secondarySources(
                        ProjectSource.builder()
                                .type(SourceType.S3)
                                .location("assets-bucket/assets.zip")
                                .sourceIdentifier("assets")
                                .build())
                .sourceVersion("main")
                .secondarySourceVersions(
                        ProjectSourceVersion.builder()
                                .sourceIdentifier("assets")
                                .sourceVersion("v7")
                                .build())
                .artifacts(
                        ProjectArtifacts.builder()
                                .type(ArtifactsType.S3)
                                .location("artifact-bucket")
                                .path("web")
                                .namespaceType(ArtifactNamespace.BUILD_ID)
                                .name("web.zip")
                                .packaging(ArtifactPackaging.ZIP)
                                .build())
                .secondaryArtifacts(
                        ProjectArtifacts.builder()
                                .type(ArtifactsType.S3)
                                .location("report-bucket")
                                .artifactIdentifier("reports")
                                .build())
                .cache(
                        ProjectCache.builder()
                                .type(CacheType.LOCAL)
                                .modes(CacheMode.LOCAL_DOCKER_LAYER_CACHE)
                                .build())
                .environment(
                        ProjectEnvironment.builder()
                                .type(EnvironmentType.ARM_CONTAINER)
                                .image("aws/codebuild/amazonlinux2-aarch64-standard:3.0")
                                .computeType(ComputeType.BUILD_GENERAL1_LARGE)
                                .privilegedMode(true)
                                .environmentVariables(
                                        EnvironmentVariable.builder()
                                                .name("STAGE")
                                                .value("prod")
                                                .build(),
                                        EnvironmentVariable.builder()
                                                .name("TOKEN")
                                                .value("/web/token")
                                                .type(EnvironmentVariableType.PARAMETER_STORE)
                                                .build())
                                .build())
                .serviceRole(SERVICE_ROLE)
                .timeoutInMinutes(15)
                .queuedTimeoutInMinutes(30)
                .encryptionKey("arn:aws:kms:us-east-1:123456789012:key/web-key")
                .tags(
                        Tag.builder().key("team").value("web").build(),
                        Tag.builder().key("cost-center").value("").build())
                .vpcConfig(
                        VpcConfig.builder()
                                .vpcId("vpc-0abc")
                                .subnets("subnet-1", "subnet-2")
                                .securityGroupIds("sg-1")
                                .build())
                .badgeEnabled(true)
                .logsConfig(
                        LogsConfig.builder()
                                .cloudWatchLogs(
                                        CloudWatchLogsConfig.builder()
                                                .status(LogsConfigStatusType.ENABLED)
                                                .groupName("/codebuild/web")
                                                .build())
                                .s3Logs(
                                        S3LogsConfig.builder()
                                                .status(LogsConfigStatusType.ENABLED)
                                                .location("log-bucket/web")
                                                .build())
                                .build())
                .fileSystemLocations(
                        ProjectFileSystemLocation.builder()
                                .type(FileSystemType.EFS)
                                .location("fs-1.efs.us-east-1.amazonaws.com:/")
                                .mountPoint("/mnt/efs")
                                .identifier("shared")
                                .build())
                .buildBatchConfig(
                        ProjectBuildBatchConfig.builder()
                                .serviceRole(SERVICE_ROLE)
                                .combineArtifacts(false)
                                .restrictions(
                                        BatchRestrictions.builder()
                                                .maximumBuildsAllowed(10)
                                                .computeTypesAllowed("BUILD_GENERAL1_SMALL")
                                                .build())
                                .timeoutInMins(120)
                                .build())
                .concurrentBuildLimit(3)
                .autoRetryLimit(2)
                .build();
    }
}
