package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.DeleteBuildBatchResponse;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** DeleteBuildBatch: a finished batch goes with its builds; the rest is refused. */
@FakeCodeBuild
class DeleteBuildBatchTest {

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void deletesAFinishedBatchWithItsBuilds(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
        Build first = state.addBuild(b -> b.projectName("web-app").buildBatchArn(started.arn()));
        Build second = state.addBuild(b -> b.projectName("web-app").buildBatchArn(started.arn()));
        Build unrelated = state.addBuild("web-app", StatusType.SUCCEEDED);
        BuildBatch other = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        state.finishBuildBatch(started.id(), StatusType.SUCCEEDED);

        DeleteBuildBatchResponse response = codeBuild.deleteBuildBatch(r -> r.id(started.id()));

        assertThat(response.statusCode()).isEqualTo("BATCH_DELETED");
        assertThat(response.buildsDeleted()).containsExactly(first.arn(), second.arn());
        assertThat(response.buildsNotDeleted()).isEmpty();
        assertThat(response.hasBuildsNotDeleted()).isTrue();
        assertThat(state.buildBatches()).containsExactly(other);
        assertThat(state.builds()).extracting(Build::id).containsExactly(unrelated.id());
        assertThat(codeBuild.batchGetBuildBatches(r -> r.ids(started.id())).buildBatchesNotFound())
                .containsExactly(started.id());
        assertThat(codeBuild.listBuildBatches(r -> {}).ids()).containsExactly(other.id());
    }

    @Test
    void deletesTheEarlierBuildsOfARetriedBatchToo(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
        Build first = state.addBuild(b -> b.projectName("web-app").buildBatchArn(started.arn()));
        state.finishBuildBatch(started.id(), StatusType.FAILED);
        BuildBatch retried = codeBuild.retryBuildBatch(r -> r.id(started.id())).buildBatch();
        String rerunArn = retried.buildGroups().get(0).currentBuildSummary().arn();
        state.finishBuildBatch(started.id(), StatusType.FAULT);

        DeleteBuildBatchResponse response = codeBuild.deleteBuildBatch(r -> r.id(started.id()));

        assertThat(response.buildsDeleted()).containsExactly(first.arn(), rerunArn);
        assertThat(state.builds()).isEmpty();
    }

    @Test
    void aSeededBatchWithoutBuildsDeletesNoBuild(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch seeded = state.addBuildBatch("web-app", StatusType.STOPPED);

        DeleteBuildBatchResponse response = codeBuild.deleteBuildBatch(r -> r.id(seeded.id()));

        assertThat(response.statusCode()).isEqualTo("BATCH_DELETED");
        assertThat(response.buildsDeleted()).isEmpty();
        assertThat(response.hasBuildsDeleted()).isTrue();
        assertThat(state.buildBatches()).isEmpty();
    }

    @Test
    void aRunningBatchIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

        invalidInput(
                () -> codeBuild.deleteBuildBatch(r -> r.id(started.id())),
                "Build batch " + started.id() + " is in progress: stop it before deleting it");
        assertThat(state.buildBatch(started.id())).contains(started);
    }

    @Test
    void anUnknownIdIsInvalidInput(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.deleteBuildBatch(r -> r.id("web-app:nope")),
                "Build batch cannot be found: web-app:nope");
    }

    @Test
    void aDeletedBatchIsGoneForASecondDelete(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch seeded = state.addBuildBatch("web-app", StatusType.FAILED);
        codeBuild.deleteBuildBatch(r -> r.id(seeded.id()));

        invalidInput(
                () -> codeBuild.deleteBuildBatch(r -> r.id(seeded.id())),
                "Build batch cannot be found: " + seeded.id());
    }
}
