package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectResponse;

/**
 * {@code UpdateProject}: changes the members of a project the request gives and keeps the others; a
 * list given (tags too) replaces the project's list. {@code lastModified} advances; name, ARN and
 * {@code created} stay. Returns the whole project.
 *
 * <p>{@code concurrentBuildLimit} -1 removes the limit, as the operation's documentation says. A
 * {@code logsConfig} given replaces the project's, with CloudWatch Logs {@code ENABLED} and S3 logs
 * {@code DISABLED} where it leaves them out, as CreateProject does.
 */
final class UpdateProject extends Operation<UpdateProjectRequest> {

    static final String NAME = "UpdateProject";

    /** The {@code concurrentBuildLimit} that removes the limit. */
    private static final int NO_LIMIT = -1;

    private final CodeBuildModel model;

    UpdateProject(CodeBuildModel model) {
        super(NAME, UpdateProjectRequest.class, UpdateProjectRequest::builder);
        this.model = model;
    }

    @Override
    protected UpdateProjectResponse handle(UpdateProjectRequest request) {
        try {
            Project updated =
                    model.updateProject(request.name(), stored -> change(stored, request));
            return UpdateProjectResponse.builder().project(updated).build();
        } catch (ModelException e) {
            if (e.reason() == ModelException.Reason.NOT_FOUND) {
                throw ServiceException.projectNotFound(model.arns().project(request.name()));
            }
            throw e;
        }
    }

    /** The stored project with the request's changes; runs inside the model's update. */
    private static Project.Builder change(Project.Builder stored, UpdateProjectRequest request) {
        Project.Builder project = ProjectMembers.copyGiven(request, stored);
        if (request.badgeEnabled() != null) {
            project.badge(ProjectMembers.badge(request.badgeEnabled()));
        }
        if (request.logsConfig() != null) {
            project.logsConfig(ProjectMembers.logsConfig(request.logsConfig()));
        }
        if (request.concurrentBuildLimit() != null && request.concurrentBuildLimit() == NO_LIMIT) {
            project.concurrentBuildLimit(null);
        }
        if (request.source() != null || request.artifacts() != null) {
            // Checked on the project as it would become, so that a source given alone must
            // still go with the artifacts the project has.
            Project changed = project.build();
            ProjectMembers.checkSourceAndArtifacts(changed.source(), changed.artifacts());
        }
        return project;
    }
}
