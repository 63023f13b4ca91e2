package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchResponse;

/**
 * {@code StartBuildBatch}: starts a build batch of a project with the project's settings and the
 * request's overrides (see {@link BuildBatchSettings}).
 *
 * <p>The batch answers as CodeBuild's first response does: {@code IN_PROGRESS}, not complete, in
 * phase {@code SUBMITTED}, with no phases and no build groups yet. It stays so until the test
 * finishes it or it is stopped.
 *
 * <p>A request with an {@code idempotencyToken} that came within the last 5 minutes answers the
 * batch the first request started; with other parameters it is refused. If that batch was deleted
 * since, the request starts a new one, as StartBuild does: AWS does not document the case.
 */
final class StartBuildBatch extends Operation<StartBuildBatchRequest> {

    static final String NAME = "StartBuildBatch";

    private final CodeBuildModel model;

    StartBuildBatch(CodeBuildModel model) {
        super(NAME, StartBuildBatchRequest.class, StartBuildBatchRequest::builder);
        this.model = model;
    }

    @Override
    protected StartBuildBatchResponse handle(StartBuildBatchRequest request) {
        String projectName = request.projectName();
        // A missing project still goes to the model: a token seen before answers its batch first.
        Project project =
                model.project(projectName)
                        .orElseGet(() -> Project.builder().name(projectName).build());
        BuildBatch template =
                BuildBatchSettings.merge(project, request, model.arns().defaultEncryptionKey());

        BuildBatch batch;
        try {
            batch =
                    model.startBuildBatch(
                            template,
                            IdempotencyTokens.of(NAME, request.idempotencyToken(), request));
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case NOT_FOUND ->
                        ServiceException.projectNotFound(model.arns().project(projectName));
                case TOKEN_MISMATCH ->
                        IdempotencyTokens.reusedWithOtherParameters(request.idempotencyToken());
                default -> unexpected(e);
            };
        }
        return StartBuildBatchResponse.builder().buildBatch(batch).build();
    }
}
