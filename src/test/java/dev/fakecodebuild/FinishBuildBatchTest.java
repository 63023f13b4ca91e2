package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhase;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.BuildGroup;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** FakeCodeBuildState.finishBuildBatch: how a batch and its builds end, and what it refuses. */
@FakeCodeBuild
class FinishBuildBatchTest {

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    private static void assertClosed(BuildBatchPhase phase) {
        assertThat(phase.startTime()).isNotNull();
        assertThat(phase.endTime()).isNotNull();
        assertThat(phase.durationInSeconds())
                .isEqualTo(Duration.between(phase.startTime(), phase.endTime()).toSeconds());
    }

    @Nested
    class TheBatch {

        @Test
        void succeededGoesThroughEveryPhaseInOrder(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Instant start = Instant.now().minusSeconds(90).truncatedTo(ChronoUnit.MILLIS);
            BuildBatch running =
                    state.addBuildBatch(b -> b.projectName("web-app").startTime(start));

            BuildBatch finished = state.finishBuildBatch(running.id(), StatusType.SUCCEEDED);

            assertThat(finished.buildBatchStatus()).isEqualTo(StatusType.SUCCEEDED);
            assertThat(finished.complete()).isTrue();
            assertThat(finished.currentPhase()).isEqualTo("SUCCEEDED");
            assertThat(finished.startTime()).isEqualTo(start);
            assertThat(finished.endTime()).isAfter(start.plusSeconds(89));
            assertThat(finished.phases())
                    .extracting(BuildBatchPhase::phaseType, BuildBatchPhase::phaseStatus)
                    .containsExactly(
                            tuple(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.IN_PROGRESS, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.COMBINE_ARTIFACTS, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.SUCCEEDED, null));
            finished.phases().subList(0, 4).forEach(FinishBuildBatchTest::assertClosed);
            BuildBatchPhase inProgress = finished.phases().get(2);
            assertThat(inProgress.startTime()).isEqualTo(start);
            assertThat(inProgress.endTime()).isEqualTo(finished.endTime());
            assertThat(inProgress.durationInSeconds()).isGreaterThanOrEqualTo(90L);
            BuildBatchPhase last = finished.phases().get(4);
            assertThat(last.startTime()).isEqualTo(finished.endTime());
            assertThat(last.endTime()).isNull();
            assertThat(last.durationInSeconds()).isNull();
            assertThat(state.buildBatch(running.id())).contains(finished);
            assertThat(codeBuild.batchGetBuildBatches(r -> r.ids(running.id())).buildBatches())
                    .containsExactly(finished);
        }

        @ParameterizedTest
        @EnumSource(
                value = StatusType.class,
                names = {"FAILED", "FAULT", "TIMED_OUT"})
        void aFailureEndsInTheFailedPhase(StatusType status, FakeCodeBuildState state) {
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            BuildBatch finished = state.finishBuildBatch(running.id(), status);

            assertThat(finished.buildBatchStatus()).isEqualTo(status);
            assertThat(finished.complete()).isTrue();
            assertThat(finished.currentPhase()).isEqualTo("FAILED");
            assertThat(finished.phases())
                    .extracting(BuildBatchPhase::phaseType, BuildBatchPhase::phaseStatus)
                    .containsExactly(
                            tuple(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.IN_PROGRESS, status),
                            tuple(BuildBatchPhaseType.FAILED, null));
        }

        @Test
        void stoppedEndsInTheStoppedPhase(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();

            BuildBatch finished = state.finishBuildBatch(id, StatusType.STOPPED);

            assertThat(finished.currentPhase()).isEqualTo("STOPPED");
            assertThat(finished.phases())
                    .extracting(BuildBatchPhase::phaseType, BuildBatchPhase::phaseStatus)
                    .containsExactly(
                            tuple(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED),
                            tuple(BuildBatchPhaseType.IN_PROGRESS, StatusType.STOPPED),
                            tuple(BuildBatchPhaseType.STOPPED, null));
        }
    }

    @Nested
    class ItsBuilds {

        @Test
        void runningBuildsFinishWithTheBatchAndFinishedOnesStay(FakeCodeBuildState state) {
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
            Build failed =
                    state.addBuild(
                            b ->
                                    b.projectName("web-app")
                                            .buildBatchArn(running.arn())
                                            .buildStatus(StatusType.FAILED));
            Build inProgress =
                    state.addBuild(b -> b.projectName("web-app").buildBatchArn(running.arn()));

            BuildBatch finished = state.finishBuildBatch(running.id(), StatusType.SUCCEEDED);

            assertThat(state.build(failed.id())).contains(failed);
            Build ended = state.build(inProgress.id()).orElseThrow();
            assertThat(ended.buildStatus()).isEqualTo(StatusType.SUCCEEDED);
            assertThat(ended.buildComplete()).isTrue();
            assertThat(ended.currentPhase()).isEqualTo("COMPLETED");
            assertThat(ended.endTime()).isBeforeOrEqualTo(finished.endTime());
            assertThat(finished.buildGroups())
                    .extracting(
                            BuildGroup::identifier,
                            group -> group.currentBuildSummary().arn(),
                            group -> group.currentBuildSummary().buildStatus())
                    .containsExactly(
                            tuple("build1", failed.arn(), StatusType.FAILED),
                            tuple("build2", inProgress.arn(), StatusType.SUCCEEDED));
        }

        @Test
        void aBatchWithoutBuildsGetsTheDownloadSourceGroup(FakeCodeBuildState state) {
            BuildBatch running =
                    state.addBuildBatch(
                            b -> b.projectName("web-app").sourceVersion("main").serviceRole("r"));

            BuildBatch finished = state.finishBuildBatch(running.id(), StatusType.TIMED_OUT);

            assertThat(finished.buildGroups()).hasSize(1);
            BuildGroup group = finished.buildGroups().get(0);
            assertThat(group.identifier()).isEqualTo("DOWNLOAD_SOURCE");
            assertThat(group.ignoreFailure()).isFalse();
            assertThat(group.hasDependsOn()).isFalse();
            assertThat(group.currentBuildSummary().buildStatus()).isEqualTo(StatusType.TIMED_OUT);
            Build build = state.builds().get(0);
            assertThat(state.builds()).hasSize(1);
            assertThat(build.arn()).isEqualTo(group.currentBuildSummary().arn());
            assertThat(group.currentBuildSummary().requestedOn()).isEqualTo(build.startTime());
            assertThat(build.buildBatchArn()).isEqualTo(running.arn());
            assertThat(build.projectName()).isEqualTo("web-app");
            assertThat(build.sourceVersion()).isEqualTo("main");
            assertThat(build.serviceRole()).isEqualTo("r");
            assertThat(build.buildNumber()).isEqualTo(1L);
            assertThat(build.buildStatus()).isEqualTo(StatusType.TIMED_OUT);
            assertThat(build.buildComplete()).isTrue();
        }
    }

    @Nested
    class Refusals {

        @Test
        void anUnknownIdIsAnIllegalArgument(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.finishBuildBatch("web-app:nope", StatusType.FAILED))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No build batch with id \"web-app:nope\"");
        }

        @Test
        void aFinishedBatchIsAnIllegalState(FakeCodeBuildState state) {
            BuildBatch done = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThatThrownBy(() -> state.finishBuildBatch(done.id(), StatusType.FAILED))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("Build batch " + done.id() + " has already finished as SUCCEEDED");
            assertThat(state.buildBatch(done.id())).contains(done);
        }

        @Test
        void finishingTwiceIsAnIllegalState(FakeCodeBuildState state) {
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
            state.finishBuildBatch(running.id(), StatusType.FAULT);

            assertThatThrownBy(() -> state.finishBuildBatch(running.id(), StatusType.SUCCEEDED))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("Build batch " + running.id() + " has already finished as FAULT");
        }

        @Test
        void inProgressIsNotAnEnd(FakeCodeBuildState state) {
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            assertThatThrownBy(() -> state.finishBuildBatch(running.id(), StatusType.IN_PROGRESS))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "IN_PROGRESS is not a status a build batch can finish with: use"
                                    + " SUCCEEDED, FAILED, FAULT, TIMED_OUT or STOPPED");
            assertThat(state.buildBatch(running.id())).contains(running);
        }

        @Test
        void unknownToSdkVersionIsNotAnEnd(FakeCodeBuildState state) {
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            assertThatThrownBy(
                            () ->
                                    state.finishBuildBatch(
                                            running.id(), StatusType.UNKNOWN_TO_SDK_VERSION))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "UNKNOWN_TO_SDK_VERSION is not a status a build batch can have: use"
                                    + " one of [SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS,"
                                    + " STOPPED]");
        }

        @Test
        void nullIsRefused(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.finishBuildBatch(null, StatusType.FAILED))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("id");
            assertThatThrownBy(() -> state.finishBuildBatch("web-app:x", null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("status");
        }
    }
}
