package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhase;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.BuildSummary;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** RetryBuildBatch: which builds run again, the batch it answers, and what it refuses. */
@FakeCodeBuild
class RetryBuildBatchTest {

    private BuildBatch failed;
    private Build succeededBuild;
    private Build failedBuild;

    /** A batch started through the API, with one build that succeeded and one that failed. */
    @BeforeEach
    void failABatch(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("web-app");
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
        succeededBuild =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(started.arn())
                                        .buildStatus(StatusType.SUCCEEDED));
        failedBuild =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(started.arn())
                                        .buildStatus(StatusType.FAILED));
        failed = state.finishBuildBatch(started.id(), StatusType.FAILED);
    }

    private static BuildSummary current(BuildBatch batch, int group) {
        return batch.buildGroups().get(group).currentBuildSummary();
    }

    private static String buildId(BuildSummary summary) {
        return summary.arn().split("/", 2)[1];
    }

    @Test
    void retriesEveryBuildByDefault(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch retried = codeBuild.retryBuildBatch(r -> r.id(failed.id())).buildBatch();

        assertThat(retried.id()).isEqualTo(failed.id());
        assertThat(retried.buildBatchNumber()).isEqualTo(failed.buildBatchNumber());
        assertThat(retried.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(retried.complete()).isFalse();
        assertThat(retried.currentPhase()).isEqualTo("SUBMITTED");
        assertThat(retried.endTime()).isNull();
        assertThat(retried.startTime()).isEqualTo(failed.startTime());
        List<BuildBatchPhase> earlier = failed.phases();
        assertThat(retried.phases()).hasSize(earlier.size() + 1);
        assertThat(retried.phases().subList(0, earlier.size() - 1))
                .isEqualTo(earlier.subList(0, earlier.size() - 1));
        BuildBatchPhase closed = retried.phases().get(earlier.size() - 1);
        assertThat(closed.phaseType()).isEqualTo(BuildBatchPhaseType.FAILED);
        assertThat(closed.phaseStatus()).isEqualTo(StatusType.FAILED);
        assertThat(closed.startTime()).isEqualTo(failed.endTime());
        assertThat(closed.endTime()).isAfterOrEqualTo(failed.endTime());
        BuildBatchPhase submitted = retried.phases().get(earlier.size());
        assertThat(submitted.phaseType()).isEqualTo(BuildBatchPhaseType.SUBMITTED);
        assertThat(submitted.startTime()).isEqualTo(closed.endTime());
        assertThat(submitted.phaseStatus()).isNull();
        assertThat(submitted.endTime()).isNull();
        assertThat(retried.buildGroups())
                .extracting(BuildGroup::priorBuildSummaryList)
                .containsExactly(List.of(current(failed, 0)), List.of(current(failed, 1)));
        for (int group = 0; group < 2; group++) {
            BuildSummary summary = current(retried, group);
            assertThat(summary.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
            Build rerun = state.build(buildId(summary)).orElseThrow();
            assertThat(rerun.buildBatchArn()).isEqualTo(failed.arn());
            assertThat(rerun.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
        }
        assertThat(state.builds()).hasSize(4);
        assertThat(state.buildBatch(failed.id())).contains(retried);
    }

    @Test
    void retryAllBuildsRetriesTheSucceededOnesToo(CodeBuildClient codeBuild) {
        BuildBatch retried =
                codeBuild
                        .retryBuildBatch(
                                r ->
                                        r.id(failed.id())
                                                .retryType(RetryBuildBatchType.RETRY_ALL_BUILDS))
                        .buildBatch();

        assertThat(current(retried, 0).arn()).isNotEqualTo(succeededBuild.arn());
        assertThat(current(retried, 1).arn()).isNotEqualTo(failedBuild.arn());
    }

    @ParameterizedTest
    @EnumSource(names = {"RETRY_ALL_BUILDS", "RETRY_FAILED_BUILDS"})
    void aGroupWhoseFailedBuildWasDeletedRunsAgain(
            RetryBuildBatchType retryType, CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.batchDeleteBuilds(r -> r.ids(failedBuild.id()));

        BuildBatch retried =
                codeBuild.retryBuildBatch(r -> r.id(failed.id()).retryType(retryType)).buildBatch();

        BuildGroup group = retried.buildGroups().get(1);
        assertThat(group.priorBuildSummaryList()).containsExactly(current(failed, 1));
        assertThat(group.currentBuildSummary().buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
        Build rerun = state.build(buildId(group.currentBuildSummary())).orElseThrow();
        assertThat(rerun.buildBatchArn()).isEqualTo(failed.arn());
        assertThat(rerun.projectName()).isEqualTo("web-app");
        assertThat(rerun.buildNumber())
                .isEqualTo(retryType == RetryBuildBatchType.RETRY_ALL_BUILDS ? 4L : 3L);
    }

    @Test
    void retryFailedBuildsKeepsTheSucceededOnes(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch retried =
                codeBuild
                        .retryBuildBatch(
                                r ->
                                        r.id(failed.id())
                                                .retryType(RetryBuildBatchType.RETRY_FAILED_BUILDS))
                        .buildBatch();

        assertThat(retried.buildGroups().get(0)).isEqualTo(failed.buildGroups().get(0));
        BuildGroup rerunGroup = retried.buildGroups().get(1);
        assertThat(rerunGroup.priorBuildSummaryList()).containsExactly(current(failed, 1));
        assertThat(rerunGroup.currentBuildSummary().arn()).isNotEqualTo(failedBuild.arn());
        assertThat(
                        state.build(buildId(rerunGroup.currentBuildSummary()))
                                .orElseThrow()
                                .buildStatus())
                .isEqualTo(StatusType.IN_PROGRESS);
        assertThat(state.builds()).hasSize(3);
    }

    @Test
    void aRetriedBatchCanFinishAgain(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.retryBuildBatch(r -> r.id(failed.id()));

        BuildBatch succeeded = state.finishBuildBatch(failed.id(), StatusType.SUCCEEDED);

        assertThat(succeeded.buildBatchStatus()).isEqualTo(StatusType.SUCCEEDED);
        assertThat(succeeded.buildGroups())
                .extracting(group -> group.currentBuildSummary().buildStatus())
                .containsExactly(StatusType.SUCCEEDED, StatusType.SUCCEEDED);
        assertThat(succeeded.phases())
                .extracting(BuildBatchPhase::phaseType)
                .containsExactly(
                        BuildBatchPhaseType.SUBMITTED,
                        BuildBatchPhaseType.DOWNLOAD_BATCHSPEC,
                        BuildBatchPhaseType.IN_PROGRESS,
                        BuildBatchPhaseType.FAILED,
                        BuildBatchPhaseType.SUBMITTED,
                        BuildBatchPhaseType.DOWNLOAD_BATCHSPEC,
                        BuildBatchPhaseType.IN_PROGRESS,
                        BuildBatchPhaseType.COMBINE_ARTIFACTS,
                        BuildBatchPhaseType.SUCCEEDED);
        assertThat(succeeded.phases())
                .extracting(BuildBatchPhase::phaseStatus)
                .containsExactly(
                        StatusType.SUCCEEDED,
                        StatusType.SUCCEEDED,
                        StatusType.FAILED,
                        StatusType.FAILED,
                        StatusType.SUCCEEDED,
                        StatusType.SUCCEEDED,
                        StatusType.SUCCEEDED,
                        StatusType.SUCCEEDED,
                        null);
    }

    @ParameterizedTest
    @EnumSource(
            value = StatusType.class,
            names = {"FAULT", "TIMED_OUT"})
    void otherFailuresCanBeRetried(
            StatusType status, CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch seeded = state.addBuildBatch("web-app", status);

        BuildBatch retried = codeBuild.retryBuildBatch(r -> r.id(seeded.id())).buildBatch();

        assertThat(retried.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
    }

    @ParameterizedTest
    @EnumSource(
            value = StatusType.class,
            names = {"SUCCEEDED", "STOPPED", "IN_PROGRESS"})
    void aBatchThatDidNotFailIsRefused(
            StatusType status, CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch seeded = state.addBuildBatch("web-app", status);

        invalidInput(
                () -> codeBuild.retryBuildBatch(r -> r.id(seeded.id())),
                "Build batch "
                        + seeded.id()
                        + " is "
                        + status
                        + ": only a failed batch can be retried");
        assertThat(state.buildBatch(seeded.id())).contains(seeded);
    }

    @Test
    void aMissingIdIsRefused(CodeBuildClient codeBuild) {
        invalidInput(
                () ->
                        codeBuild.retryBuildBatch(
                                r -> r.retryType(RetryBuildBatchType.RETRY_FAILED_BUILDS)),
                "1 validation error detected: Value null at 'id' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void anUnknownIdIsNotFound(CodeBuildClient codeBuild) {
        resourceNotFound(
                () -> codeBuild.retryBuildBatch(r -> r.id("web-app:nope")),
                "Build batch cannot be found: web-app:nope");
    }

    @Test
    void theSameTokenAndRequestRetryOnce(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request =
                RetryBuildBatchRequest.builder().id(failed.id()).idempotencyToken("again").build();

        BuildBatch first = codeBuild.retryBuildBatch(request).buildBatch();
        BuildBatch second = codeBuild.retryBuildBatch(request).buildBatch();

        assertThat(second).isEqualTo(first);
        assertThat(state.builds()).hasSize(4);
    }

    @Test
    void theSameTokenWithOtherParametersIsRefused(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        codeBuild.retryBuildBatch(r -> r.id(failed.id()).idempotencyToken("again"));

        invalidInput(
                () ->
                        codeBuild.retryBuildBatch(
                                r ->
                                        r.id(failed.id())
                                                .idempotencyToken("again")
                                                .retryType(
                                                        RetryBuildBatchType.RETRY_FAILED_BUILDS)),
                "Idempotency token again was used within the last 5 minutes with other"
                        + " parameters");
        assertThat(state.builds()).hasSize(4);
    }
}
