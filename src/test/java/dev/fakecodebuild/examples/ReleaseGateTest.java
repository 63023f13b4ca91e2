package dev.fakecodebuild.examples;

// The README's quick start, word for word from the next line on; ReadmeTest keeps them equal.
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

@FakeCodeBuild
class ReleaseGateTest {

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
        state.addBuildBatch("web-app", StatusType.FAILED);
        state.addBuildBatch("web-app", StatusType.SUCCEEDED);
    }

    @Test
    void findsTheNewestSuccessfulBatch(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        var request =
                ListBuildBatchesForProjectRequest.builder()
                        .projectName("web-app")
                        .filter(f -> f.status(StatusType.SUCCEEDED))
                        .build();

        var ids = codeBuild.listBuildBatchesForProject(request).ids();

        assertThat(ids).containsExactly(state.buildBatches().get(1).id());
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .containsExactly(request);
    }
}
