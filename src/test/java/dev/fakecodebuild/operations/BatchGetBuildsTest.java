package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** BatchGetBuilds: found builds in request order, the rest as not found, and a poller's view. */
@FakeCodeBuild
class BatchGetBuildsTest {

    @BeforeEach
    void addProjects(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addProject("api");
    }

    @Nested
    class Lookup {

        @Test
        void returnsTheBuildsInTheOrderAskedAndTheUnknownIdsAsSent(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Build first = state.addBuild("web-app", StatusType.SUCCEEDED);
            Build second = state.addBuild("api", StatusType.IN_PROGRESS);
            Build third = state.addBuild("web-app", StatusType.FAILED);

            var response =
                    codeBuild.batchGetBuilds(
                            r ->
                                    r.ids(
                                            third.id(),
                                            "web-app:00000000-0000-4000-8000-000000000000",
                                            first.id(),
                                            "not even an id",
                                            second.id()));

            assertThat(response.builds()).containsExactly(third, first, second);
            assertThat(response.buildsNotFound())
                    .containsExactly(
                            "web-app:00000000-0000-4000-8000-000000000000", "not even an id");
        }

        @Test
        void answersAnIdAskedTwiceOnceAtItsFirstPlace(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Build first = state.addBuild("web-app", StatusType.SUCCEEDED);
            Build second = state.addBuild("web-app", StatusType.SUCCEEDED);

            var response =
                    codeBuild.batchGetBuilds(
                            r -> r.ids(second.id(), first.id(), second.id(), "x:y", "x:y"));

            assertThat(response.builds()).containsExactly(second, first);
            assertThat(response.buildsNotFound()).containsExactly("x:y");
        }

        @Test
        void aBuildArnIsNotAnId(CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Build build = state.addBuild("web-app", StatusType.SUCCEEDED);

            var response = codeBuild.batchGetBuilds(r -> r.ids(build.arn()));

            assertThat(response.builds()).isEmpty();
            assertThat(response.buildsNotFound()).containsExactly(build.arn());
        }

        @Test
        void returnsTheWholeBuildAsTheFakeHoldsIt(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            Build started = codeBuild.startBuild(r -> r.projectName("web-app")).build();
            Build finished = state.finishBuild(started.id(), StatusType.FAULT);

            var builds = codeBuild.batchGetBuilds(r -> r.ids(started.id())).builds();

            assertThat(builds).containsExactly(finished);
            assertThat(state.build(started.id())).contains(finished);
        }

        @Test
        void anEmptyListIsRefusedWithCodeBuildsText(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            var request = BatchGetBuildsRequest.builder().ids(List.of()).build();

            invalidInput(
                    () -> codeBuild.batchGetBuilds(request),
                    "The input build ID list cannot be empty.");
            assertThat(state.calls())
                    .singleElement()
                    .satisfies(call -> assertThat(call.body()).isEqualTo("{\"ids\":[]}"));
        }
    }

    /**
     * Code under test as a user would write it: start a build, then poll until it completes,
     * waiting between polls with a pause it is given (a sleep in production).
     */
    static final class BuildWaiter {

        private final CodeBuildClient codeBuild;
        private final IntConsumer pause;
        private final int maxPolls;

        BuildWaiter(CodeBuildClient codeBuild, IntConsumer pause, int maxPolls) {
            this.codeBuild = codeBuild;
            this.pause = pause;
            this.maxPolls = maxPolls;
        }

        Build startAndWait(String project) {
            String id = codeBuild.startBuild(r -> r.projectName(project)).build().id();
            for (int poll = 1; poll <= maxPolls; poll++) {
                Build build = codeBuild.batchGetBuilds(r -> r.ids(id)).builds().get(0);
                if (build.buildComplete()) {
                    return build;
                }
                pause.accept(poll);
            }
            throw new IllegalStateException("build " + id + " did not complete");
        }
    }

    @Nested
    class Polling {

        @Test
        void aPollerSeesTheBuildTheTestFinishesAfterItsFirstPoll(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<StatusType> seenBeforeFinishing = new ArrayList<>();
            IntConsumer finishAfterFirstPoll =
                    poll -> {
                        if (poll == 1) {
                            List<RecordedCall> calls = state.calls();
                            assertThat(calls)
                                    .extracting(RecordedCall::operation)
                                    .containsExactly("StartBuild", "BatchGetBuilds");
                            String id = state.builds().get(0).id();
                            seenBeforeFinishing.add(state.build(id).orElseThrow().buildStatus());
                            state.finishBuild(id, StatusType.FAILED);
                        }
                    };
            var waiter = new BuildWaiter(codeBuild, finishAfterFirstPoll, 5);

            Build result = waiter.startAndWait("web-app");

            assertThat(seenBeforeFinishing).containsExactly(StatusType.IN_PROGRESS);
            assertThat(result.buildStatus()).isEqualTo(StatusType.FAILED);
            assertThat(result.buildComplete()).isTrue();
            assertThat(result.currentPhase()).isEqualTo("COMPLETED");
            assertThat(result.endTime()).isAfterOrEqualTo(result.startTime());
            assertThat(result.phases())
                    .filteredOn(phase -> phase.phaseType() == BuildPhaseType.BUILD)
                    .extracting(BuildPhase::phaseStatus)
                    .containsExactly(StatusType.FAILED);
            assertThat(state.calls())
                    .extracting(RecordedCall::operation)
                    .containsExactly("StartBuild", "BatchGetBuilds", "BatchGetBuilds");
            assertThat(state.requests(BatchGetBuildsRequest.class))
                    .allSatisfy(r -> assertThat(r.ids()).containsExactly(result.id()));
        }

        @Test
        void aPollerGivesUpOnABuildThatNeverFinishes(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            List<Integer> pauses = new ArrayList<>();
            var waiter = new BuildWaiter(codeBuild, pauses::add, 3);

            var thrown = catchThrowable(() -> waiter.startAndWait("web-app"));

            String id = state.builds().get(0).id();
            assertThat(thrown).hasMessage("build " + id + " did not complete");
            assertThat(pauses).containsExactly(1, 2, 3);
            assertThat(state.requests(BatchGetBuildsRequest.class)).hasSize(3);
            assertThat(state.build(id).orElseThrow().buildStatus())
                    .isEqualTo(StatusType.IN_PROGRESS);
        }
    }
}
