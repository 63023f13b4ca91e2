package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

// README quick start: keep this file and the README's code block identical.
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
        var ids =
                codeBuild
                        .listBuildBatchesForProject(
                                r ->
                                        r.projectName("web-app")
                                                .filter(f -> f.status(StatusType.SUCCEEDED)))
                        .ids();

        assertThat(ids).containsExactly(state.buildBatches().get(1).id());
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class))
                .singleElement()
                .extracting(ListBuildBatchesForProjectRequest::projectName)
                .isEqualTo("web-app");
    }
}
