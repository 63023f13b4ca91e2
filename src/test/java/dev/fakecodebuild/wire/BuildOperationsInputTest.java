package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.TARGET_PREFIX;
import static dev.fakecodebuild.wire.Wire.assertAnswer;
import static dev.fakecodebuild.wire.Wire.assertInvalidInput;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The build operations given raw JSON the SDK would not send: missing required members, empty
 * strings and lists, values outside the model's ranges and enums. Each is refused with the
 * model-constraint message, before any lookup.
 */
@FakeCodeBuild
class BuildOperationsInputTest {

    private static final String ONE = "1 validation error detected: ";

    @BeforeEach
    void addProject(FakeCodeBuildState state) {
        state.addProject("web-app");
    }

    private static void assertRefused(
            FakeCodeBuildState state, String operation, String body, String message) {
        assertInvalidInput(state, operation, body, message);
        assertThat(state.builds()).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "StartBuild           | {}                  | Value null at 'projectName'"
                        + " failed to satisfy constraint: Member must not be null",
                "StartBuild           | {\"projectName\":\"\"} | Value '' at 'projectName'"
                        + " failed to satisfy constraint: Member must have length greater than or"
                        + " equal to 1",
                "BatchGetBuilds       | {}                  | Value null at 'ids' failed to"
                        + " satisfy constraint: Member must not be null",
                "ListBuildsForProject | {}                  | Value null at 'projectName'"
                        + " failed to satisfy constraint: Member must not be null",
                "ListBuildsForProject | {\"projectName\":\"\"} | Value '' at 'projectName'"
                        + " failed to satisfy constraint: Member must have length greater than or"
                        + " equal to 1",
                "StopBuild            | {}                  | Value null at 'id' failed to"
                        + " satisfy constraint: Member must not be null",
                "StopBuild            | {\"id\":\"\"}          | Value '' at 'id' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1",
                "BatchDeleteBuilds    | {}                  | Value null at 'ids' failed to"
                        + " satisfy constraint: Member must not be null",
                "BatchDeleteBuilds    | {\"ids\":[]}         | Value '[]' at 'ids' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1",
                "RetryBuild           | {}                  | Value null at 'id' failed to"
                        + " satisfy constraint: Member must not be null",
                "RetryBuild           | {\"id\":\"\"}          | Value '' at 'id' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1",
            })
    void aMissingOrEmptyMemberIsRefused(
            String operation, String body, String violation, FakeCodeBuildState state) {
        assertRefused(state, operation, body, ONE + violation);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ListBuilds", "ListBuildsForProject"})
    void anUnknownSortOrderIsRefused(String operation, FakeCodeBuildState state) {
        assertRefused(
                state,
                operation,
                "{\"projectName\":\"web-app\",\"sortOrder\":\"descending\"}",
                ONE
                        + "Value 'descending' at 'sortOrder' failed to satisfy constraint: Member"
                        + " must satisfy enum value set: [ASCENDING, DESCENDING]");
    }

    @Test
    void batchGetBuildsAnswersAnEmptyListWithCodeBuildsText(FakeCodeBuildState state) {
        assertRefused(
                state,
                "BatchGetBuilds",
                "{\"ids\":[]}",
                "The input build ID list cannot be empty.");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BatchGetBuilds", "BatchDeleteBuilds"})
    void anEmptyIdInTheListIsRefused(String operation, FakeCodeBuildState state) {
        assertRefused(
                state,
                operation,
                "{\"ids\":[\"web-app:1\",\"\"]}",
                ONE
                        + "Value '' at 'ids.2.member' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BatchGetBuilds", "BatchDeleteBuilds"})
    void moreThanOneHundredIdsAreRefused(String operation, FakeCodeBuildState state) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            ids.add("web-app:" + i);
        }
        String body = "{\"ids\":[\"" + String.join("\",\"", ids) + "\"]}";

        assertRefused(
                state,
                operation,
                body,
                ONE
                        + "Value '["
                        + String.join(", ", ids)
                        + "]' at 'ids' failed to satisfy constraint: Member must have length less"
                        + " than or equal to 100");
    }

    @Test
    void startBuildReportsEveryViolationAtOnceBeforeTheProjectLookup(FakeCodeBuildState state) {
        String body =
                "{\"projectName\":\"ghost\",\"computeTypeOverride\":\"HUGE\","
                        + "\"timeoutInMinutesOverride\":4,\"queuedTimeoutInMinutesOverride\":481,"
                        + "\"environmentVariablesOverride\":[{\"name\":\"A\",\"value\":\"1\"},"
                        + "{\"name\":\"\",\"value\":\"2\"}]}";

        assertRefused(
                state,
                "StartBuild",
                body,
                "4 validation errors detected: Value 'HUGE' at 'computeTypeOverride' failed"
                        + " to satisfy constraint: Member must satisfy enum value set:"
                        + " [BUILD_GENERAL1_SMALL, BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE,"
                        + " BUILD_GENERAL1_XLARGE, BUILD_GENERAL1_2XLARGE, BUILD_LAMBDA_1GB,"
                        + " BUILD_LAMBDA_2GB, BUILD_LAMBDA_4GB, BUILD_LAMBDA_8GB,"
                        + " BUILD_LAMBDA_10GB, ATTRIBUTE_BASED_COMPUTE, CUSTOM_INSTANCE_TYPE];"
                        + " Value '4' at 'timeoutInMinutesOverride' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 5; Value '481' at"
                        + " 'queuedTimeoutInMinutesOverride' failed to satisfy constraint: Member"
                        + " must have value less than or equal to 480; Value '' at"
                        + " 'environmentVariablesOverride.2.member.name' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void batchGetBuildsAnswersUnknownIdsAsSent(FakeCodeBuildState state) {
        String body = "{\"ids\":[\"web-app:nothing\",\"other\"]}";

        var response = post(state.endpoint(), TARGET_PREFIX + "BatchGetBuilds", body);

        assertAnswer(
                response,
                200,
                "{\"builds\":[],\"buildsNotFound\":[\"web-app:nothing\",\"other\"]}");
    }

    @Test
    void startBuildAnswersTheBuildAsJson(FakeCodeBuildState state) {
        var response =
                post(
                        state.endpoint(),
                        TARGET_PREFIX + "StartBuild",
                        "{\"projectName\":\"web-app\"}");

        var build = state.builds().get(0);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .startsWith("{\"build\":{\"id\":\"" + build.id() + "\",\"arn\":\"" + build.arn())
                .contains("\"buildNumber\":1,")
                .contains("\"currentPhase\":\"QUEUED\",\"buildStatus\":\"IN_PROGRESS\"")
                .contains("\"buildComplete\":false")
                .contains("\"initiator\":\"fake-codebuild-user\"");
    }
}
