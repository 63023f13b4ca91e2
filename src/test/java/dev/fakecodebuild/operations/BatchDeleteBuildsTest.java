package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildNotDeleted;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** BatchDeleteBuilds: finished builds go, running and unknown ones are reported. */
@FakeCodeBuild
class BatchDeleteBuildsTest {

    private static final String UNKNOWN = "web-app:00000000-0000-4000-8000-000000000000";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    private static BuildNotDeleted notDeleted(String id, String statusCode) {
        return BuildNotDeleted.builder().id(id).statusCode(statusCode).build();
    }

    @Test
    void deletesFinishedBuildsAndReportsTheOthers(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build succeeded = state.addBuild("web-app", StatusType.SUCCEEDED);
        Build running = state.addBuild("web-app", StatusType.IN_PROGRESS);
        Build failed = state.addBuild("web-app", StatusType.FAILED);

        var response =
                codeBuild.batchDeleteBuilds(
                        r -> r.ids(running.id(), failed.id(), UNKNOWN, succeeded.id()));

        assertThat(response.buildsDeleted()).containsExactly(failed.arn(), succeeded.arn());
        assertThat(response.buildsNotDeleted())
                .containsExactly(
                        notDeleted(running.arn(), "BUILD_IN_PROGRESS"),
                        notDeleted(UNKNOWN, "BUILD_NOT_FOUND"));
        assertThat(state.builds()).containsExactly(running);
        assertThat(state.build(failed.id())).isEmpty();
        assertThat(codeBuild.batchGetBuilds(r -> r.ids(failed.id())).buildsNotFound())
                .containsExactly(failed.id());
    }

    @Test
    void anIdSentTwiceIsDeletedOnce(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build build = state.addBuild("web-app", StatusType.SUCCEEDED);

        var response = codeBuild.batchDeleteBuilds(r -> r.ids(build.id(), build.id()));

        assertThat(response.buildsDeleted()).containsExactly(build.arn());
        assertThat(response.buildsNotDeleted()).isEmpty();
    }

    @Test
    void deletingAgainReportsTheBuildAsNotFound(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build build = state.addBuild("web-app", StatusType.SUCCEEDED);
        codeBuild.batchDeleteBuilds(r -> r.ids(build.id()));

        var response = codeBuild.batchDeleteBuilds(r -> r.ids(build.id()));

        assertThat(response.buildsDeleted()).isEmpty();
        assertThat(response.buildsNotDeleted())
                .containsExactly(notDeleted(build.id(), "BUILD_NOT_FOUND"));
    }

    @Test
    void numbersAreNotGivenOutAgainAfterADelete(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        for (int i = 0; i < 3; i++) {
            Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();
            state.finishBuild(build.id(), StatusType.SUCCEEDED);
        }
        Build third = state.builds().get(2);
        assertThat(third.buildNumber()).isEqualTo(3L);

        codeBuild.batchDeleteBuilds(r -> r.ids(third.id()));
        Build next = codeBuild.startBuild(r -> r.projectName("web-app")).build();

        assertThat(next.buildNumber()).isEqualTo(4L);
        assertThat(codeBuild.listBuildsForProject(r -> r.projectName("web-app")).ids())
                .containsExactly(next.id(), state.builds().get(1).id(), state.builds().get(0).id());
    }

    @Test
    void aDeletedBuildLeavesTheListings(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build kept = state.addBuild("web-app", StatusType.SUCCEEDED);
        Build deleted = state.addBuild("web-app", StatusType.SUCCEEDED);

        codeBuild.batchDeleteBuilds(r -> r.ids(deleted.id()));

        assertThat(codeBuild.listBuilds().ids()).containsExactly(kept.id());
        assertThat(codeBuild.listBuildsForProject(r -> r.projectName("web-app")).ids())
                .containsExactly(kept.id());
    }
}
