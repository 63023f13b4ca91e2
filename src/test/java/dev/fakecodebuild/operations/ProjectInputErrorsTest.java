package dev.fakecodebuild.operations;

import static dev.fakecodebuild.operations.Projects.minimal;
import static dev.fakecodebuild.operations.ServiceErrors.invalidInput;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fakecodebuild.FakeCodeBuild;
import dev.fakecodebuild.FakeCodeBuildState;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.Project;

/**
 * Input the SDK sends without complaint but CodeBuild's model refuses, as the SDK client sees the
 * refusal: an {@code InvalidInputException} with status 400 and the model's message.
 */
@FakeCodeBuild
class ProjectInputErrorsTest {

    private static final String ONE = "1 validation error detected: ";

    @Test
    void createProjectWithAnInvalidName(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        CreateProjectRequest request = minimal("web app").build();

        invalidInput(
                () -> codeBuild.createProject(request),
                ONE
                        + "Value 'web app' at 'name' failed to satisfy constraint: Member must"
                        + " satisfy regular expression pattern: [A-Za-z0-9][A-Za-z0-9\\-_]{1,149}");
        assertThat(state.projects()).isEmpty();
        assertThat(state.calls())
                .singleElement()
                .satisfies(
                        call -> {
                            assertThat(call.statusCode()).isEqualTo(400);
                            assertThat(call.errorCode()).contains("InvalidInputException");
                            assertThat(call.request()).contains(request);
                        });
    }

    @Test
    void createProjectWithoutServiceRole(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.createProject(minimal("web-app").serviceRole(null).build()),
                ONE
                        + "Value null at 'serviceRole' failed to satisfy constraint: Member must"
                        + " not be null");
    }

    @Test
    void batchGetProjectsWithNoNames(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.batchGetProjects(r -> r.names(List.of())),
                ONE
                        + "Value '[]' at 'names' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1");
    }

    @Test
    void batchGetProjectsWithoutNames(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.batchGetProjects(r -> {}),
                ONE
                        + "Value null at 'names' failed to satisfy constraint: Member must not be null");
    }

    @Test
    void listProjectsWithAnUnknownSortKey(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.listProjects(r -> r.sortBy("SIZE")),
                ONE
                        + "Value 'SIZE' at 'sortBy' failed to satisfy constraint: Member must"
                        + " satisfy enum value set: [NAME, CREATED_TIME, LAST_MODIFIED_TIME]");
    }

    @Test
    void updateProjectWithATimeoutOutOfRange(CodeBuildClient codeBuild, FakeCodeBuildState state) {
        Project seeded = state.addProject("web-app");

        invalidInput(
                () -> codeBuild.updateProject(r -> r.name("web-app").queuedTimeoutInMinutes(4)),
                ONE
                        + "Value '4' at 'queuedTimeoutInMinutes' failed to satisfy constraint:"
                        + " Member must have value greater than or equal to 5");
        assertThat(state.projects()).containsExactly(seeded);
    }

    @Test
    void updateProjectOfAnUnknownProjectIsCheckedFirst(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.updateProject(r -> r.name("ghost").timeoutInMinutes(2161)),
                ONE
                        + "Value '2161' at 'timeoutInMinutes' failed to satisfy constraint:"
                        + " Member must have value less than or equal to 2160");
    }

    @Test
    void deleteProjectWithAnEmptyName(CodeBuildClient codeBuild) {
        invalidInput(
                () -> codeBuild.deleteProject(r -> r.name("")),
                ONE
                        + "Value '' at 'name' failed to satisfy constraint: Member must have"
                        + " length greater than or equal to 1");
    }
}
