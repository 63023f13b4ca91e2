package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import dev.fakecodebuild.RecordedCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * A client the test builds itself, with the SDK's defaults (its own HTTP client, standard retries),
 * works against the fake next to the injected one.
 */
@FakeCodeBuild
class UsersOwnClientTest {

    private BuildBatch failed;
    private BuildBatch succeeded;

    @BeforeEach
    void seed(FakeCodeBuildState state) {
        state.addProject("web-app");
        failed = state.addBuildBatch("web-app", StatusType.FAILED);
        succeeded = state.addBuildBatch("web-app", StatusType.SUCCEEDED);
    }

    private static CodeBuildClient ownClient(FakeCodeBuildState state) {
        return CodeBuildClient.builder()
                .endpointOverride(state.endpoint())
                .region(state.region())
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .build();
    }

    @Test
    void theEndpointIsOnLoopback(FakeCodeBuildState state) {
        assertThat(state.endpoint().getScheme()).isEqualTo("http");
        assertThat(state.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(state.endpoint().getPort()).isPositive();
        assertThat(state.endpoint().getPath()).isEmpty();
        assertThat(state.region()).isEqualTo(Region.US_EAST_1);
        assertThat(state.accountId()).isEqualTo("123456789012");
    }

    @Test
    void aDefaultBuiltClientListsTheSeededBatches(FakeCodeBuildState state) {
        try (CodeBuildClient own = ownClient(state)) {
            var ids = own.listBuildBatchesForProject(r -> r.projectName("web-app")).ids();

            assertThat(ids).containsExactly(succeeded.id(), failed.id());
        }
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.statusCode()).isEqualTo(200);
                            // Anonymous credentials: the SDK does not sign.
                            assertThat(call.header("Authorization")).isEmpty();
                        });
    }

    @Test
    void ownAndInjectedClientsShareStateAndRecords(
            CodeBuildClient codeBuild, FakeCodeBuildState state) {
        try (CodeBuildClient own = ownClient(state)) {
            var first = own.listBuildBatchesForProject(r -> r.projectName("web-app").maxResults(1));
            var second =
                    codeBuild.listBuildBatchesForProject(
                            r ->
                                    r.projectName("web-app")
                                            .maxResults(1)
                                            .nextToken(first.nextToken()));

            assertThat(first.ids()).containsExactly(succeeded.id());
            assertThat(second.ids()).containsExactly(failed.id());
            assertThat(second.nextToken()).isNull();
        }
        assertThat(state.calls()).hasSize(2);
        assertThat(state.calls().get(0).header("Authorization")).isEmpty();
        assertThat(state.calls().get(1).header("Authorization")).isPresent();
    }

    @Test
    void ownClientsPaginatorWalksEveryPage(FakeCodeBuildState state) {
        for (int i = 0; i < 23; i++) {
            state.addBuildBatch("web-app", StatusType.IN_PROGRESS);
        }
        List<String> expected =
                new ArrayList<>(state.buildBatches().stream().map(BuildBatch::id).toList());
        Collections.reverse(expected);

        try (CodeBuildClient own = ownClient(state)) {
            var ids =
                    own
                            .listBuildBatchesForProjectPaginator(
                                    r -> r.projectName("web-app").maxResults(10))
                            .ids()
                            .stream()
                            .toList();

            assertThat(ids).containsExactlyElementsOf(expected);
        }
        assertThat(state.requests(ListBuildBatchesForProjectRequest.class)).hasSize(3);
    }

    @Test
    void aRefusalIsNotRetriedByTheStandardRetryStrategy(FakeCodeBuildState state) {
        try (CodeBuildClient own = ownClient(state)) {
            invalidInput(
                    () ->
                            own.listBuildBatchesForProject(
                                    r -> r.projectName("web-app").maxResults(0)),
                    "1 validation error detected: Value '0' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value greater than or equal to 1");
        }
        assertThat(state.calls())
                .singleElement()
                .extracting(RecordedCall::statusCode)
                .isEqualTo(400);
    }
}
