package dev.fakecodebuild.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;

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
}
