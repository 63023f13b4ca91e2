package dev.fakecodebuild.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/** The README's client of one's own, with the SDK's default HTTP client and standard retries. */
@FakeCodeBuild
class OwnClientTest {

    @Test
    void aClientBuiltAgainstTheEndpointReachesTheFake(FakeCodeBuildState state) {
        state.addProject("web-app");
        var batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

        try (CodeBuildClient client =
                CodeBuildClient.builder()
                        .endpointOverride(state.endpoint())
                        .region(state.region())
                        .credentialsProvider(AnonymousCredentialsProvider.create())
                        .overrideConfiguration(c -> c.retryStrategy(RetryMode.STANDARD))
                        .build()) {

            var ids = client.listBuildBatchesForProject(r -> r.projectName("web-app")).ids();

            assertThat(ids).containsExactly(batch.id());
        }
        assertThat(state.calls())
                .singleElement()
                .satisfies(call -> assertThat(call.statusCode()).isEqualTo(200));
    }
}
