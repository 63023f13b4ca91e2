package dev.fakecodebuild.wire;

import static dev.fakecodebuild.wire.Wire.assertError;
import static dev.fakecodebuild.wire.Wire.assertRecorded;
import static dev.fakecodebuild.wire.Wire.post;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.Collections;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * Raw JSON that breaks the service model's constraints on the project operations, and the exact
 * InvalidInputException each gets. Nothing is stored or changed by a refused call.
 */
@FakeCodeBuild
class ProjectConstraintsWireTest {

    private static final String TARGET = "CodeBuild_20161006.";
    private static final String INVALID = "InvalidInputException";
    private static final String ONE = "1 validation error detected: ";
    private static final String NOT_NULL = "failed to satisfy constraint: Member must not be null";

    private static final String SOURCE = "\"source\":{\"type\":\"NO_SOURCE\"}";
    private static final String ARTIFACTS = "\"artifacts\":{\"type\":\"NO_ARTIFACTS\"}";
    private static final String ENVIRONMENT =
            "\"environment\":{\"type\":\"LINUX_CONTAINER\",\"image\":\"img\","
                    + "\"computeType\":\"BUILD_GENERAL1_SMALL\"}";
    private static final String ROLE = "\"serviceRole\":\"role\"";

    /** A valid CreateProject body with the given members added at the front. */
    private static String create(String members) {
        return "{"
                + members
                + (members.isEmpty() ? "" : ",")
                + String.join(",", SOURCE, ARTIFACTS, ENVIRONMENT, ROLE)
                + "}";
    }

    private static String json(String singleQuoted) {
        return singleQuoted.replace('\'', '"');
    }

    private static void refused(
            FakeCodeBuildState state, String operation, String body, String message) {
        var response = post(state.endpoint(), TARGET + operation, body);

        assertError(response, 400, INVALID, message.replace("\\", "\\\\"));
        assertThat(state.calls())
                .last()
                .satisfies(
                        call ->
                                assertRecorded(
                                        call, operation, TARGET + operation, body, 400, INVALID));
    }

    @Nested
    class CreateProject {

        @Test
        void anEmptyRequestLacksEveryRequiredMember(FakeCodeBuildState state) {
            refused(
                    state,
                    "CreateProject",
                    "{}",
                    "5 validation errors detected: Value null at 'name' "
                            + NOT_NULL
                            + "; Value null at 'source' "
                            + NOT_NULL
                            + "; Value null at 'artifacts' "
                            + NOT_NULL
                            + "; Value null at 'environment' "
                            + NOT_NULL
                            + "; Value null at 'serviceRole' "
                            + NOT_NULL);
            assertThat(state.projects()).isEmpty();
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "web app | 1 validation error detected: Value 'web app' at 'name' failed to"
                            + " satisfy constraint: Member must satisfy regular expression"
                            + " pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}",
                    "-web    | 1 validation error detected: Value '-web' at 'name' failed to"
                            + " satisfy constraint: Member must satisfy regular expression"
                            + " pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}",
                    "a       | 2 validation errors detected: Value 'a' at 'name' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 2;"
                            + " Value 'a' at 'name' failed to satisfy constraint: Member must"
                            + " satisfy regular expression pattern:"
                            + " [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}",
                })
        void aNameCodeBuildDoesNotAcceptIsRefused(
                String name, String message, FakeCodeBuildState state) {
            refused(state, "CreateProject", create("\"name\":\"" + name + "\""), message);
            assertThat(state.projects()).isEmpty();
        }

        @Test
        void aNameOf151CharactersIsRefused(FakeCodeBuildState state) {
            String name = "a" + String.join("", Collections.nCopies(150, "b"));

            refused(
                    state,
                    "CreateProject",
                    create("\"name\":\"" + name + "\""),
                    "2 validation errors detected: Value '"
                            + name
                            + "' at 'name' failed to satisfy constraint: Member must have length"
                            + " less than or equal to 150; Value '"
                            + name
                            + "' at 'name' failed to satisfy constraint: Member must satisfy"
                            + " regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
        }

        @Test
        void unknownEnumValuesInNestedStructuresAreRefused(FakeCodeBuildState state) {
            String body =
                    json(
                            "{'name':'web-app','source':{'type':'SVN','location':'x'},"
                                    + "'artifacts':{'type':'no_artifacts'},"
                                    + "'environment':{'type':'LINUX_CONTAINER','image':'img',"
                                    + "'computeType':'HUGE'},'serviceRole':'role'}");

            refused(
                    state,
                    "CreateProject",
                    body,
                    "3 validation errors detected: Value 'SVN' at 'source.type' failed to satisfy"
                            + " constraint: Member must satisfy enum value set: [CODECOMMIT,"
                            + " CODEPIPELINE, GITHUB, GITLAB, GITLAB_SELF_MANAGED, S3, BITBUCKET,"
                            + " GITHUB_ENTERPRISE, NO_SOURCE]; Value 'no_artifacts' at"
                            + " 'artifacts.type' failed to satisfy constraint: Member must satisfy"
                            + " enum value set: [CODEPIPELINE, S3, NO_ARTIFACTS]; Value 'HUGE' at"
                            + " 'environment.computeType' failed to satisfy constraint: Member must"
                            + " satisfy enum value set: [BUILD_GENERAL1_SMALL,"
                            + " BUILD_GENERAL1_MEDIUM, BUILD_GENERAL1_LARGE,"
                            + " BUILD_GENERAL1_XLARGE, BUILD_GENERAL1_2XLARGE, BUILD_LAMBDA_1GB,"
                            + " BUILD_LAMBDA_2GB, BUILD_LAMBDA_4GB, BUILD_LAMBDA_8GB,"
                            + " BUILD_LAMBDA_10GB, ATTRIBUTE_BASED_COMPUTE, CUSTOM_INSTANCE_TYPE]");
        }

        @Test
        void timeoutsOutOfRangeAreRefused(FakeCodeBuildState state) {
            refused(
                    state,
                    "CreateProject",
                    create(
                            "\"name\":\"web-app\",\"timeoutInMinutes\":4,"
                                    + "\"queuedTimeoutInMinutes\":481"),
                    "2 validation errors detected: Value '4' at 'timeoutInMinutes' failed to"
                            + " satisfy constraint: Member must have value greater than or equal"
                            + " to 5; Value '481' at 'queuedTimeoutInMinutes' failed to satisfy"
                            + " constraint: Member must have value less than or equal to 480");
        }

        @Test
        void listElementsAreNamedOneBased(FakeCodeBuildState state) {
            String body =
                    json(
                            "{'name':'web-app','source':{'type':'NO_SOURCE'},"
                                    + "'artifacts':{'type':'NO_ARTIFACTS'},"
                                    + "'environment':{'type':'LINUX_CONTAINER','image':'img',"
                                    + "'computeType':'BUILD_GENERAL1_SMALL',"
                                    + "'environmentVariables':[{'name':'A','value':'1'},"
                                    + "{'name':'B'}]},"
                                    + "'serviceRole':'role',"
                                    + "'tags':[{'key':'team','value':'web'},{'key':''}]}");

            refused(
                    state,
                    "CreateProject",
                    body,
                    "2 validation errors detected: Value null at"
                            + " 'environment.environmentVariables.2.member.value' "
                            + NOT_NULL
                            + "; Value '' at 'tags.2.member.key' failed to satisfy constraint:"
                            + " Member must have length greater than or equal to 1");
        }

        @Test
        void theModelComesBeforeCodeBuildsOwnRules(FakeCodeBuildState state) {
            // NO_ARTIFACTS with a location breaks a rule of CodeBuild's own, checked later.
            String body =
                    json(
                            "{'name':'web-app','source':{'type':'NO_SOURCE'},"
                                    + "'artifacts':{'type':'NO_ARTIFACTS','location':'b'},"
                                    + "'environment':{'type':'LINUX_CONTAINER','image':'img',"
                                    + "'computeType':'BUILD_GENERAL1_SMALL'},'serviceRole':''}");

            refused(
                    state,
                    "CreateProject",
                    body,
                    ONE
                            + "Value '' at 'serviceRole' failed to satisfy constraint: Member must"
                            + " have length greater than or equal to 1");
        }
    }

    @Nested
    class BatchGetProjects {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                quoteCharacter = '"',
                value = {
                    "{}                  | Value null at 'names' failed to satisfy constraint:"
                            + " Member must not be null",
                    "{'names':[]}        | Value '[]' at 'names' failed to satisfy constraint:"
                            + " Member must have length greater than or equal to 1",
                    "{'names':['api','']} | Value '' at 'names.2.member' failed to satisfy"
                            + " constraint: Member must have length greater than or equal to 1",
                })
        void namesOutsideTheModelAreRefused(
                String body, String violation, FakeCodeBuildState state) {
            refused(state, "BatchGetProjects", json(body), ONE + violation);
        }

        @Test
        void moreThanAHundredNamesAreRefused(FakeCodeBuildState state) {
            String names = String.join(",", Collections.nCopies(101, "\"api\""));
            String shown = String.join(", ", Collections.nCopies(101, "api"));

            refused(
                    state,
                    "BatchGetProjects",
                    "{\"names\":[" + names + "]}",
                    ONE
                            + "Value '["
                            + shown
                            + "]' at 'names' failed to satisfy constraint: Member must have"
                            + " length less than or equal to 100");
        }
    }

    @Nested
    class ListProjects {

        @Test
        void unknownSortKeyAndOrderAreRefused(FakeCodeBuildState state) {
            refused(
                    state,
                    "ListProjects",
                    json("{'sortBy':'SIZE','sortOrder':'ascending'}"),
                    "2 validation errors detected: Value 'SIZE' at 'sortBy' failed to satisfy"
                            + " constraint: Member must satisfy enum value set: [NAME,"
                            + " CREATED_TIME, LAST_MODIFIED_TIME]; Value 'ascending' at"
                            + " 'sortOrder' failed to satisfy constraint: Member must satisfy"
                            + " enum value set: [ASCENDING, DESCENDING]");
        }

        @Test
        void anEmptyTokenIsRefused(FakeCodeBuildState state) {
            refused(
                    state,
                    "ListProjects",
                    json("{'nextToken':''}"),
                    ONE
                            + "Value '' at 'nextToken' failed to satisfy constraint: Member must"
                            + " have length greater than or equal to 1");
        }
    }

    @Nested
    class UpdateProject {

        @Test
        void theNameIsRequired(FakeCodeBuildState state) {
            refused(
                    state,
                    "UpdateProject",
                    json("{'description':'x'}"),
                    ONE + "Value null at 'name' " + NOT_NULL);
        }

        @Test
        void membersBreakingTheModelChangeNothing(FakeCodeBuildState state) {
            Project seeded = state.addProject("web-app");
            String description = "d".repeat(256);

            refused(
                    state,
                    "UpdateProject",
                    json(
                            "{'name':'web-app','description':'"
                                    + description
                                    + "','timeoutInMinutes':2161,'source':{'location':'x'}}"),
                    "3 validation errors detected: Value '"
                            + description
                            + "' at 'description' failed to satisfy constraint: Member must have"
                            + " length less than or equal to 255; Value '2161' at"
                            + " 'timeoutInMinutes' failed to satisfy constraint: Member must have"
                            + " value less than or equal to 2160; Value null at 'source.type' "
                            + NOT_NULL);
            assertThat(state.projects()).containsExactly(seeded);
        }

        @Test
        void anEmptyNameIsRefused(FakeCodeBuildState state) {
            refused(
                    state,
                    "UpdateProject",
                    json("{'name':''}"),
                    ONE
                            + "Value '' at 'name' failed to satisfy constraint: Member must have"
                            + " length greater than or equal to 1");
        }
    }

    @Nested
    class DeleteProject {

        @Test
        void theNameIsRequired(FakeCodeBuildState state) {
            Project seeded = state.addProject("web-app");

            refused(state, "DeleteProject", "{}", ONE + "Value null at 'name' " + NOT_NULL);
            assertThat(state.projects()).containsExactly(seeded);
        }

        @Test
        void anEmptyNameIsRefused(FakeCodeBuildState state) {
            refused(
                    state,
                    "DeleteProject",
                    json("{'name':''}"),
                    ONE
                            + "Value '' at 'name' failed to satisfy constraint: Member must have"
                            + " length greater than or equal to 1");
        }
    }
}
