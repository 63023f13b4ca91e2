package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.CreateProjectTest.DEFAULT_LOGS;
import static dev.fakecodebuild.operations.Projects.minimal;
import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;

/** What UpdateProject changes, what it keeps, and what it refuses. */
@FakeCodeBuild
class UpdateProjectTest {

    private static final String ARN = "arn:aws:codebuild:us-east-1:123456789012:project/web-app";

    private Project created;

    @BeforeEach
    void createTheFullProject(CodeBuildClient codeBuild) {
        created = codeBuild.createProject(CreateProjectTest.everything("web-app")).project();
    }

    private static Tag tag(String key, String value) {
        return Tag.builder().key(key).value(value).build();
    }

    @Nested
    class WhatChanges {

        @Test
        void onlyTheMembersGivenChange(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Project updated =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .description("Renamed in spirit")
                                                    .timeoutInMinutes(90)
                                                    .environment(
                                                            created.environment().toBuilder()
                                                                    .computeType(
                                                                            ComputeType
                                                                                    .BUILD_GENERAL1_SMALL)
                                                                    .build()))
                            .project();

            assertThat(updated)
                    .isEqualTo(
                            created.toBuilder()
                                    .description("Renamed in spirit")
                                    .timeoutInMinutes(90)
                                    .environment(
                                            created.environment().toBuilder()
                                                    .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                                                    .build())
                                    .lastModified(updated.lastModified())
                                    .build());
            assertThat(state.project("web-app")).contains(updated);
        }

        @Test
        void lastModifiedAdvancesAndNameArnAndCreatedStay(CodeBuildClient codeBuild) {
            Project first = codeBuild.updateProject(r -> r.name("web-app")).project();
            Project second =
                    codeBuild.updateProject(r -> r.name("web-app").description("x")).project();

            assertThat(first.lastModified()).isAfter(created.lastModified());
            assertThat(second.lastModified()).isAfter(first.lastModified());
            assertThat(List.of(first, second))
                    .allSatisfy(
                            project -> {
                                assertThat(project.name()).isEqualTo("web-app");
                                assertThat(project.arn()).isEqualTo(ARN);
                                assertThat(project.created()).isEqualTo(created.created());
                            });
        }

        @Test
        void anUpdateWithOnlyTheNameChangesOnlyLastModified(CodeBuildClient codeBuild) {
            Project updated = codeBuild.updateProject(r -> r.name("web-app")).project();

            assertThat(updated)
                    .isEqualTo(created.toBuilder().lastModified(updated.lastModified()).build());
        }

        @Test
        void tagsGivenReplaceAllTags(CodeBuildClient codeBuild) {
            Project updated =
                    codeBuild
                            .updateProject(r -> r.name("web-app").tags(tag("owner", "alice")))
                            .project();

            assertThat(created.tags()).hasSize(2);
            assertThat(updated.tags()).containsExactly(tag("owner", "alice"));
        }

        @Test
        void anEmptyTagListRemovesEveryTag(CodeBuildClient codeBuild) {
            Project updated =
                    codeBuild.updateProject(r -> r.name("web-app").tags(List.of())).project();

            assertThat(updated.tags()).isEmpty();
        }

        @Test
        void listsGivenReplaceTheOldList(CodeBuildClient codeBuild) {
            var otherSource =
                    ProjectSource.builder()
                            .type(SourceType.S3)
                            .location("other-bucket/other.zip")
                            .sourceIdentifier("other")
                            .build();

            Project updated =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .secondarySources(otherSource)
                                                    .secondaryArtifacts(List.of()))
                            .project();

            assertThat(updated.secondarySources()).containsExactly(otherSource);
            assertThat(updated.secondaryArtifacts()).isEmpty();
            assertThat(updated.secondarySourceVersions())
                    .isEqualTo(created.secondarySourceVersions());
            assertThat(updated.fileSystemLocations()).isEqualTo(created.fileSystemLocations());
        }

        @Test
        void aNestedMemberGivenReplacesTheWholeStructure(CodeBuildClient codeBuild) {
            Project updated =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .environment(
                                                            e ->
                                                                    e.type("LINUX_CONTAINER")
                                                                            .image("node:20")
                                                                            .computeType(
                                                                                    "BUILD_GENERAL1_SMALL")))
                            .project();

            assertThat(updated.environment().image()).isEqualTo("node:20");
            assertThat(updated.environment().privilegedMode()).isNull();
            assertThat(updated.environment().hasEnvironmentVariables()).isFalse();
        }

        @Test
        void environmentVariablesAreReturnedAsGiven(CodeBuildClient codeBuild) {
            var variables =
                    List.of(
                            EnvironmentVariable.builder().name("B").value("2").build(),
                            EnvironmentVariable.builder().name("A").value("").build());

            Project updated =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .environment(
                                                            created.environment().toBuilder()
                                                                    .environmentVariables(variables)
                                                                    .build()))
                            .project();

            assertThat(updated.environment().environmentVariables())
                    .containsExactlyElementsOf(variables);
        }

        @Test
        void badgeEnabledSetsTheBadge(CodeBuildClient codeBuild) {
            Project off =
                    codeBuild.updateProject(r -> r.name("web-app").badgeEnabled(false)).project();
            Project kept = codeBuild.updateProject(r -> r.name("web-app")).project();
            Project on =
                    codeBuild.updateProject(r -> r.name("web-app").badgeEnabled(true)).project();

            assertThat(created.badge().badgeEnabled()).isTrue();
            assertThat(off.badge().badgeEnabled()).isFalse();
            assertThat(kept.badge().badgeEnabled()).isFalse();
            assertThat(on.badge().badgeEnabled()).isTrue();
        }

        @Test
        void logsGivenReplaceTheOldWithDefaultsForWhatIsLeftOut(CodeBuildClient codeBuild) {
            Project updated =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .logsConfig(
                                                            l ->
                                                                    l.s3Logs(
                                                                            s ->
                                                                                    s.status(
                                                                                            "DISABLED"))))
                            .project();

            assertThat(updated.logsConfig())
                    .isEqualTo(
                            LogsConfig.builder()
                                    .cloudWatchLogs(DEFAULT_LOGS.cloudWatchLogs())
                                    .s3Logs(s -> s.status("DISABLED"))
                                    .build());
        }

        @Test
        void concurrentBuildLimitMinusOneRemovesTheLimit(CodeBuildClient codeBuild) {
            Project five =
                    codeBuild
                            .updateProject(r -> r.name("web-app").concurrentBuildLimit(5))
                            .project();
            Project none =
                    codeBuild
                            .updateProject(r -> r.name("web-app").concurrentBuildLimit(-1))
                            .project();

            assertThat(created.concurrentBuildLimit()).isEqualTo(3);
            assertThat(five.concurrentBuildLimit()).isEqualTo(5);
            assertThat(none.concurrentBuildLimit()).isNull();
        }

        @Test
        void aSeededProjectCanBeUpdated(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Project seeded = state.addProject("api");

            Project updated =
                    codeBuild.updateProject(r -> r.name("api").serviceRole("role")).project();

            assertThat(updated)
                    .isEqualTo(
                            seeded.toBuilder()
                                    .serviceRole("role")
                                    .lastModified(updated.lastModified())
                                    .build());
        }

        @Test
        void recordsTheRequest(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = UpdateProjectRequest.builder().name("web-app").autoRetryLimit(0).build();

            codeBuild.updateProject(request);

            assertThat(state.requests(UpdateProjectRequest.class)).containsExactly(request);
        }
    }

    @Nested
    class WhatItRefuses {

        @Test
        void unknownProjectIsNotFound(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            resourceNotFound(
                    () -> codeBuild.updateProject(r -> r.name("ghost").description("x")),
                    "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/ghost");
            assertThat(state.projects()).containsExactly(created);
        }

        @Test
        void aDeletedProjectIsNotFound(CodeBuildClient codeBuild) {
            codeBuild.deleteProject(r -> r.name("web-app"));

            resourceNotFound(
                    () -> codeBuild.updateProject(r -> r.name("web-app")),
                    "Project cannot be found: " + ARN);
        }

        @Test
        void aSourceWithoutLocationIsRefusedAndNothingChanges(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            invalidInput(
                    () ->
                            codeBuild.updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .description("never stored")
                                                    .source(s -> s.type(SourceType.GITHUB))),
                    "Project source location is required");
            assertThat(state.projects()).containsExactly(created);
        }

        @Test
        void noArtifactsWithALocationIsRefused(CodeBuildClient codeBuild) {
            invalidInput(
                    () ->
                            codeBuild.updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .artifacts(
                                                            a ->
                                                                    a.type(
                                                                                    ArtifactsType
                                                                                            .NO_ARTIFACTS)
                                                                            .location("bucket"))),
                    "Invalid artifacts: artifact type NO_ARTIFACTS should have null location");
        }

        @Test
        void aCodePipelineSourceMustGoWithTheArtifactsTheProjectHas(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            // The project's artifacts are S3: a CodePipeline source alone cannot go with them.
            invalidInput(
                    () ->
                            codeBuild.updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .source(s -> s.type(SourceType.CODEPIPELINE))),
                    "Invalid input: when using CodePipeline both sourceType, and artifactType must"
                            + " be set to: CODEPIPELINE");

            Project both =
                    codeBuild
                            .updateProject(
                                    r ->
                                            r.name("web-app")
                                                    .source(s -> s.type(SourceType.CODEPIPELINE))
                                                    .artifacts(
                                                            a ->
                                                                    a.type(
                                                                            ArtifactsType
                                                                                    .CODEPIPELINE)))
                            .project();

            assertThat(both.source().type()).isEqualTo(SourceType.CODEPIPELINE);
            assertThat(both.artifacts().type()).isEqualTo(ArtifactsType.CODEPIPELINE);
        }

        @Test
        void membersNotGivenAreNotChecked(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            // Seeded as CodeBuild would never store it; an update of other members keeps it.
            state.addProject(
                    p ->
                            p.name("odd")
                                    .source(s -> s.type(SourceType.GITHUB))
                                    .artifacts(a -> a.type("NO_ARTIFACTS").location("x")));

            Project updated =
                    codeBuild.updateProject(r -> r.name("odd").description("fine")).project();

            assertThat(updated.description()).isEqualTo("fine");
        }

        @Test
        void anUpdateDoesNotCreateAProject(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            resourceNotFound(
                    () -> codeBuild.updateProject(minimalUpdate("api")),
                    "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/api");
            assertThat(state.project("api")).isEmpty();
        }
    }

    private static UpdateProjectRequest minimalUpdate(String name) {
        var create = minimal(name).build();
        return UpdateProjectRequest.builder()
                .name(name)
                .source(create.source())
                .artifacts(create.artifacts())
                .environment(create.environment())
                .serviceRole(create.serviceRole())
                .build();
    }
}
