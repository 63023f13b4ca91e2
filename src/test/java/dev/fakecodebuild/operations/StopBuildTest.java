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
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** StopBuild: a running build ends as STOPPED; finished and unknown builds are refused. */
@FakeCodeBuild
class StopBuildTest {

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void stopsARunningBuildAndReturnsItWhole(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build started = codeBuild.startBuild(r -> r.projectName("web-app")).build();

        Build stopped = codeBuild.stopBuild(r -> r.id(started.id())).build();

        assertThat(stopped.id()).isEqualTo(started.id());
        assertThat(stopped.arn()).isEqualTo(started.arn());
        assertThat(stopped.buildNumber()).isEqualTo(1L);
        assertThat(stopped.buildStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(stopped.buildComplete()).isTrue();
        assertThat(stopped.currentPhase()).isEqualTo("COMPLETED");
        assertThat(stopped.startTime()).isEqualTo(started.startTime());
        assertThat(stopped.endTime()).isAfter(started.startTime());
        assertThat(stopped.initiator()).isEqualTo(started.initiator());
        assertThat(stopped.phases())
                .extracting(BuildPhase::phaseType, BuildPhase::phaseStatus)
                .containsExactly(
                        tuple(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED),
                        tuple(BuildPhaseType.QUEUED, StatusType.STOPPED),
                        tuple(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED),
                        tuple(BuildPhaseType.COMPLETED, null));
        assertThat(state.build(started.id())).contains(stopped);
    }

    @Test
    void aStoppedBuildOfABatchShowsInItsBuildGroup(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
        Build build = state.addBuild(b -> b.projectName("web-app").buildBatchArn(batch.arn()));

        codeBuild.stopBuild(r -> r.id(build.id()));

        var group = state.buildBatch(batch.id()).orElseThrow().buildGroups().get(0);
        assertThat(group.identifier()).isEqualTo("build1");
        assertThat(group.currentBuildSummary().arn()).isEqualTo(build.arn());
        assertThat(group.currentBuildSummary().buildStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(state.buildBatch(batch.id()).orElseThrow().buildBatchStatus())
                .isEqualTo(StatusType.IN_PROGRESS);
    }

    @ParameterizedTest
    @EnumSource(names = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
    void aFinishedBuildIsRefused(
            StatusType status, CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build build = state.addBuild("web-app", status);

        invalidInput(
                () -> codeBuild.stopBuild(r -> r.id(build.id())),
                "Build "
                        + build.id()
                        + " has already finished as "
                        + status
                        + ": only a build in progress can be stopped");
        assertThat(state.build(build.id())).contains(build);
    }

    @Test
    void stoppingTwiceIsRefusedTheSecondTime(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build build = codeBuild.startBuild(r -> r.projectName("web-app")).build();
        codeBuild.stopBuild(r -> r.id(build.id()));

        invalidInput(
                () -> codeBuild.stopBuild(r -> r.id(build.id())),
                "Build "
                        + build.id()
                        + " has already finished as STOPPED: only a build in progress can be"
                        + " stopped");
    }

    @Test
    void anUnknownBuildIsNotFound(CodeBuildClient codeBuild) {
        resourceNotFound(
                () ->
                        codeBuild.stopBuild(
                                r -> r.id("web-app:00000000-0000-4000-8000-000000000000")),
                "Build cannot be found: web-app:00000000-0000-4000-8000-000000000000");
    }

    @Test
    void aDeletedBuildIsNotFound(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build build = state.addBuild("web-app", StatusType.SUCCEEDED);
        codeBuild.batchDeleteBuilds(r -> r.ids(build.id()));

        resourceNotFound(
                () -> codeBuild.stopBuild(r -> r.id(build.id())),
                "Build cannot be found: " + build.id());
    }
}
