package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesResponse;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** BatchGetBuildBatches: found batches in request order, the others as sent. */
@FakeCodeBuild
class BatchGetBuildBatchesTest {

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
    }

    @Test
    void answersFoundBatchesInRequestOrderAndUnknownIdsAsSent(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch first = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        BuildBatch second = state.addBuildBatch("api", StatusType.FAILED);
        BuildBatch third = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
        String upperCase = first.id().toUpperCase(Locale.ROOT);

        BatchGetBuildBatchesResponse response =
                codeBuild.batchGetBuildBatches(
                        r ->
                                r.ids(
                                        third.id(),
                                        "web-app:nope",
                                        first.id(),
                                        upperCase,
                                        second.id(),
                                        first.arn()));

        assertThat(response.buildBatches()).containsExactly(third, first, second);
        assertThat(response.buildBatchesNotFound())
                .containsExactly("web-app:nope", upperCase, first.arn());
    }

    @Test
    void anEmptyListAnswersTwoEmptyLists(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        BatchGetBuildBatchesResponse response =
                codeBuild.batchGetBuildBatches(r -> r.ids(List.of()));

        assertThat(response.buildBatches()).isEmpty();
        assertThat(response.hasBuildBatches()).isTrue();
        assertThat(response.buildBatchesNotFound()).isEmpty();
        assertThat(response.hasBuildBatchesNotFound()).isTrue();
    }

    @Test
    void aRepeatedIdIsAnsweredOnceAtItsFirstPosition(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch first = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        BuildBatch second = state.addBuildBatch("web-app", StatusType.FAILED);

        BatchGetBuildBatchesResponse response =
                codeBuild.batchGetBuildBatches(
                        r -> r.ids(second.id(), "ghost", first.id(), second.id(), "ghost"));

        assertThat(response.buildBatches()).containsExactly(second, first);
        assertThat(response.buildBatchesNotFound()).containsExactly("ghost");
    }

    @Test
    void showsTheBuildsOfABatchWhichPointBackToIt(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
        Build linux =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(started.arn())
                                        .buildStatus(StatusType.SUCCEEDED));
        Build windows = state.addBuild(b -> b.projectName("web-app").buildBatchArn(started.arn()));

        BuildBatch batch =
                codeBuild.batchGetBuildBatches(r -> r.ids(started.id())).buildBatches().get(0);

        assertThat(batch.buildGroups())
                .extracting(BuildGroup::identifier)
                .containsExactly("build1", "build2");
        assertThat(batch.buildGroups())
                .extracting(group -> group.currentBuildSummary().arn())
                .containsExactly(linux.arn(), windows.arn());
        assertThat(batch.buildGroups())
                .extracting(group -> group.currentBuildSummary().buildStatus())
                .containsExactly(StatusType.SUCCEEDED, StatusType.IN_PROGRESS);
        assertThat(batch.buildGroups())
                .extracting(group -> group.currentBuildSummary().requestedOn())
                .containsExactly(linux.startTime(), windows.startTime());
        for (BuildGroup group : batch.buildGroups()) {
            String buildId = group.currentBuildSummary().arn().split("/", 2)[1];
            assertThat(state.build(buildId))
                    .hasValueSatisfying(
                            build -> assertThat(build.buildBatchArn()).isEqualTo(started.arn()));
        }
    }

    @Test
    void showsAFinishedBatchWithItsPhases(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("api")).buildBatch();
        BuildBatch finished = state.finishBuildBatch(started.id(), StatusType.FAILED);

        BatchGetBuildBatchesResponse response =
                codeBuild.batchGetBuildBatches(r -> r.ids(started.id()));

        assertThat(response.buildBatches()).containsExactly(finished);
        assertThat(response.buildBatches().get(0).phases()).hasSize(4);
        assertThat(response.buildBatchesNotFound()).isEmpty();
    }
}
