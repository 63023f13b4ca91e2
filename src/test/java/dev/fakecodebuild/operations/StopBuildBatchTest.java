package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
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
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** StopBuildBatch: the stopped batch it answers, its builds, and what it refuses. */
@FakeCodeBuild
class StopBuildBatchTest {

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void answersTheWholeBatchStoppedWithItsPhases(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

        BuildBatch stopped = codeBuild.stopBuildBatch(r -> r.id(started.id())).buildBatch();

        assertThat(stopped.id()).isEqualTo(started.id());
        assertThat(stopped.buildBatchNumber()).isEqualTo(1L);
        assertThat(stopped.buildBatchStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(stopped.complete()).isTrue();
        assertThat(stopped.currentPhase()).isEqualTo("STOPPED");
        assertThat(stopped.startTime()).isEqualTo(started.startTime());
        assertThat(stopped.endTime()).isAfter(started.startTime());
        assertThat(stopped.phases())
                .extracting(BuildBatchPhase::phaseType, BuildBatchPhase::phaseStatus)
                .containsExactly(
                        tuple(BuildBatchPhaseType.SUBMITTED, StatusType.SUCCEEDED),
                        tuple(BuildBatchPhaseType.DOWNLOAD_BATCHSPEC, StatusType.SUCCEEDED),
                        tuple(BuildBatchPhaseType.IN_PROGRESS, StatusType.STOPPED),
                        tuple(BuildBatchPhaseType.STOPPED, null));
        BuildBatchPhase last = stopped.phases().get(3);
        assertThat(last.startTime()).isEqualTo(stopped.endTime());
        assertThat(last.endTime()).isNull();
        assertThat(state.buildBatch(started.id())).contains(stopped);
    }

    @Test
    void stopsTheRunningBuildsOfTheBatchAndKeepsFinishedOnes(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();
        Build done =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(started.arn())
                                        .buildStatus(StatusType.SUCCEEDED));
        Build running = state.addBuild(b -> b.projectName("web-app").buildBatchArn(started.arn()));

        BuildBatch stopped = codeBuild.stopBuildBatch(r -> r.id(started.id())).buildBatch();

        assertThat(state.build(done.id())).contains(done);
        Build stoppedBuild = state.build(running.id()).orElseThrow();
        assertThat(stoppedBuild.buildStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(stoppedBuild.buildComplete()).isTrue();
        assertThat(stoppedBuild.buildBatchArn()).isEqualTo(started.arn());
        assertThat(stopped.buildGroups())
                .extracting(group -> group.currentBuildSummary().buildStatus())
                .containsExactly(StatusType.SUCCEEDED, StatusType.STOPPED);
    }

    @Test
    void aBatchWithoutBuildsGetsTheDownloadSourceBuildStopped(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch started = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch();

        BuildBatch stopped = codeBuild.stopBuildBatch(r -> r.id(started.id())).buildBatch();

        BuildGroup group = stopped.buildGroups().get(0);
        assertThat(stopped.buildGroups()).hasSize(1);
        assertThat(group.identifier()).isEqualTo("DOWNLOAD_SOURCE");
        assertThat(group.currentBuildSummary().buildStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(state.builds())
                .singleElement()
                .satisfies(
                        build -> {
                            assertThat(build.arn()).isEqualTo(group.currentBuildSummary().arn());
                            assertThat(build.buildBatchArn()).isEqualTo(started.arn());
                            assertThat(build.buildStatus()).isEqualTo(StatusType.STOPPED);
                        });
    }

    @ParameterizedTest
    @EnumSource(
            value = StatusType.class,
            names = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
    void aFinishedBatchIsRefused(
            StatusType status, CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch finished = state.addBuildBatch("web-app", status);

        invalidInput(
                () -> codeBuild.stopBuildBatch(r -> r.id(finished.id())),
                "Build batch "
                        + finished.id()
                        + " has already finished as "
                        + status
                        + ": only a batch in progress can be stopped");
        assertThat(state.buildBatch(finished.id())).contains(finished);
    }

    @Test
    void stoppingTwiceIsRefusedTheSecondTime(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        codeBuild.stopBuildBatch(r -> r.id(id));

        invalidInput(
                () -> codeBuild.stopBuildBatch(r -> r.id(id)),
                "Build batch "
                        + id
                        + " has already finished as STOPPED: only a batch in progress can be"
                        + " stopped");
    }

    @Test
    void anUnknownIdIsNotFound(CodeBuildClient codeBuild) {
        resourceNotFound(
                () -> codeBuild.stopBuildBatch(r -> r.id("web-app:nope")),
                "Build batch cannot be found: web-app:nope");
    }
}
