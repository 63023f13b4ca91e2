package dev.fakecodebuild.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** A running batch whose project was deleted can still be stopped or finished. */
class DeletedProjectBatchTest {

    private final CodeBuildModel model =
            new CodeBuildModel(new Arns(Region.US_EAST_1, "123456789012"), Clock.systemUTC());

    @Test
    void aBatchWithoutBuildsStopsWithoutTheDownloadSourceBuild() {
        model.addProject(Project.builder().name("web-app").build());
        BuildBatch running =
                model.startBuildBatch(BuildBatch.builder().projectName("web-app").build(), null);
        model.deleteProject("web-app");

        BuildBatch stopped = model.stopBuildBatch(running.id());

        assertThat(stopped.buildBatchStatus()).isEqualTo(StatusType.STOPPED);
        assertThat(stopped.complete()).isTrue();
        assertThat(stopped.hasBuildGroups()).isFalse();
        assertThat(model.builds()).isEmpty();
    }

    @Test
    void aBatchWithoutBuildsOfAnExistingProjectGetsTheDownloadSourceBuild() {
        model.addProject(Project.builder().name("web-app").build());
        BuildBatch running =
                model.startBuildBatch(BuildBatch.builder().projectName("web-app").build(), null);

        BuildBatch stopped = model.stopBuildBatch(running.id());

        assertThat(stopped.buildGroups()).hasSize(1);
        assertThat(model.builds()).hasSize(1);
    }
}
