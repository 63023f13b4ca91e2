package dev.fakecodebuild;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhase;
import software.amazon.awssdk.services.codebuild.model.BuildBatchPhaseType;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectSortByType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

@FakeCodeBuild
class SeedingTest {

    @Nested
    class Projects {

        @Test
        void fillsTheArnAndTimes(FakeCodeBuildState state) {
            Instant before = Instant.now().minusMillis(1);

            Project project = state.addProject("web-app");

            assertThat(project.name()).isEqualTo("web-app");
            assertThat(project.arn())
                    .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/web-app");
            assertThat(project.created()).isAfter(before).isEqualTo(project.lastModified());
            assertThat(project.created())
                    .isEqualTo(project.created().truncatedTo(ChronoUnit.MILLIS));
            assertThat(state.projects()).containsExactly(project);
            assertThat(state.project("web-app")).contains(project);
            assertThat(state.project("other")).isEmpty();
        }

        @Test
        void keepsWhatTheTestSet(FakeCodeBuildState state) {
            Instant created = Instant.parse("2024-01-02T03:04:05.678Z");

            Project project =
                    state.addProject(
                            p ->
                                    p.name("api")
                                            .description("The API")
                                            .created(created)
                                            .serviceRole("arn:aws:iam::123456789012:role/cb"));

            assertThat(project.description()).isEqualTo("The API");
            assertThat(project.serviceRole()).isEqualTo("arn:aws:iam::123456789012:role/cb");
            assertThat(project.created()).isEqualTo(created);
            assertThat(project.lastModified()).isEqualTo(created);
        }

        @Test
        void keepsTheOrderTheyWereAddedIn(FakeCodeBuildState state) {
            state.addProject("zeta");
            state.addProject("alpha");
            state.addProject("mid");

            assertThat(state.projects())
                    .extracting(Project::name)
                    .containsExactly("zeta", "alpha", "mid");
            assertThat(state.projects())
                    .extracting(Project::created)
                    .isSortedAccordingTo(Instant::compareTo)
                    .doesNotHaveDuplicates();
        }

        @ParameterizedTest
        @ValueSource(strings = {"a", "-web", "_web", "web app", "web.app", "wéb"})
        void refusesNamesCodeBuildRefuses(String name, FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.addProject(name))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Project name \""
                                    + name
                                    + "\" is not one CodeBuild accepts: use 2 to 150 letters,"
                                    + " digits, '-' or '_', starting with a letter or digit");
            assertThat(state.projects()).isEmpty();
        }

        @Test
        void acceptsNamesAtTheLimits(FakeCodeBuildState state) {
            state.addProject("ab");
            state.addProject("9" + "x".repeat(149));

            assertThatThrownBy(() -> state.addProject("9" + "x".repeat(150)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not one CodeBuild accepts");
            assertThat(state.projects()).hasSize(2);
        }

        @Test
        void refusesADuplicate(FakeCodeBuildState state) {
            Project first = state.addProject("web-app");

            assertThatThrownBy(() -> state.addProject("web-app"))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A project named \"web-app\" was already added")
                    .hasNoCause();
            assertThat(state.projects()).containsExactly(first);
        }

        @Test
        void refusesATimeTheWireCannotCarryAndKeepsWorking(
                CodeBuildClient codeBuild, FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.addProject(p -> p.name("far").created(Instant.MAX)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Project created +1000000000-12-31T23:59:59.999999999Z cannot travel"
                                    + " on the wire, where CodeBuild sends times as epoch"
                                    + " milliseconds: use a time between -292275055-05-16T16:47:04.192Z"
                                    + " and +292278994-08-17T07:12:55.807Z");
            Project next = state.addProject("web-app");
            assertThatThrownBy(
                            () ->
                                    state.addBuild(
                                            b -> b.projectName("web-app").startTime(Instant.MIN)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "Build startTime -1000000000-01-01T00:00:00Z cannot travel on the wire");

            assertThat(state.projects()).containsExactly(next);
            assertThat(
                            codeBuild
                                    .listProjects(r -> r.sortBy(ProjectSortByType.CREATED_TIME))
                                    .projects())
                    .containsExactly("web-app");
            assertThat(codeBuild.startBuild(r -> r.projectName("web-app")).build().startTime())
                    .isAfterOrEqualTo(next.created());
        }

        @Test
        void refusesAProjectWithoutAName(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.addProject(p -> p.description("nameless")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A project needs a name: set it with p.name(\"...\")");
        }
    }

    @Nested
    class BuildBatches {

        @Test
        void fillsWhatCodeBuildFills(FakeCodeBuildState state) {
            state.addProject("web-app");

            BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThat(batch.id())
                    .matches(
                            "web-app:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws:codebuild:us-east-1:123456789012:build-batch/" + batch.id());
            assertThat(batch.projectName()).isEqualTo("web-app");
            assertThat(batch.buildBatchNumber()).isEqualTo(1L);
            assertThat(batch.buildBatchStatus()).isEqualTo(StatusType.SUCCEEDED);
            assertThat(batch.complete()).isTrue();
            assertThat(batch.currentPhase()).isEqualTo("SUCCEEDED");
            assertThat(batch.endTime()).isEqualTo(batch.startTime());
            assertThat(state.buildBatch(batch.id())).contains(batch);
            assertThat(state.buildBatches()).containsExactly(batch);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {"SUCCEEDED", "FAILED", "FAULT", "TIMED_OUT", "STOPPED", "IN_PROGRESS"})
        void matchesPhaseAndCompletionToTheStatus(StatusType status, FakeCodeBuildState state) {
            state.addProject("web-app");

            BuildBatch batch = state.addBuildBatch("web-app", status);

            String phase =
                    switch (status) {
                        case SUCCEEDED -> "SUCCEEDED";
                        case STOPPED -> "STOPPED";
                        case IN_PROGRESS -> "IN_PROGRESS";
                        default -> "FAILED";
                    };
            boolean finished = status != StatusType.IN_PROGRESS;
            assertThat(batch.currentPhase()).isEqualTo(phase);
            assertThat(batch.complete()).isEqualTo(finished);
            assertThat(batch.endTime() != null).isEqualTo(finished);
        }

        @Test
        void aFinishedBatchHasThePhasesOfAFinishedBatch(FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant start = Instant.parse("2026-12-04T10:00:00Z");
            Instant end = start.plusSeconds(90);

            BuildBatch batch =
                    state.addBuildBatch(
                            b ->
                                    b.projectName("web-app")
                                            .buildBatchStatus(StatusType.FAILED)
                                            .startTime(start)
                                            .endTime(end));

            assertThat(batch.phases())
                    .containsExactly(
                            phase(
                                    BuildBatchPhaseType.SUBMITTED,
                                    StatusType.SUCCEEDED,
                                    start,
                                    start),
                            phase(
                                    BuildBatchPhaseType.DOWNLOAD_BATCHSPEC,
                                    StatusType.SUCCEEDED,
                                    start,
                                    start),
                            phase(BuildBatchPhaseType.IN_PROGRESS, StatusType.FAILED, start, end),
                            BuildBatchPhase.builder()
                                    .phaseType(BuildBatchPhaseType.FAILED)
                                    .startTime(end)
                                    .build());
        }

        @Test
        void phasesTheTestGaveAreKeptAndARunningBatchHasNone(FakeCodeBuildState state) {
            state.addProject("web-app");
            BuildBatchPhase only =
                    BuildBatchPhase.builder().phaseType(BuildBatchPhaseType.SUCCEEDED).build();

            BuildBatch given =
                    state.addBuildBatch(
                            b ->
                                    b.projectName("web-app")
                                            .buildBatchStatus(StatusType.SUCCEEDED)
                                            .phases(only));
            BuildBatch running = state.addBuildBatch("web-app", StatusType.IN_PROGRESS);

            assertThat(given.phases()).containsExactly(only);
            assertThat(running.hasPhases()).isFalse();
        }

        private static BuildBatchPhase phase(
                BuildBatchPhaseType type, StatusType status, Instant start, Instant end) {
            return BuildBatchPhase.builder()
                    .phaseType(type)
                    .phaseStatus(status)
                    .startTime(start)
                    .endTime(end)
                    .durationInSeconds(end.getEpochSecond() - start.getEpochSecond())
                    .build();
        }

        @Test
        void numbersAndTimesFollowTheSeedingOrderPerProject(FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addProject("api");

            BuildBatch first = state.addBuildBatch("web-app", StatusType.FAILED);
            BuildBatch other = state.addBuildBatch("api", StatusType.FAILED);
            BuildBatch second = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
            BuildBatch third = state.addBuildBatch(b -> b.projectName("web-app"));

            assertThat(first.buildBatchNumber()).isEqualTo(1L);
            assertThat(second.buildBatchNumber()).isEqualTo(2L);
            assertThat(third.buildBatchNumber()).isEqualTo(3L);
            assertThat(other.buildBatchNumber()).isEqualTo(1L);
            assertThat(first.startTime()).isBefore(other.startTime());
            assertThat(other.startTime()).isBefore(second.startTime());
            assertThat(second.startTime()).isBefore(third.startTime());
            assertThat(state.buildBatches()).containsExactly(first, other, second, third);
        }

        @Test
        void defaultsToARunningBatch(FakeCodeBuildState state) {
            state.addProject("web-app");

            BuildBatch batch = state.addBuildBatch(b -> b.projectName("web-app"));

            assertThat(batch.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
            assertThat(batch.complete()).isFalse();
            assertThat(batch.currentPhase()).isEqualTo("IN_PROGRESS");
            assertThat(batch.endTime()).isNull();
        }

        @Test
        void keepsWhatTheTestSet(FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant start = Instant.parse("2024-05-06T07:08:09.123Z");

            BuildBatch batch =
                    state.addBuildBatch(
                            b ->
                                    b.projectName("web-app")
                                            .id("web-app:fixed")
                                            .buildBatchNumber(42L)
                                            .sourceVersion("refs/heads/main")
                                            .startTime(start)
                                            .endTime(start.plusSeconds(90))
                                            .buildBatchStatus(StatusType.FAILED));

            assertThat(batch.id()).isEqualTo("web-app:fixed");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws:codebuild:us-east-1:123456789012:build-batch/web-app:fixed");
            assertThat(batch.buildBatchNumber()).isEqualTo(42L);
            assertThat(batch.sourceVersion()).isEqualTo("refs/heads/main");
            assertThat(batch.startTime()).isEqualTo(start);
            assertThat(batch.endTime()).isEqualTo(start.plusSeconds(90));
            assertThat(state.addBuildBatch("web-app", StatusType.FAILED).buildBatchNumber())
                    .isEqualTo(43L);
        }

        @Test
        void refusesABatchForAnUnknownProject(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.addBuildBatch("api", StatusType.FAILED))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "No project named \"api\": add it with addProject(\"api\") before"
                                    + " adding its build batches");
            assertThat(state.buildBatches()).isEmpty();
        }

        @Test
        void refusesABatchWithoutAProject(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.addBuildBatch(b -> b.sourceVersion("main")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "A build batch needs a projectName: set it with b.projectName(\"...\")");
        }

        @Test
        void refusesAnIdOfAnotherProjectOrATakenOne(FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addBuildBatch(b -> b.projectName("web-app").id("web-app:one"));

            assertThatThrownBy(
                            () -> state.addBuildBatch(b -> b.projectName("web-app").id("api:two")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build batch id \"api:two\" does not start with \"web-app:\", the name"
                                    + " of its project");
            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b -> b.projectName("web-app").id("web-app:one")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("A build batch with id \"web-app:one\" was already added");
            assertThat(state.buildBatches()).hasSize(1);
        }

        @Test
        void refusesNumbersBelowOneOrTaken(FakeCodeBuildState state) {
            state.addProject("web-app");
            state.addBuildBatch("web-app", StatusType.FAILED);

            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b -> b.projectName("web-app").buildBatchNumber(0L)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Build batch number 0 is below 1; CodeBuild counts from 1");
            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b -> b.projectName("web-app").buildBatchNumber(1L)))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage("Build batch number 1 is already used in project \"web-app\"");
            assertThat(state.addBuildBatch("web-app", StatusType.FAILED).buildBatchNumber())
                    .isEqualTo(2L);
        }

        @Test
        void refusesAnUnknownStatusOrAnEndBeforeTheStart(FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant start = Instant.parse("2024-05-06T07:08:09.123Z");

            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b -> b.projectName("web-app").buildBatchStatus("DONE")))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build batch status \"DONE\" is not one of [SUCCEEDED, FAILED, FAULT,"
                                    + " TIMED_OUT, IN_PROGRESS, STOPPED]");
            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b ->
                                                    b.projectName("web-app")
                                                            .startTime(start)
                                                            .endTime(start.minusSeconds(1))))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "Build batch endTime 2024-05-06T07:08:08.123Z is before its startTime"
                                    + " 2024-05-06T07:08:09.123Z");
            assertThat(state.buildBatches()).isEmpty();
        }

        @Test
        void startsAfterTheLatestTimeSeededBefore(FakeCodeBuildState state) {
            state.addProject("web-app");
            Instant future = Instant.parse("2099-01-01T00:00:00Z");
            state.addBuildBatch(b -> b.projectName("web-app").startTime(future));

            BuildBatch next = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThat(next.startTime()).isEqualTo(future.plusMillis(1));
        }

        @Test
        void refusesUnknownToSdkVersionByName(FakeCodeBuildState state) {
            state.addProject("web-app");

            assertThatThrownBy(
                            () -> state.addBuildBatch("web-app", StatusType.UNKNOWN_TO_SDK_VERSION))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "UNKNOWN_TO_SDK_VERSION is not a status a build batch can have: use one"
                                    + " of [SUCCEEDED, FAILED, FAULT, TIMED_OUT, IN_PROGRESS,"
                                    + " STOPPED]");
        }

        @Test
        void saysWhenTheStartItEndsBeforeWasFilledIn(FakeCodeBuildState state) {
            state.addProject("web-app");

            assertThatThrownBy(
                            () ->
                                    state.addBuildBatch(
                                            b ->
                                                    b.projectName("web-app")
                                                            .endTime(
                                                                    Instant.parse(
                                                                            "2001-01-01T00:00:00Z"))))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(
                            "Build batch endTime 2001-01-01T00:00:00Z is before its startTime ")
                    .hasMessageEndingWith(", which the fake gave it: set startTime too");
        }

        @Test
        void truncatesTimesToMillisecondsAsTheyTravelOnTheWire(FakeCodeBuildState state) {
            state.addProject("web-app");

            BuildBatch batch =
                    state.addBuildBatch(
                            b ->
                                    b.projectName("web-app")
                                            .startTime(
                                                    Instant.parse(
                                                            "2024-05-06T07:08:09.123456789Z")));

            assertThat(batch.startTime()).isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z"));
        }
    }

    @Nested
    class Requests {

        @Test
        void refusesAnAbstractRequestClass(FakeCodeBuildState state) {
            assertThatThrownBy(() -> state.requests(CodeBuildRequest.class))
                    .isExactlyInstanceOf(IllegalArgumentException.class)
                    .hasMessage(
                            "requests(Class) takes the class of one operation's request, such as"
                                    + " ListBuildBatchesForProjectRequest.class, not"
                                    + " CodeBuildRequest; calls() returns every call");
        }
    }

    @Nested
    @FakeCodeBuild(region = "cn-north-1", accountId = "111122223333")
    class InAnotherRegionAndAccount {

        @Test
        void usesThemInEveryArn(FakeCodeBuildState state) {
            Project project = state.addProject("web-app");
            BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            assertThat(project.arn())
                    .isEqualTo("arn:aws-cn:codebuild:cn-north-1:111122223333:project/web-app");
            assertThat(batch.arn())
                    .isEqualTo(
                            "arn:aws-cn:codebuild:cn-north-1:111122223333:build-batch/"
                                    + batch.id());
            assertThat(state.region().id()).isEqualTo("cn-north-1");
            assertThat(state.accountId()).isEqualTo("111122223333");
        }
    }
}
