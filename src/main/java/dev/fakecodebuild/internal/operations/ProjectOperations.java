package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.List;

/**
 * The operations on projects: CreateProject, BatchGetProjects, ListProjects, UpdateProject and
 * DeleteProject.
 */
final class ProjectOperations {

    private ProjectOperations() {}

    static List<Operation<?>> on(CodeBuildModel model) {
        return List.of(
                new CreateProject(model),
                new BatchGetProjects(model),
                new ListProjects(model),
                new UpdateProject(model),
                new DeleteProject(model));
    }
}
