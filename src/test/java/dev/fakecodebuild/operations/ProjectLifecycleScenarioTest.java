package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.Tag;

/**
 * A project's life as a user's code lives it: created through the API, tuned, found in the listing,
 * fetched by the ARN CodeBuild gave it, and deleted.
 */
@FakeCodeBuild
class ProjectLifecycleScenarioTest {

    private static final Tag TEAM = Tag.builder().key("team").value("web").build();
    private static final Tag TIER = Tag.builder().key("tier").value("gold").build();

    @Test
    void createUpdateListFetchByArnAndDelete(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var source =
                ProjectSource.builder()
                        .type(SourceType.GITHUB)
                        .location("https://github.com/example/web-app.git")
                        .build();
        var environment =
                ProjectEnvironment.builder()
                        .type(EnvironmentType.LINUX_CONTAINER)
                        .image("aws/codebuild/standard:7.0")
                        .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                        .build();

        Project created =
                codeBuild
                        .createProject(
                                r ->
                                        r.name("web-app")
                                                .description("Builds the web application")
                                                .source(source)
                                                .artifacts(a -> a.type(ArtifactsType.NO_ARTIFACTS))
                                                .environment(environment)
                                                .serviceRole(Projects.SERVICE_ROLE)
                                                .tags(TEAM))
                        .project();

        Project updated =
                codeBuild
                        .updateProject(
                                r -> r.name("web-app").timeoutInMinutes(120).tags(TEAM, TIER))
                        .project();

        List<String> listed = codeBuild.listProjectsPaginator().projects().stream().toList();

        var fetched = codeBuild.batchGetProjects(r -> r.names(created.arn()));

        codeBuild.deleteProject(r -> r.name("web-app"));

        var afterDelete = codeBuild.batchGetProjects(r -> r.names(created.arn()));

        assertThat(created.arn())
                .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/web-app");
        assertThat(created.timeoutInMinutes()).isEqualTo(60);
        assertThat(updated.timeoutInMinutes()).isEqualTo(120);
        assertThat(updated.tags()).containsExactly(TEAM, TIER);
        assertThat(updated.description()).isEqualTo("Builds the web application");
        assertThat(updated.lastModified()).isAfter(created.lastModified());
        assertThat(listed).containsExactly("web-app");
        assertThat(fetched.projects()).containsExactly(updated);
        assertThat(fetched.projectsNotFound()).isEmpty();
        assertThat(afterDelete.projects()).isEmpty();
        assertThat(afterDelete.projectsNotFound()).containsExactly(created.arn());
        assertThat(codeBuild.listProjects().projects()).isEmpty();
        assertThat(state.calls())
                .extracting(call -> call.operation() + " " + call.statusCode())
                .containsExactly(
                        "CreateProject 200",
                        "UpdateProject 200",
                        "ListProjects 200",
                        "BatchGetProjects 200",
                        "DeleteProject 200",
                        "BatchGetProjects 200",
                        "ListProjects 200");
    }
}
