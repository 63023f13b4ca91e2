package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CodeBuildException;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** What the fake fills in when a test seeds projects and build batches, seen through the state. */
@FakeCodeBuild
class SeededDefaultsTest {

    private static final String UUID =
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private static final String OWN_ARN =
            "arn:aws:codebuild:us-east-1:123456789012:build-batch/web-app:my-own-id";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Test
    void projectGetsArnAndTimes(FakeCodeBuildState state) {
        Project project = state.project("web-app").orElseThrow();

        assertThat(project.name()).isEqualTo("web-app");
        assertThat(project.arn())
                .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/web-app");
        assertThat(project.created()).isNotNull();
        assertThat(project.created().truncatedTo(ChronoUnit.MILLIS)).isEqualTo(project.created());
        assertThat(project.lastModified()).isEqualTo(project.created());
        assertThat(state.projects()).containsExactly(project);
    }

    @Test
    void projectKeepsWhatTheTestSetToTheMillisecond(FakeCodeBuildState state) {
        Instant created = Instant.parse("2024-01-02T03:04:05.678901234Z");
        Instant modified = Instant.parse("2024-02-03T04:05:06.789Z");

        Project project =
                state.addProject(
                        p ->
                                p.name("api")
                                        .created(created)
                                        .lastModified(modified)
                                        .description("API"));

        assertThat(project.created()).isEqualTo(Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(project.lastModified()).isEqualTo(modified);
        assertThat(project.description()).isEqualTo("API");
        assertThat(project.arn()).isEqualTo("arn:aws:codebuild:us-east-1:123456789012:project/api");
        assertThat(state.projects()).extracting(Project::name).containsExactly("web-app", "api");
        assertThat(state.project("api")).contains(project);
        assertThat(state.project("ghost")).isEmpty();
    }

    @Test
    void batchGetsIdArnAndNumber(FakeCodeBuildState state) {
        BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        assertThat(batch.id()).matches("web-app:" + UUID);
        assertThat(batch.arn())
                .isEqualTo("arn:aws:codebuild:us-east-1:123456789012:build-batch/" + batch.id());
        assertThat(batch.projectName()).isEqualTo("web-app");
        assertThat(batch.buildBatchNumber()).isEqualTo(1L);
        assertThat(state.buildBatch(batch.id())).contains(batch);
        assertThat(state.buildBatches()).containsExactly(batch);
    }

    @Test
    void numbersCountFromOnePerProject(FakeCodeBuildState state) {
        state.addProject("api");
        List<BuildBatch> web = new ArrayList<>();
        List<BuildBatch> api = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            web.add(state.addBuildBatch("web-app", StatusType.SUCCEEDED));
            api.add(state.addBuildBatch("api", StatusType.FAILED));
        }

        assertThat(web).extracting(BuildBatch::buildBatchNumber).containsExactly(1L, 2L, 3L);
        assertThat(api).extracting(BuildBatch::buildBatchNumber).containsExactly(1L, 2L, 3L);
        assertThat(state.buildBatches())
                .extracting(BuildBatch::id)
                .containsExactly(
                        web.get(0).id(),
                        api.get(0).id(),
                        web.get(1).id(),
                        api.get(1).id(),
                        web.get(2).id(),
                        api.get(2).id());
        assertThat(api).allSatisfy(b -> assertThat(b.id()).matches("api:" + UUID));
    }

    @Test
    void numbersContinueAfterTheHighestAndAreNeverReused(FakeCodeBuildState state) {
        BuildBatch first = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        BuildBatch ten = state.addBuildBatch(b -> b.projectName("web-app").buildBatchNumber(10L));
        BuildBatch next = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
        BuildBatch five = state.addBuildBatch(b -> b.projectName("web-app").buildBatchNumber(5L));
        BuildBatch last = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        assertThat(List.of(first, ten, next, five, last))
                .extracting(BuildBatch::buildBatchNumber)
                .containsExactly(1L, 10L, 11L, 5L, 12L);
    }

    @Test
    void aDefaultNumberNeverWrapsBelowOne(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        BuildBatch highest =
                state.addBuildBatch(b -> b.projectName("web-app").buildBatchNumber(Long.MAX_VALUE));

        // No number is left above Long.MAX_VALUE: the next default batch must be refused, not
        // numbered Long.MIN_VALUE (below 1, and listed as the oldest although it is the newest).
        assertThatThrownBy(() -> state.addBuildBatch("web-app", StatusType.SUCCEEDED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(
                        "Project \"web-app\" has no build batch number left after"
                                + " 9223372036854775807: set buildBatchNumber on the batch");
        assertThat(state.buildBatches()).containsExactly(highest);
        assertThat(codeBuild.listBuildBatchesForProject(r -> r.projectName("web-app")).ids())
                .containsExactly(highest.id());
    }

    @Test
    void aStartThroughTheApiNeverWrapsBelowOneEither(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Build highest = state.addBuild(b -> b.projectName("web-app").buildNumber(Long.MAX_VALUE));
        BuildBatch highestBatch =
                state.addBuildBatch(b -> b.projectName("web-app").buildBatchNumber(Long.MAX_VALUE));

        // The state the test seeded leaves no number: the fake fails the call, naming why.
        CodeBuildException build =
                catchThrowableOfType(
                        CodeBuildException.class,
                        () -> codeBuild.startBuild(r -> r.projectName("web-app")));
        CodeBuildException batch =
                catchThrowableOfType(
                        CodeBuildException.class,
                        () -> codeBuild.startBuildBatch(r -> r.projectName("web-app")));

        assertThat(build.statusCode()).isEqualTo(500);
        assertThat(build.awsErrorDetails().errorMessage())
                .contains(
                        "Project \"web-app\" has no build number left after"
                                + " 9223372036854775807: set buildNumber on the build");
        assertThat(batch.statusCode()).isEqualTo(500);
        assertThat(batch.awsErrorDetails().errorMessage())
                .contains(
                        "Project \"web-app\" has no build batch number left after"
                                + " 9223372036854775807: set buildBatchNumber on the batch");
        assertThat(state.builds()).containsExactly(highest);
        assertThat(state.buildBatches()).containsExactly(highestBatch);
    }

    @Test
    void startTimesIncreaseStrictlyInSeedingOrder(FakeCodeBuildState state) {
        state.addProject("api");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Instant> starts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            starts.add(
                    state.addBuildBatch(i % 3 == 0 ? "api" : "web-app", StatusType.FAILED)
                            .startTime());
        }

        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i)).isAfter(starts.get(i - 1));
        }
        assertThat(starts.get(0)).isAfterOrEqualTo(before);
        assertThat(starts)
                .allSatisfy(t -> assertThat(t.truncatedTo(ChronoUnit.MILLIS)).isEqualTo(t));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "SUCCEEDED,   SUCCEEDED,   true",
        "FAILED,      FAILED,      true",
        "FAULT,       FAILED,      true",
        "TIMED_OUT,   FAILED,      true",
        "STOPPED,     STOPPED,     true",
        "IN_PROGRESS, IN_PROGRESS, false",
    })
    void statusDecidesCompletePhaseAndEndTime(
            StatusType status, String phase, boolean complete, FakeCodeBuildState state) {
        BuildBatch batch = state.addBuildBatch("web-app", status);

        assertThat(batch.buildBatchStatus()).isEqualTo(status);
        assertThat(batch.currentPhase()).isEqualTo(phase);
        assertThat(batch.complete()).isEqualTo(complete);
        assertThat(batch.startTime()).isNotNull();
        if (complete) {
            assertThat(batch.endTime()).isNotNull().isAfterOrEqualTo(batch.startTime());
        } else {
            assertThat(batch.endTime()).isNull();
        }
        assertThat(state.buildBatch(batch.id())).contains(batch);
    }

    @Test
    void aBatchWithoutStatusIsInProgress(FakeCodeBuildState state) {
        BuildBatch batch = state.addBuildBatch(b -> b.projectName("web-app"));

        assertThat(batch.buildBatchStatus()).isEqualTo(StatusType.IN_PROGRESS);
        assertThat(batch.currentPhase()).isEqualTo("IN_PROGRESS");
        assertThat(batch.complete()).isFalse();
        assertThat(batch.endTime()).isNull();
        assertThat(batch.buildBatchNumber()).isEqualTo(1L);
        assertThat(batch.id()).matches("web-app:" + UUID);
    }

    @Test
    void aBatchKeepsWhatTheTestSet(FakeCodeBuildState state) {
        Instant start = Instant.parse("2024-05-06T07:08:09.123456Z");
        Instant end = Instant.parse("2024-05-06T07:18:09.5Z");

        BuildBatch batch =
                state.addBuildBatch(
                        b ->
                                b.projectName("web-app")
                                        .id("web-app:my-own-id")
                                        .arn(OWN_ARN)
                                        .buildBatchStatus(StatusType.FAILED)
                                        .currentPhase("COMBINE_ARTIFACTS")
                                        .complete(false)
                                        .startTime(start)
                                        .endTime(end)
                                        .initiator("alice"));

        assertThat(batch.id()).isEqualTo("web-app:my-own-id");
        assertThat(batch.arn()).isEqualTo(OWN_ARN);
        assertThat(batch.currentPhase()).isEqualTo("COMBINE_ARTIFACTS");
        assertThat(batch.complete()).isFalse();
        assertThat(batch.startTime()).isEqualTo(Instant.parse("2024-05-06T07:08:09.123Z"));
        assertThat(batch.endTime()).isEqualTo(end);
        assertThat(batch.initiator()).isEqualTo("alice");
        assertThat(state.buildBatch("web-app:my-own-id")).contains(batch);
    }

    @Test
    void unknownBatchIdIsEmpty(FakeCodeBuildState state) {
        state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        assertThat(state.buildBatch("web-app:00000000-0000-4000-8000-000000000000")).isEmpty();
    }

    @Test
    void listedIdsAreTheSeededIds(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        for (StatusType status : StatusType.knownValues()) {
            state.addBuildBatch("web-app", status);
        }

        var ids =
                codeBuild
                        .listBuildBatchesForProject(
                                r -> r.projectName("web-app").sortOrder(SortOrderType.ASCENDING))
                        .ids();

        assertThat(ids)
                .containsExactlyElementsOf(
                        state.buildBatches().stream().map(BuildBatch::id).toList());
    }
}
