package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.BuildSummary;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** FakeCodeBuildState.addBuild with a buildBatchArn: the build joins the batch. */
@FakeCodeBuild
class BuildJoinsBatchTest {

    private BuildBatch batch;

    @BeforeEach
    void addProjectsAndBatch(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
        batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
    }

    @Test
    void joinsInANewGroupPerBuild(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build first =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(batch.arn())
                                        .buildStatus(StatusType.SUCCEEDED));
        Build second = state.addBuild(b -> b.projectName("web-app").buildBatchArn(batch.arn()));

        BuildBatch joined = state.buildBatch(batch.id()).orElseThrow();

        assertThat(first.buildBatchArn()).isEqualTo(batch.arn());
        assertThat(state.build(second.id()).orElseThrow().buildBatchArn()).isEqualTo(batch.arn());
        assertThat(joined.buildGroups())
                .containsExactly(
                        BuildGroup.builder()
                                .identifier("build1")
                                .ignoreFailure(false)
                                .currentBuildSummary(
                                        BuildSummary.builder()
                                                .arn(first.arn())
                                                .requestedOn(first.startTime())
                                                .buildStatus(StatusType.SUCCEEDED)
                                                .build())
                                .build(),
                        BuildGroup.builder()
                                .identifier("build2")
                                .ignoreFailure(false)
                                .currentBuildSummary(
                                        BuildSummary.builder()
                                                .arn(second.arn())
                                                .requestedOn(second.startTime())
                                                .buildStatus(StatusType.IN_PROGRESS)
                                                .build())
                                .build());
        assertThat(joined.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(codeBuild.batchGetBuildBatches(r -> r.ids(batch.id())).buildBatches())
                .containsExactly(joined);
    }

    @Test
    void finishingAJoinedBuildShowsInItsGroup(FakeCodeBuildState state) {
        Build build = state.addBuild(b -> b.projectName("web-app").buildBatchArn(batch.arn()));

        Build failed = state.finishBuild(build.id(), StatusType.FAILED);

        BuildSummary summary =
                state.buildBatch(batch.id())
                        .orElseThrow()
                        .buildGroups()
                        .get(0)
                        .currentBuildSummary();
        assertThat(summary.arn()).isEqualTo(failed.arn());
        assertThat(summary.buildStatus()).isEqualTo(StatusType.FAILED);
        assertThat(state.buildBatch(batch.id()).orElseThrow().buildBatchStatus())
                .as("the batch goes on until it is finished itself")
                .isEqualTo(StatusType.IN_PROGRESS);
    }

    @Test
    void aBuildWithoutBatchArnJoinsNothing(FakeCodeBuildState state) {
        state.addBuild("web-app", StatusType.SUCCEEDED);

        assertThat(state.buildBatch(batch.id()).orElseThrow().hasBuildGroups()).isFalse();
    }

    @Test
    void anUnknownBatchArnIsRefused(FakeCodeBuildState state) {
        String arn = batch.arn() + "0";

        assertThatThrownBy(() -> state.addBuild(b -> b.projectName("web-app").buildBatchArn(arn)))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "No build batch of project \"web-app\" has the ARN \""
                                + arn
                                + "\": add the batch first");
        assertThat(state.builds()).isEmpty();
    }

    @Test
    void aBatchOfAnotherProjectIsRefused(FakeCodeBuildState state) {
        assertThatThrownBy(
                        () -> state.addBuild(b -> b.projectName("api").buildBatchArn(batch.arn())))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "No build batch of project \"api\" has the ARN \""
                                + batch.arn()
                                + "\": add the batch first");
        assertThat(state.buildBatch(batch.id())).contains(batch);
    }
}
