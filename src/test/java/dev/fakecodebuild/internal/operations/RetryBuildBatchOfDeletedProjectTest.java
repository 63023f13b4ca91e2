package dev.fakecodebuild.internal.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fakecodebuild.internal.model.Arns;
import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** Retrying a batch whose project was deleted names the missing project, not the batch. */
class RetryBuildBatchOfDeletedProjectTest {

    @Test
    void isRefusedAsProjectNotFound() {
        CodeBuildModel model =
                new CodeBuildModel(new Arns(Region.US_EAST_1, "123456789012"), Clock.systemUTC());
        model.addProject(Project.builder().name("web-app").build());
        BuildBatch batch =
                model.addBuildBatch(
                        BuildBatch.builder()
                                .projectName("web-app")
                                .buildBatchStatus(StatusType.IN_PROGRESS)
                                .build());
        model.addBuild(
                Build.builder()
                        .projectName("web-app")
                        .buildBatchArn(batch.arn())
                        .buildStatus(StatusType.FAILED)
                        .build());
        model.finishBuildBatch(batch.id(), StatusType.FAILED);
        model.deleteProject("web-app");
        var request = RetryBuildBatchRequest.builder().id(batch.id()).build();

        ServiceException refused =
                catchThrowableOfType(
                        ServiceException.class, () -> new RetryBuildBatch(model).invoke(request));

        assertThat(refused.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(refused.getMessage())
                .isEqualTo(
                        "Project cannot be found:"
                                + " arn:aws:codebuild:us-east-1:123456789012:project/web-app");
        assertThat(model.buildBatch(batch.id()).orElseThrow().buildBatchStatus())
                .isEqualTo(StatusType.FAILED);
    }
}
