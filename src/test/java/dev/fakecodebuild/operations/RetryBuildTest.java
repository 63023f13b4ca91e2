package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static dev.fakecodebuild.operations.ServiceErrors.resourceNotFound;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.ExportedEnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.RetryBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** RetryBuild: a finished build runs again as a new build with its settings. */
@FakeCodeBuild
class RetryBuildTest {

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void startsANewBuildWithTheSettingsOfTheFinishedOne(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build original =
                codeBuild
                        .startBuild(
                                r ->
                                        r.projectName("web-app")
                                                .sourceVersion("feature/x")
                                                .imageOverride("custom:1")
                                                .computeTypeOverride(
                                                        ComputeType.BUILD_GENERAL1_LARGE)
                                                .timeoutInMinutesOverride(20))
                        .build();
        state.finishBuild(original.id(), StatusType.FAILED);

        Build retried = codeBuild.retryBuild(r -> r.id(original.id())).build();

        assertThat(retried.id()).startsWith("web-app:").isNotEqualTo(original.id());
        assertThat(retried.arn())
                .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:build/" + retried.id());
        assertThat(retried.buildNumber()).isEqualTo(2L);
        assertThat(retried.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(retried.buildComplete()).isFalse();
        assertThat(retried.currentPhase()).isEqualTo("QUEUED");
        assertThat(retried.endTime()).isNull();
        assertThat(retried.startTime()).isAfter(original.startTime());
        assertThat(retried.sourceVersion()).isEqualTo("feature/x");
        assertThat(retried.environment()).isEqualTo(original.environment());
        assertThat(retried.timeoutInMinutes()).isEqualTo(20);
        assertThat(retried.initiator()).isEqualTo(original.initiator());
        assertThat(state.builds()).hasSize(2).last().isEqualTo(retried);
        assertThat(state.build(original.id()).orElseThrow().buildStatus())
                .isEqualTo(StatusType.FAILED);
    }

    @Test
    void whatTheEarlierRunProducedIsNotCarriedOver(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build failed =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildStatus(StatusType.FAILED)
                                        .sourceVersion("main")
                                        .exportedEnvironmentVariables(
                                                ExportedEnvironmentVariable.builder()
                                                        .name("VERSION")
                                                        .value("1.2.3")
                                                        .build())
                                        .reportArns("arn:aws:codebuild:report/1"));

        Build retried = codeBuild.retryBuild(r -> r.id(failed.id())).build();

        assertThat(retried.sourceVersion()).isEqualTo("main");
        assertThat(retried.hasExportedEnvironmentVariables()).isFalse();
        assertThat(retried.hasReportArns()).isFalse();
    }

    @Test
    void aBuildOfABatchIsRetriedOutsideTheBatch(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
        Build build =
                state.addBuild(
                        b ->
                                b.projectName("web-app")
                                        .buildBatchArn(batch.arn())
                                        .buildStatus(StatusType.FAILED));

        Build retried = codeBuild.retryBuild(r -> r.id(build.id())).build();

        assertThat(retried.buildBatchArn()).isNull();
        assertThat(state.buildBatch(batch.id()).orElseThrow().buildGroups()).hasSize(1);
    }

    @Test
    void aRunningBuildIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build running = state.addBuild("web-app", StatusType.IN_PROGRESS);

        invalidInput(
                () -> codeBuild.retryBuild(r -> r.id(running.id())),
                "Build " + running.id() + " is in progress: only a finished build can be retried");
        assertThat(state.builds()).containsExactly(running);
    }

    @Test
    void anUnknownBuildIsNotFound(CodeBuildClient codeBuild) {
        resourceNotFound(
                () ->
                        codeBuild.retryBuild(
                                r -> r.id("web-app:00000000-0000-4000-8000-000000000000")),
                "Build cannot be found: web-app:00000000-0000-4000-8000-000000000000");
    }

    @Test
    void aBuildOfADeletedProjectIsRefusedWithTheProject(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        state.addProject("gone");
        Build build = state.addBuild("gone", StatusType.SUCCEEDED);
        codeBuild.deleteProject(r -> r.name("gone"));

        resourceNotFound(
                () -> codeBuild.retryBuild(r -> r.id(build.id())),
                "Project cannot be found: arn:aws:codebuild:us-east-1:123456789012:project/gone");
        assertThat(state.builds()).containsExactly(build);
    }

    @Test
    void withoutAnIdIsRefused(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.retryBuild(RetryBuildRequest.builder().build()),
                "1 validation error detected: Value null at 'id' failed to satisfy constraint:"
                        + " Member must not be null");
    }

    @Test
    void sameTokenAndRequestReturnTheSameRetry(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build failed = state.addBuild("web-app", StatusType.FAILED);
        var request = RetryBuildRequest.builder().id(failed.id()).idempotencyToken("t-1").build();

        Build first = codeBuild.retryBuild(request).build();
        Build again = codeBuild.retryBuild(request).build();

        assertThat(again).isEqualTo(first);
        assertThat(state.builds()).hasSize(2);
    }

    @Test
    void sameTokenWithAnotherBuildIsRefused(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build one = state.addBuild("web-app", StatusType.FAILED);
        Build other = state.addBuild("web-app", StatusType.FAILED);
        codeBuild.retryBuild(r -> r.id(one.id()).idempotencyToken("t-1"));

        invalidInput(
                () -> codeBuild.retryBuild(r -> r.id(other.id()).idempotencyToken("t-1")),
                "Idempotency token t-1 was used within the last 5 minutes with other parameters");
        assertThat(state.builds()).hasSize(3);
    }

    @Test
    void aTokenOfStartBuildDoesNotCountForRetryBuild(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build started =
                codeBuild.startBuild(r -> r.projectName("web-app").idempotencyToken("t-1")).build();
        state.finishBuild(started.id(), StatusType.FAILED);

        Build retried =
                codeBuild.retryBuild(r -> r.id(started.id()).idempotencyToken("t-1")).build();

        assertThat(retried.id()).isNotEqualTo(started.id());
        assertThat(retried.buildNumber()).isEqualTo(2L);
    }
}
