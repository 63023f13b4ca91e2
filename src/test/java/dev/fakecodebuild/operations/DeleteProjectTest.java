package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.Projects.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectRequest;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** What DeleteProject removes and what it keeps. */
@FakeCodeBuild
class DeleteProjectTest {

    @Test
    void removesTheProjectAndOnlyIt(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");
        Project api = state.addProject("api");

        var response = codeBuild.deleteProject(r -> r.name("web-app"));

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(state.projects()).containsExactly(api);
        assertThat(codeBuild.listProjects().projects()).containsExactly("api");
    }

    @Test
    void anUnknownNameSucceedsAsOnAws(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Project api = state.addProject("api");
        var request = DeleteProjectRequest.builder().name("ghost").build();

        var response = codeBuild.deleteProject(request);

        assertThat(response.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(state.projects()).containsExactly(api);
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.operation()).isEqualTo("DeleteProject");
                            assertThat(call.statusCode()).isEqualTo(200);
                            assertThat(call.errorCode()).isEmpty();
                            assertThat(call.request()).contains(request);
                        });
    }

    @Test
    void deletingTwiceSucceedsTwice(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");

        codeBuild.deleteProject(r -> r.name("web-app"));
        codeBuild.deleteProject(r -> r.name("web-app"));

        assertThat(state.projects()).isEmpty();
    }

    @Test
    void namesAreCaseSensitive(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Project webApp = state.addProject("web-app");

        codeBuild.deleteProject(r -> r.name("Web-App"));

        assertThat(state.projects()).containsExactly(webApp);
    }

    @Test
    void buildsAndBatchesOfTheProjectStayReadable(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        Build build = state.addBuild("web-app", StatusType.FAILED);

        codeBuild.deleteProject(r -> r.name("web-app"));

        assertThat(state.project("web-app")).isEmpty();
        assertThat(state.buildBatches()).containsExactly(batch);
        assertThat(state.builds()).containsExactly(build);
    }

    @Test
    void aDeletedNameCanBeCreatedAgain(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Project first =
                codeBuild.createProject(minimal("web-app").description("one").build()).project();
        codeBuild.deleteProject(r -> r.name("web-app"));

        Project second =
                codeBuild.createProject(minimal("web-app").description("two").build()).project();

        assertThat(second.arn()).isEqualTo(first.arn());
        assertThat(second.created()).isAfter(first.created());
        assertThat(state.projects()).containsExactly(second);
    }

    @Test
    void aNameCreatedAgainGoesOnNumberingWhereTheDeletedProjectStopped(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");
        Build old = state.addBuild("web-app", StatusType.SUCCEEDED);
        BuildBatch oldBatch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        codeBuild.deleteProject(r -> r.name("web-app"));
        codeBuild.createProject(minimal("web-app").build());

        Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();
        BuildBatch batch = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

        assertThat(old.buildNumber()).isEqualTo(1L);
        assertThat(oldBatch.buildBatchNumber()).isEqualTo(1L);
        assertThat(build.buildNumber()).isEqualTo(2L);
        assertThat(batch.buildBatchNumber()).isEqualTo(2L);
        assertThat(codeBuild.listBuildsForProject(r -> r.projectName("web-app")).ids())
                .containsExactly(build.id());
    }
}
