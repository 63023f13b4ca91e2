package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import java.util.Objects;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.CreateProjectResponse;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectVisibilityType;

/**
 * {@code CreateProject}: stores a new project as given, with what CodeBuild fills in for a created
 * project: ARN, {@code created} and {@code lastModified}, {@code timeoutInMinutes} 60, {@code
 * queuedTimeoutInMinutes} 480, the account's default {@code encryptionKey}, {@code badge}, {@code
 * projectVisibility} {@code PRIVATE}, {@code logsConfig} and {@code cache} {@code NO_CACHE}.
 */
final class CreateProject extends Operation<CreateProjectRequest> {

    static final String NAME = "CreateProject";

    /** CodeBuild's default build timeout, in minutes. */
    private static final int DEFAULT_TIMEOUT = 60;

    /** CodeBuild's default time a build may wait in the queue, in minutes. */
    private static final int DEFAULT_QUEUED_TIMEOUT = 480;

    private final CodeBuildModel model;

    CreateProject(CodeBuildModel model) {
        super(NAME, CreateProjectRequest.class, CreateProjectRequest::builder);
        this.model = model;
    }

    @Override
    protected CreateProjectResponse handle(CreateProjectRequest request) {
        ProjectMembers.checkSourceAndArtifacts(request.source(), request.artifacts());

        Project.Builder project = ProjectMembers.copyGiven(request, Project.builder());
        project.timeoutInMinutes(
                        Objects.requireNonNullElse(request.timeoutInMinutes(), DEFAULT_TIMEOUT))
                .queuedTimeoutInMinutes(
                        Objects.requireNonNullElse(
                                request.queuedTimeoutInMinutes(), DEFAULT_QUEUED_TIMEOUT))
                .encryptionKey(
                        Objects.requireNonNullElse(
                                request.encryptionKey(), model.arns().defaultEncryptionKey()))
                .badge(ProjectMembers.badge(request.badgeEnabled()))
                .projectVisibility(ProjectVisibilityType.PRIVATE)
                .logsConfig(ProjectMembers.logsConfig(request.logsConfig()))
                .cache(
                        request.cache() == null
                                ? ProjectCache.builder().type(CacheType.NO_CACHE).build()
                                : request.cache());

        try {
            return CreateProjectResponse.builder()
                    .project(model.addProject(project.build()))
                    .build();
        } catch (ModelException e) {
            if (e.reason() == ModelException.Reason.ALREADY_EXISTS) {
                throw ServiceException.resourceAlreadyExists(
                        "Project already exists: " + model.arns().project(request.name()));
            }
            throw e;
        }
    }
}
