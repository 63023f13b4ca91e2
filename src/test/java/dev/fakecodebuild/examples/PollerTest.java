package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * Code that polls in a loop of its own, with no hook for the test, tested with {@code
 * finishBuildOnRead} and {@code finishBuildBatchOnRead}: the test says which read sees the end.
 */
@FakeCodeBuild
class PollerTest {

    /** The code under test: waits for a build or batch to finish, reading at most a few times. */
    static final class Poller {

        private final CodeBuildClient codeBuild;
        private final int maxReads;
        final List<StatusType> seen = new ArrayList<>();

        Poller(CodeBuildClient codeBuild, int maxReads) {
            this.codeBuild = codeBuild;
            this.maxReads = maxReads;
        }

        StatusType waitForBatch(String id) {
            for (int read = 0; read < maxReads; read++) {
                BuildBatch batch =
                        codeBuild.batchGetBuildBatches(r -> r.ids(id)).buildBatches().get(0);
                seen.add(batch.buildBatchStatus());
                if (batch.complete()) {
                    return batch.buildBatchStatus();
                }
            }
            return StatusType.IN_PROGRESS;
        }

        StatusType waitForBuild(String id) {
            for (int read = 0; read < maxReads; read++) {
                var build = codeBuild.batchGetBuilds(r -> r.ids(id)).builds().get(0);
                seen.add(build.buildStatus());
                if (build.buildComplete()) {
                    return build.buildStatus();
                }
            }
            return StatusType.IN_PROGRESS;
        }
    }

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void theBatchFinishesOnTheReadTheTestChose(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        state.finishBuildBatchOnRead(id, 3, StatusType.SUCCEEDED);
        Poller poller = new Poller(codeBuild, 10);

        StatusType outcome = poller.waitForBatch(id);

        assertThat(outcome).isEqualTo(StatusType.SUCCEEDED);
        assertThat(poller.seen)
                .containsExactly(
                        StatusType.IN_PROGRESS, StatusType.IN_PROGRESS, StatusType.SUCCEEDED);
        assertThat(state.requests(BatchGetBuildBatchesRequest.class)).hasSize(3);
        BuildBatch finished = state.buildBatch(id).orElseThrow();
        assertThat(finished.complete()).isTrue();
        assertThat(finished.buildGroups())
                .extracting(group -> group.currentBuildSummary().buildStatus())
                .containsExactly(StatusType.SUCCEEDED);
    }

    @Test
    void theBuildFinishesOnTheReadTheTestChose(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuild(r -> r.projectName("web-app")).build().id();
        state.finishBuildOnRead(id, 2, StatusType.FAILED);
        Poller poller = new Poller(codeBuild, 10);

        StatusType outcome = poller.waitForBuild(id);

        assertThat(outcome).isEqualTo(StatusType.FAILED);
        assertThat(poller.seen).containsExactly(StatusType.IN_PROGRESS, StatusType.FAILED);
        assertThat(state.requests(BatchGetBuildsRequest.class)).hasSize(2);
        assertThat(state.build(id).orElseThrow().phases())
                .filteredOn(phase -> phase.phaseType() == BuildPhaseType.BUILD)
                .extracting(BuildPhase::phaseStatus)
                .containsExactly(StatusType.FAILED);
    }

    @Test
    void aPollerThatGivesUpFirstNeverSeesTheEnd(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        state.finishBuildBatchOnRead(id, 4, StatusType.SUCCEEDED);

        StatusType outcome = new Poller(codeBuild, 3).waitForBatch(id);

        assertThat(outcome).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(state.buildBatch(id).orElseThrow().buildBatchStatus())
                .isEqualTo(StatusType.IN_PROGRESS);
    }

    @Test
    void onlyReadsThatNameTheItemCount(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        String other = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        state.finishBuildBatchOnRead(id, 1, StatusType.FAILED);

        codeBuild.batchGetBuildBatches(r -> r.ids(other));
        codeBuild.listBuildBatches(r -> r.maxResults(10));

        assertThat(state.buildBatch(id).orElseThrow().buildBatchStatus())
                .isEqualTo(StatusType.IN_PROGRESS);
        assertThat(codeBuild.batchGetBuildBatches(r -> r.ids(other, id)).buildBatches())
                .extracting(BuildBatch::buildBatchStatus)
                .containsExactly(StatusType.IN_PROGRESS, StatusType.FAILED);
    }

    @Test
    void aBatchStoppedBeforeItsReadStaysStopped(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        state.finishBuildBatchOnRead(id, 1, StatusType.SUCCEEDED);

        codeBuild.stopBuildBatch(r -> r.id(id));
        BuildBatch read = codeBuild.batchGetBuildBatches(r -> r.ids(id)).buildBatches().get(0);

        assertThat(read.buildBatchStatus()).isEqualTo(StatusType.STOPPED);
    }

    @Test
    void aFinishAskedForBeforeARetryDoesNotEndTheRetriedBatch(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuildBatch(r -> r.projectName("web-app")).buildBatch().id();
        state.finishBuildBatchOnRead(id, 2, StatusType.SUCCEEDED);
        state.finishBuildBatch(id, StatusType.FAILED);
        codeBuild.retryBuildBatch(r -> r.id(id));
        Poller poller = new Poller(codeBuild, 3);

        StatusType outcome = poller.waitForBatch(id);

        assertThat(outcome).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(poller.seen)
                .containsExactly(
                        StatusType.IN_PROGRESS, StatusType.IN_PROGRESS, StatusType.IN_PROGRESS);
    }

    @Test
    void aFinishAskedForAStoppedBuildDoesNotEndABuildAddedUnderItsId(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        String id = codeBuild.startBuild(r -> r.projectName("web-app")).build().id();
        state.finishBuildOnRead(id, 1, StatusType.FAILED);
        codeBuild.stopBuild(r -> r.id(id));
        codeBuild.batchDeleteBuilds(r -> r.ids(id));
        state.addBuild(b -> b.id(id).projectName("web-app").buildStatus(StatusType.IN_PROGRESS));

        StatusType outcome = new Poller(codeBuild, 1).waitForBuild(id);

        assertThat(outcome).isEqualTo(StatusType.IN_PROGRESS);
    }

    @Test
    void refusesWhatCannotBeFinished(FakeCodeBuildState state) {
        String finished = state.addBuild("web-app", StatusType.SUCCEEDED).id();
        String running = state.addBuild("web-app", StatusType.IN_PROGRESS).id();

        assertThatThrownBy(() -> state.finishBuildOnRead("web-app:nope", 1, StatusType.FAILED))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("No build with id \"web-app:nope\"");
        assertThatThrownBy(() -> state.finishBuildBatchOnRead("web-app:nope", 1, StatusType.FAILED))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("No build batch with id \"web-app:nope\"");
        assertThatThrownBy(() -> state.finishBuildOnRead(finished, 1, StatusType.FAILED))
                .isExactlyInstanceOf(IllegalStateException.class)
                .hasMessage("Build " + finished + " has already finished as SUCCEEDED");
        assertThatThrownBy(() -> state.finishBuildOnRead(running, 0, StatusType.FAILED))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("read 0 is below 1: the first read from now on is read 1");
        assertThatThrownBy(() -> state.finishBuildOnRead(running, 1, StatusType.IN_PROGRESS))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "IN_PROGRESS is not a status a build can finish with: use SUCCEEDED,"
                                + " FAILED, FAULT, TIMED_OUT or STOPPED");
    }

    /** A finish asked for in one test is gone before the next, like everything a test sets up. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    @FakeCodeBuild
    class AcrossTests {

        private String id;

        @BeforeAll
        void startBatch(FakeCodeBuildState state) {
            state.addProject("api");
            id = state.addBuildBatch("api", StatusType.IN_PROGRESS).id();
        }

        @Test
        @Order(1)
        void asksForAFinishButDoesNotRead(FakeCodeBuildState state) {
            state.finishBuildBatchOnRead(id, 1, StatusType.SUCCEEDED);
        }

        @Test
        @Order(2)
        void readsAndStillSeesItRunning(CodeBuildClient codeBuild) {
            BuildBatch read = codeBuild.batchGetBuildBatches(r -> r.ids(id)).buildBatches().get(0);

            assertThat(read.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
        }
    }
}
