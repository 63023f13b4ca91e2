package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildResponse;

/**
 * {@code StartBuild}: a new build of a project, with the project's settings and the request's
 * overrides as {@link BuildSettings} merges them. It stays {@code IN_PROGRESS} in phase {@code
 * QUEUED} until the test finishes it or the caller stops it.
 *
 * <p>An idempotency token used again within five minutes with the same request returns the build
 * that call started, as it is now, and starts none; with another request it is refused.
 */
final class StartBuild extends Operation<StartBuildRequest> {

    static final String NAME = "StartBuild";

    private final CodeBuildModel model;

    StartBuild(CodeBuildModel model) {
        super(NAME, StartBuildRequest.class, StartBuildRequest::builder);
        this.model = model;
    }

    @Override
    protected StartBuildResponse handle(StartBuildRequest request) {
        String projectName = request.projectName();
        Project project =
                model.project(projectName).orElseThrow(() -> projectNotFound(projectName));
        Build settings = BuildSettings.of(project, request, model.arns().defaultEncryptionKey());
        try {
            Build build =
                    model.startBuild(
                            settings,
                            IdempotencyTokens.of(NAME, request.idempotencyToken(), request));
            return StartBuildResponse.builder().build(build).build();
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case TOKEN_MISMATCH ->
                        IdempotencyTokens.reusedWithOtherParameters(request.idempotencyToken());
                // The project was deleted since it was read above.
                default -> projectNotFound(projectName);
            };
        }
    }

    private ServiceException projectNotFound(String projectName) {
        return ServiceException.projectNotFound(model.arns().project(projectName));
    }
}
