package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.TARGET_PREFIX;
import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertInvalidInput;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.Collections;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.StatusType;

/**
 * The build batch operations on the wire: input the SDK would not send (missing required members,
 * values outside the model's constraints, unknown enum strings) and the exact bodies of answers.
 */
@FakeCodeBuild
class BuildBatchOperationsWireTest {

    private static final String ONE = "1 validation error detected: ";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    @Nested
    class ListBuildBatches {

        @Test
        void maxResultsBelowOne(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "ListBuildBatches",
                    "{\"maxResults\":0}",
                    ONE
                            + "Value '0' at 'maxResults' failed to satisfy constraint: Member must"
                            + " have value greater than or equal to 1");
        }

        @Test
        void everyViolationAtOnce(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "ListBuildBatches",
                    "{\"filter\":{\"status\":\"DONE\"},\"maxResults\":101,\"sortOrder\":\"up\"}",
                    "3 validation errors detected: Value '101' at 'maxResults' failed to satisfy"
                            + " constraint: Member must have value less than or equal to 100;"
                            + " Value 'up' at 'sortOrder' failed to satisfy constraint: Member"
                            + " must satisfy enum value set: [ASCENDING, DESCENDING]; Value 'DONE'"
                            + " at 'filter.status' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [SUCCEEDED, FAILED, FAULT, TIMED_OUT,"
                            + " IN_PROGRESS, STOPPED]");
        }

        @Test
        void theLastPageHasNoNextTokenMember(FakeCodeBuildState state) {
            BuildBatch batch = state.addBuildBatch("web-app", StatusType.SUCCEEDED);

            var response = post(state.endpoint(), TARGET_PREFIX + "ListBuildBatches", "{}");

            assertAnswer(response, 200, "{\"ids\":[\"" + batch.id() + "\"]}");
        }
    }

    @Nested
    class BatchGetBuildBatches {

        @Test
        void idsAreRequired(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "BatchGetBuildBatches",
                    "{}",
                    ONE
                            + "Value null at 'ids' failed to satisfy constraint: Member must not"
                            + " be null");
        }

        @Test
        void anEmptyIdIsRefused(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "BatchGetBuildBatches",
                    "{\"ids\":[\"web-app:x\",\"\"]}",
                    ONE
                            + "Value '' at 'ids.2.member' failed to satisfy constraint: Member"
                            + " must have length greater than or equal to 1");
        }

        @Test
        void moreThanOneHundredIdsAreRefused(FakeCodeBuildState state) {
            String ids = String.join(",", Collections.nCopies(101, "\"web-app:x\""));

            var response =
                    post(
                            state.endpoint(),
                            TARGET_PREFIX + "BatchGetBuildBatches",
                            "{\"ids\":[" + ids + "]}");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body())
                    .startsWith("{\"__type\":\"InvalidInputException\",\"message\":\"" + ONE)
                    .endsWith(
                            " at 'ids' failed to satisfy constraint: Member must have length"
                                    + " less than or equal to 100\"}");
        }

        @Test
        void anEmptyListAnswersTwoEmptyLists(FakeCodeBuildState state) {
            var response =
                    post(state.endpoint(), TARGET_PREFIX + "BatchGetBuildBatches", "{\"ids\":[]}");

            assertAnswer(response, 200, "{\"buildBatches\":[],\"buildBatchesNotFound\":[]}");
        }
    }

    @Nested
    class StartBuildBatch {

        @Test
        void projectNameIsRequired(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "StartBuildBatch",
                    "{\"sourceVersion\":\"main\"}",
                    ONE
                            + "Value null at 'projectName' failed to satisfy constraint: Member"
                            + " must not be null");
        }

        @Test
        void overridesOutsideTheirRangesAreRefused(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "StartBuildBatch",
                    "{\"projectName\":\"web-app\",\"buildTimeoutInMinutesOverride\":4,"
                            + "\"environmentVariablesOverride\":[{\"name\":\"A\",\"value\":\"1\"},"
                            + "{\"value\":\"2\"}]}",
                    "2 validation errors detected: Value '4' at 'buildTimeoutInMinutesOverride'"
                            + " failed to satisfy constraint: Member must have value greater than"
                            + " or equal to 5; Value null at"
                            + " 'environmentVariablesOverride.2.member.name' failed to satisfy"
                            + " constraint: Member must not be null");
            assertThat(state.buildBatches()).isEmpty();
        }

        @Test
        void theStartedBatchHasNoPhasesAndNoBuildGroupsOnTheWire(FakeCodeBuildState state) {
            var response =
                    post(
                            state.endpoint(),
                            TARGET_PREFIX + "StartBuildBatch",
                            "{\"projectName\":\"web-app\"}");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .startsWith("{\"buildBatch\":{\"id\":\"web-app:")
                    .contains("\"currentPhase\":\"SUBMITTED\"")
                    .contains("\"buildBatchStatus\":\"IN_PROGRESS\"")
                    .contains("\"complete\":false")
                    .contains("\"secondarySources\":[]")
                    .doesNotContain("\"phases\"")
                    .doesNotContain("\"buildGroups\"")
                    .doesNotContain("\"endTime\"");
        }
    }

    @Nested
    class StopBuildBatch {

        @Test
        void idIsRequired(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "StopBuildBatch",
                    "{}",
                    ONE
                            + "Value null at 'id' failed to satisfy constraint: Member must not be"
                            + " null");
        }

        @Test
        void anEmptyIdIsRefused(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "StopBuildBatch",
                    "{\"id\":\"\"}",
                    ONE
                            + "Value '' at 'id' failed to satisfy constraint: Member must have"
                            + " length greater than or equal to 1");
        }
    }

    @Nested
    class RetryBuildBatch {

        @Test
        void anUnknownRetryTypeIsRefused(FakeCodeBuildState state) {
            BuildBatch failed = state.addBuildBatch("web-app", StatusType.FAILED);
            String body = "{\"id\":\"" + failed.id() + "\",\"retryType\":\"RETRY_SOME\"}";

            assertInvalidInput(
                    state,
                    "RetryBuildBatch",
                    body,
                    ONE
                            + "Value 'RETRY_SOME' at 'retryType' failed to satisfy constraint:"
                            + " Member must satisfy enum value set: [RETRY_ALL_BUILDS,"
                            + " RETRY_FAILED_BUILDS]");
            var request = (RetryBuildBatchRequest) state.calls().get(0).request().orElseThrow();
            assertThat(request.retryType()).isEqualTo(RetryBuildBatchType.UNKNOWN_TO_SDK_VERSION);
            assertThat(state.buildBatch(failed.id())).contains(failed);
        }

        @Test
        void aMissingIdComesFirstAmongTheViolations(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "RetryBuildBatch",
                    "{\"retryType\":\"NOPE\"}",
                    "2 validation errors detected: Value null at 'id' failed to satisfy"
                            + " constraint: Member must not be null; Value 'NOPE' at 'retryType'"
                            + " failed to satisfy constraint: Member must satisfy enum value set:"
                            + " [RETRY_ALL_BUILDS, RETRY_FAILED_BUILDS]");
        }

        @Test
        void anEmptyIdIsRefused(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "RetryBuildBatch",
                    "{\"id\":\"\"}",
                    ONE
                            + "Value '' at 'id' failed to satisfy constraint: Member must have"
                            + " length greater than or equal to 1");
        }
    }

    @Nested
    class DeleteBuildBatch {

        @Test
        void idIsRequired(FakeCodeBuildState state) {
            assertInvalidInput(
                    state,
                    "DeleteBuildBatch",
                    "{}",
                    ONE
                            + "Value null at 'id' failed to satisfy constraint: Member must not be"
                            + " null");
        }

        @Test
        void theAnswerHasEveryMember(FakeCodeBuildState state) {
            BuildBatch stopped = state.addBuildBatch("web-app", StatusType.STOPPED);

            var response =
                    post(
                            state.endpoint(),
                            TARGET_PREFIX + "DeleteBuildBatch",
                            "{\"id\":\"" + stopped.id() + "\"}");

            assertAnswer(
                    response,
                    200,
                    "{\"statusCode\":\"BATCH_DELETED\",\"buildsDeleted\":[],"
                            + "\"buildsNotDeleted\":[]}");
        }
    }
}
