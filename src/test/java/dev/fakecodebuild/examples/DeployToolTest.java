package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchRequest;

/**
 * A user's test of their own code: a deploy tool that starts a build batch, polls it until it
 * completes, and stops it when it takes too long. The test decides when the batch finishes.
 */
@FakeCodeBuild
class DeployToolTest {

    /** The code under test, as a user would write it. */
    static final class DeployTool {

        /** What the tool does between two polls; in production it sleeps. */
        interface Pause {
            void afterPoll(int pollsSoFar) throws InterruptedException;
        }

        /** How a deployment ended. */
        record Deployment(String buildBatchId, StatusType status, int polls) {}

        private final CodeBuildClient codeBuild;
        private final int maxPolls;
        private final Pause pause;

        DeployTool(CodeBuildClient codeBuild, int maxPolls, Pause pause) {
            this.codeBuild = codeBuild;
            this.maxPolls = maxPolls;
            this.pause = pause;
        }

        Deployment deploy(String project, String commit) throws InterruptedException {
            String id =
                    codeBuild
                            .startBuildBatch(r -> r.projectName(project).sourceVersion(commit))
                            .buildBatch()
                            .id();
            for (int poll = 1; poll <= maxPolls; poll++) {
                BuildBatch batch =
                        codeBuild.batchGetBuildBatches(r -> r.ids(id)).buildBatches().get(0);
                if (batch.complete()) {
                    return new Deployment(id, batch.buildBatchStatus(), poll);
                }
                pause.afterPoll(poll);
            }
            BuildBatch stopped = codeBuild.stopBuildBatch(r -> r.id(id)).buildBatch();
            return new Deployment(id, stopped.buildBatchStatus(), maxPolls);
        }
    }

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void reportsTheBatchThatSucceededWhileItWasPolling(
            CodeBuildClient codeBuild, FakeCodeBuildState state) throws InterruptedException {
        DeployTool tool =
                new DeployTool(
                        codeBuild,
                        5,
                        pollsSoFar -> {
                            if (pollsSoFar == 1) {
                                String id = state.buildBatches().get(0).id();
                                state.finishBuildBatch(id, StatusType.SUCCEEDED);
                            }
                        });

        DeployTool.Deployment deployment = tool.deploy("web-app", "abc123");

        BuildBatch batch = state.buildBatches().get(0);
        assertThat(deployment)
                .isEqualTo(new DeployTool.Deployment(batch.id(), StatusType.SUCCEEDED, 2));
        assertThat(batch.sourceVersion()).isEqualTo("abc123");
        assertThat(state.calls())
                .extracting(RecordedCall::operation)
                .containsExactly("StartBuildBatch", "BatchGetBuildBatches", "BatchGetBuildBatches");
        assertThat(state.requests(StartBuildBatchRequest.class))
                .containsExactly(
                        StartBuildBatchRequest.builder()
                                .projectName("web-app")
                                .sourceVersion("abc123")
                                .build());
    }

    @Test
    void stopsTheBatchThatNeverFinishes(CodeBuildClient codeBuild, FakeCodeBuildState state)
            throws InterruptedException {
        AtomicInteger pauses = new AtomicInteger();
        DeployTool tool = new DeployTool(codeBuild, 3, pollsSoFar -> pauses.incrementAndGet());

        DeployTool.Deployment deployment = tool.deploy("web-app", "abc123");

        BuildBatch batch = state.buildBatches().get(0);
        assertThat(deployment)
                .isEqualTo(new DeployTool.Deployment(batch.id(), StatusType.STOPPED, 3));
        assertThat(pauses).hasValue(3);
        assertThat(state.calls())
                .extracting(RecordedCall::operation)
                .containsExactly(
                        "StartBuildBatch",
                        "BatchGetBuildBatches",
                        "BatchGetBuildBatches",
                        "BatchGetBuildBatches",
                        "StopBuildBatch");
        assertThat(state.requests(StopBuildBatchRequest.class))
                .containsExactly(StopBuildBatchRequest.builder().id(batch.id()).build());
        assertThat(batch.buildBatchStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(batch.complete()).isTrue();
        assertThat(batch.currentPhase()).isEqualTo("STOPPED");
        assertThat(state.builds())
                .singleElement()
                .satisfies(
                        build -> {
                            assertThat(build.buildStatus()).isEqualTo(StatusType.STOPPED);
                            assertThat(build.buildBatchArn()).isEqualTo(batch.arn());
                        });
    }
}
