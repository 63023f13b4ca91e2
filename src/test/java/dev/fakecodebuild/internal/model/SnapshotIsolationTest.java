package dev.fakecodebuild.internal.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** What is written after a snapshot never shows in the snapshot, whichever change came first. */
class SnapshotIsolationTest {

    private final CodeBuildModel model =
            new CodeBuildModel(new Arns(Region.US_EAST_1, "123456789012"), Clock.systemUTC());

    @Test
    void buildsStartedAfterAnUpdateOfTheProjectAreGoneAfterARestore() {
        model.addProject(Project.builder().name("web-app").build());
        Snapshot classState = model.snapshot();

        model.updateProject("web-app", project -> project.description("changed"));
        model.startBuild(Build.builder().projectName("web-app").build(), null);
        model.startBuildBatch(BuildBatch.builder().projectName("web-app").build(), null);
        model.restore(classState);

        assertThat(model.buildsOf("web-app", true, null, 100).orElseThrow().items()).isEmpty();
        assertThat(
                        model.buildBatchesOf("web-app", true, null, batch -> true, 100)
                                .orElseThrow()
                                .items())
                .isEmpty();
        assertThat(model.project("web-app").orElseThrow().description()).isNull();
    }

    @Test
    void aTimeSeededAfterASnapshotNoLongerPushesLaterTimesAfterARestore() {
        model.addProject(Project.builder().name("web-app").build());
        Snapshot classState = model.snapshot();
        Instant future = Instant.parse("2999-01-01T00:00:00Z");

        model.addBuild(Build.builder().projectName("web-app").startTime(future).build());
        model.restore(classState);
        Build started = model.startBuild(Build.builder().projectName("web-app").build(), null);

        assertThat(started.startTime()).isBefore(future);
    }

    @Test
    void aRetryThatFailsHalfwayLeavesNothingBehind() {
        model.addProject(Project.builder().name("web-app").build());
        BuildBatch batch = model.addBuildBatch(BuildBatch.builder().projectName("web-app").build());
        for (long number : new long[] {1, 2}) {
            model.addBuild(
                    Build.builder()
                            .projectName("web-app")
                            .buildNumber(number)
                            .buildBatchArn(batch.arn())
                            .build());
        }
        model.addBuild(
                Build.builder().projectName("web-app").buildNumber(Long.MAX_VALUE - 1).build());
        BuildBatch failed = model.finishBuildBatch(batch.id(), StatusType.FAILED);
        List<Build> builds = model.builds();

        assertThatThrownBy(
                        () ->
                                model.retryBuildBatch(
                                        batch.id(), RetryBuildBatchType.RETRY_ALL_BUILDS, null))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Project \"web-app\" has no build number left after");

        assertThat(model.builds()).isEqualTo(builds);
        assertThat(model.buildBatch(batch.id())).contains(failed);
    }
}
