package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildPhase;
import software.amazon.awssdk.services.codebuild.model.BuildPhaseType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** Seeding builds with addBuild and finishing them with finishBuild. */
@FakeCodeBuild
class BuildSeedingTest {

    private static final String ARN_PREFIX = "arn:aws:codebuild:us-east-1:123456789012:build/";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    /** Phase type and status of every phase a build finished from QUEUED with a status has. */
    private static List<Tuple> phasesFinishedFromQueued(StatusType status) {
        List<Tuple> phases = new ArrayList<>();
        phases.add(tuple(BuildPhaseType.SUBMITTED, StatusType.SUCCEEDED));
        if (status == StatusType.STOPPED) {
            phases.add(tuple(BuildPhaseType.QUEUED, StatusType.STOPPED));
            phases.add(tuple(BuildPhaseType.FINALIZING, StatusType.SUCCEEDED));
        } else {
            for (BuildPhaseType type :
                    List.of(
                            BuildPhaseType.QUEUED,
                            BuildPhaseType.PROVISIONING,
                            BuildPhaseType.DOWNLOAD_SOURCE,
                            BuildPhaseType.INSTALL,
                            BuildPhaseType.PRE_BUILD,
                            BuildPhaseType.BUILD,
                            BuildPhaseType.POST_BUILD,
                            BuildPhaseType.UPLOAD_ARTIFACTS,
                            BuildPhaseType.FINALIZING)) {
                phases.add(
                        tuple(type, type == BuildPhaseType.BUILD ? status : StatusType.SUCCEEDED));
            }
        }
        phases.add(tuple(BuildPhaseType.COMPLETED, null));
        return phases;
    }

    @Nested
    class AddBuild {

        @Test
        void fillsIdArnNumberAndTimes(FakeCodeBuildState state) {
            Instant before = Instant.now().minusMillis(1);

            Build build = state.addBuild("web-app", StatusType.IN_PROGRESS);

            assertThat(build.id())
                    .matches(
                            "web-app:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            assertThat(build.arn()).isEqualTo(ARN_PREFIX + build.id());
            assertThat(build.buildNumber()).isEqualTo(1L);
            assertThat(build.projectName()).isEqualTo("web-app");
            assertThat(build.startTime()).isAfter(before);
            assertThat(build.startTime())
                    .isEqualTo(build.startTime().truncatedTo(ChronoUnit.MILLIS));
            assertThat(state.builds()).containsExactly(build);
            assertThat(state.build(build.id())).contains(build);
            assertThat(state.build("web-app:nothing")).isEmpty();
        }

        @Test
        void aRunningBuildIsQueued(FakeCodeBuildState state) {
            Build build = state.addBuild(b -> b.projectName("web-app"));

            assertThat(build.buildStatus()).isEqualTo(StatusType.IN_PROGRESS);
            assertThat(build.buildComplete()).isFalse();
            assertThat(build.currentPhase()).isEqualTo("QUEUED");
            assertThat(build.endTime()).isNull();
            assertThat(build.phases())
                    .containsExactly(
                            BuildPhase.builder()
                                    .phaseType(BuildPhaseType.SUBMITTED)
                                    .phaseStatus(StatusType.SUCCEEDED)
                                    .startTime(build.startTime())
                                    .endTime(build.startTime())
                                    .durationInSeconds(0L)
                                    .build(),
                            BuildPhase.builder()
                                    .phaseType(BuildPhaseType.QUEUED)
                                    .startTime(build.startTime())
                                    .build());
        }

        @ParameterizedTest
        @EnumSource(names = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
        void aFinishedBuildHasEveryPhaseAndEndsWhenItStarted(
                StatusType status, FakeCodeBuildState state) {
            Build build = state.addBuild("web-app", status);

            assertThat(build.buildStatus()).isEqualTo(status);
            assertThat(build.buildComplete()).isTrue();
            assertThat(build.currentPhase()).isEqualTo("COMPLETED");
            assertThat(build.endTime()).isEqualTo(build.startTime());
            assertThat(build.phases())
                    .extracting(BuildPhase::phaseType, BuildPhase::phaseStatus)
                    .containsExactlyElementsOf(phasesFinishedFromQueued(status));
            assertThat(build.phases())
                    .allSatisfy(
                            phase -> assertThat(phase.startTime()).isEqualTo(build.startTime()));
            assertThat(build.phases().subList(0, build.phases().size() - 1))
                    .allSatisfy(
                            phase -> {
                                assertThat(phase.endTime()).isEqualTo(build.startTime());
                                assertThat(phase.durationInSeconds()).isZero();
                            });
            assertThat(build.phases().get(build.phases().size() - 1).endTime()).isNull();
        }

        @Test
        void numbersCountUpPerProjectAndFollowTheHighest(FakeCodeBuildState state) {
            state.addProject("api");

            long first = state.addBuild("web-app", StatusType.SUCCEEDED).buildNumber();
            long api = state.addBuild("api", StatusType.SUCCEEDED).buildNumber();
            long chosen =
                    state.addBuild(b -> b.projectName("web-app").buildNumber(10L)).buildNumber();
            long after = state.addBuild("web-app", StatusType.SUCCEEDED).buildNumber();

            assertThat(List.of(first, api, chosen, after)).containsExactly(1L, 1L, 10L, 11L);
        }

        @Test
        void startTimesFollowTheSeedingOrder(FakeCodeBuildState state) {
            Instant future = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MILLIS);
            Build seededLate = state.addBuild(b -> b.projectName("web-app").startTime(future));

            Build next = state.addBuild("web-app", StatusType.SUCCEEDED);

            assertThat(seededLate.startTime()).isEqualTo(future);
            assertThat(next.startTime()).isAfter(future);
        }

        @Test
        void keepsWhatTheTestSet(FakeCodeBuildState state) {
            Instant start = Instant.parse("2024-01-02T03:04:05.678Z");
            Instant end = Instant.parse("2024-01-02T03:14:05.678Z");
            String id = "web-app:11111111-1111-4111-8111-111111111111";

            Build build =
                    state.addBuild(
                            b ->
                                    b.projectName("web-app")
                                            .id(id)
                                            .buildNumber(7L)
                                            .buildStatus(StatusType.FAILED)
                                            .startTime(start)
                                            .endTime(end)
                                            .sourceVersion("abc123")
                                            .initiator("alice"));

            assertThat(build.id()).isEqualTo(id);
            assertThat(build.arn()).isEqualTo(ARN_PREFIX + id);
            assertThat(build.buildNumber()).isEqualTo(7L);
            assertThat(build.startTime()).isEqualTo(start);
            assertThat(build.endTime()).isEqualTo(end);
            assertThat(build.sourceVersion()).isEqualTo("abc123");
            assertThat(build.initiator()).isEqualTo("alice");
            assertThat(build.phases())
                    .filteredOn(phase -> phase.phaseType() == BuildPhaseType.QUEUED)
                    .singleElement()
                    .satisfies(
                            queued -> {
                                assertThat(queued.startTime()).isEqualTo(start);
                                assertThat(queued.endTime()).isEqualTo(end);
                                assertThat(queued.durationInSeconds()).isEqualTo(600L);
                            });
        }

        @Test
        void aBuildWithABatchArnJoinsTheBatch(FakeCodeBuildState state) {
            BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            Build first = state.addBuild(b -> b.projectName("web-app").buildBatchArn(batch.arn()));
            Build second =
                    state.addBuild(
                            b ->
                                    b.projectName("web-app")
                                            .buildBatchArn(batch.arn())
                                            .buildStatus(StatusType.SUCCEEDED));

            var groups = state.buildBatch(batch.id()).orElseThrow().buildGroups();
            assertThat(groups)
                    .extracting(
                            group -> group.identifier(),
                            group -> group.currentBuildSummary().arn(),
                            group -> group.currentBuildSummary().buildStatus())
                    .containsExactly(
                            tuple("build1", first.arn(), StatusType.IN_PROGRESS),
                            tuple("build2", second.arn(), StatusType.SUCCEEDED));
        }

        @Test
        void refusesAnArnThatDoesNotEndInTheId(FakeCodeBuildState state) {
            BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            assertThatThrownBy(
                            () ->
                                    state.addBuild(
                                            b ->
                                                    b.projectName("web-app")
                                                            .id("web-app:1")
                                                            .arn("arn:aws:codebuild:x")
                                                            .buildBatchArn(batch.arn())))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build ARN \"arn:aws:codebuild:x\" does not end with \"/web-app:1\","
                                    + " its id");
            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b ->
                                                    b.projectName("web-app")
                                                            .id("web-app:2")
                                                            .arn("arn:aws:codebuild:y")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build batch ARN \"arn:aws:codebuild:y\" does not end with"
                                    + " \"/web-app:2\", its id");
            Build other =
                    state.addBuild(
                            b ->
                                    b.projectName("web-app")
                                            .id("web-app:3")
                                            .arn(
                                                    "arn:aws:codebuild:eu-west-1:111122223333:build/web-app:3")
                                            .buildBatchArn(batch.arn()));

            state.finishBuildBatch(batch.id(), StatusType.FAILED);

            assertThat(state.build(other.id()).orElseThrow().buildStatus())
                    .isEqualTo(StatusType.FAILED);
            assertThat(state.builds()).hasSize(1);
        }

        @Test
        void refusesWhatCodeBuildWouldNeverHold(FakeCodeBuildState state) {
            Build taken = state.addBuild("web-app", StatusType.SUCCEEDED);

            assertThatThrownBy(() -> state.addBuild(b -> b.sourceVersion("main")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A build needs a projectName: set it with b.projectName(\"...\")");
            assertThatThrownBy(() -> state.addBuild("ghost", StatusType.SUCCEEDED))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "No project named \"ghost\": add it with addProject(\"ghost\") before"
                                    + " adding its builds");
            assertThatThrownBy(() -> state.addBuild(b -> b.projectName("web-app").id("api:1")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build id \"api:1\" does not start with \"web-app:\", the name of its"
                                    + " project");
            assertThatThrownBy(() -> state.addBuild(b -> b.projectName("web-app").id(taken.id())))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A build with id \"" + taken.id() + "\" was already added");
            assertThatThrownBy(() -> state.addBuild(b -> b.projectName("web-app").buildNumber(0L)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Build number 0 is below 1; CodeBuild counts from 1");
            assertThatThrownBy(() -> state.addBuild(b -> b.projectName("web-app").buildNumber(1L)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Build number 1 is already used in project \"web-app\"");
            assertThatThrownBy(() -> state.addBuild("web-app", StatusType.UNKNOWN_TO_SDK_VERSION))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "UNKNOWN_TO_SDK_VERSION is not a status a build can have: use one of"
                                    + " [SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS,"
                                    + " STOPPED]");
            assertThatThrownBy(
                            () ->
                                    state.addBuild(
                                            b ->
                                                    b.projectName("web-app")
                                                            .buildBatchArn("arn:nothing")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "No build batch of project \"web-app\" has the ARN \"arn:nothing\":"
                                    + " add the batch first");
            assertThat(state.builds()).containsExactly(taken);
        }

        @Test
        void refusesAnEndBeforeTheStart(FakeCodeBuildState state) {
            Instant start = Instant.parse("2024-01-02T03:04:05.678Z");
            Instant end = Instant.parse("2024-01-02T03:04:05.677Z");

            assertThatThrownBy(
                            () ->
                                    state.addBuild(
                                            b ->
                                                    b.projectName("web-app")
                                                            .startTime(start)
                                                            .endTime(end)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build endTime 2024-01-02T03:04:05.677Z is before its startTime"
                                    + " 2024-01-02T03:04:05.678Z");
        }
    }

    @Nested
    class ReadingBack {

        @Test
        void buildsAreInTheOrderTheyWereAddedOrStarted(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            state.addProject("api");
            Build first = state.addBuild("api", StatusType.SUCCEEDED);
            Build second = codeBuild.startBuild(r -> r.projectName("web-app")).build();
            Build third = state.addBuild(b -> b.projectName("web-app").buildNumber(1000L));
            Build fourth = codeBuild.startBuild(r -> r.projectName("api")).build();

            assertThat(state.builds()).containsExactly(first, second, third, fourth);
        }

        @Test
        void buildsIsASnapshot(FakeCodeBuildState state) {
            Build running = state.addBuild("web-app", StatusType.IN_PROGRESS);
            List<Build> before = state.builds();

            Build finished = state.finishBuild(running.id(), StatusType.SUCCEEDED);
            state.addBuild("web-app", StatusType.FAILED);

            assertThat(before).containsExactly(running);
            assertThatThrownBy(() -> before.add(finished))
                    .isInstanceOf(UnsupportedOperationException.class);
            assertThat(state.builds()).hasSize(2).first().isEqualTo(finished);
            assertThat(state.build(running.id())).contains(finished);
        }
    }

    @Nested
    class FinishBuild {

        @ParameterizedTest
        @EnumSource(names = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED"})
        void endsARunningBuildNow(StatusType status, FakeCodeBuildState state) {
            Build running = state.addBuild("web-app", StatusType.IN_PROGRESS);
            Instant before = Instant.now().minusMillis(1);

            Build finished = state.finishBuild(running.id(), status);

            assertThat(finished.id()).isEqualTo(running.id());
            assertThat(finished.buildNumber()).isEqualTo(running.buildNumber());
            assertThat(finished.buildStatus()).isEqualTo(status);
            assertThat(finished.buildComplete()).isTrue();
            assertThat(finished.currentPhase()).isEqualTo("COMPLETED");
            assertThat(finished.startTime()).isEqualTo(running.startTime());
            assertThat(finished.endTime()).isAfter(before).isAfter(running.startTime());
            assertThat(finished.phases())
                    .extracting(BuildPhase::phaseType, BuildPhase::phaseStatus)
                    .containsExactlyElementsOf(phasesFinishedFromQueued(status));
            BuildPhase queued = finished.phases().get(1);
            assertThat(queued.startTime()).isEqualTo(running.startTime());
            assertThat(queued.endTime()).isEqualTo(finished.endTime());
            assertThat(finished.phases().get(finished.phases().size() - 1).startTime())
                    .isEqualTo(finished.endTime());
            assertThat(state.build(running.id())).contains(finished);
        }

        @Test
        void aFinishedBuildOfABatchShowsInItsGroup(FakeCodeBuildState state) {
            BuildBatch batch = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
            Build build = state.addBuild(b -> b.projectName("web-app").buildBatchArn(batch.arn()));

            state.finishBuild(build.id(), StatusType.TIMED_OUT);

            var summary =
                    state.buildBatch(batch.id())
                            .orElseThrow()
                            .buildGroups()
                            .get(0)
                            .currentBuildSummary();
            assertThat(summary.buildStatus()).isEqualTo(StatusType.TIMED_OUT);
        }

        @Test
        void anUnknownIdIsRefused(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.finishBuild("web-app:nothing", StatusType.FAILED))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("No build with id \"web-app:nothing\"");
        }

        @Test
        void aFinishedBuildIsRefused(FakeCodeBuildState state) {
            Build build = state.addBuild("web-app", StatusType.SUCCEEDED);

            assertThatThrownBy(() -> state.finishBuild(build.id(), StatusType.FAILED))
                    .isExactlyInstanceOf(IllegalStateException.class)
                    .hasMessage("Build " + build.id() + " has already finished as SUCCEEDED");
            assertThat(state.build(build.id())).contains(build);
        }

        @Test
        void inProgressIsNotAnEnd(FakeCodeBuildState state) {
            Build build = state.addBuild("web-app", StatusType.IN_PROGRESS);

            assertThatThrownBy(() -> state.finishBuild(build.id(), StatusType.IN_PROGRESS))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "IN_PROGRESS is not a status a build can finish with: use SUCCEEDED,"
                                    + " FAILED, FAULT, TIMED_OUT or STOPPED");
            assertThatThrownBy(
                            () -> state.finishBuild(build.id(), StatusType.UNKNOWN_TO_SDK_VERSION))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "UNKNOWN_TO_SDK_VERSION is not a status a build can have: use one of"
                                    + " [SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS,"
                                    + " STOPPED]");
            assertThat(state.build(build.id())).contains(build);
        }

        @Test
        void nullsAreRefused(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.finishBuild(null, StatusType.FAILED))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("id");
            assertThatThrownBy(() -> state.finishBuild("web-app:x", null))
                    .isExactlyInstanceOf(NullPointerException.class)
                    .hasMessage("status");
        }
    }
}
