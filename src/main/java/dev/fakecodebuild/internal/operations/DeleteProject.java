package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectResponse;

/**
 * {@code DeleteProject}: removes a project. Its builds and build batches stay readable, as on
 * CodeBuild. A name that matches no project is not an error: CodeBuild models no
 * ResourceNotFoundException for this operation and answers such a call as a success.
 *
 * <p>A project created again under the name lists only its own builds and batches, and numbers them
 * on from the deleted project's last numbers: AWS does not document the case, and numbers that
 * repeat within a project name would make two different builds look alike.
 */
final class DeleteProject extends Operation<DeleteProjectRequest> {

    static final String NAME = "DeleteProject";

    private final CodeBuildModel model;

    DeleteProject(CodeBuildModel model) {
        super(NAME, DeleteProjectRequest.class, DeleteProjectRequest::builder);
        this.model = model;
    }

    @Override
    protected DeleteProjectResponse handle(DeleteProjectRequest request) {
        model.deleteProject(request.name());
        return DeleteProjectResponse.builder().build();
    }
}
