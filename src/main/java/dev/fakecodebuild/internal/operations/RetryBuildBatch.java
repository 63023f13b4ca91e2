package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchResponse;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;

/**
 * {@code RetryBuildBatch}: runs a failed build batch ({@code FAILED}, {@code FAULT} or {@code
 * TIMED_OUT}) again, and answers it in progress again.
 *
 * <p>{@code RETRY_ALL_BUILDS}, the default when {@code retryType} is left out (AWS documents none),
 * gives every build group a new build; {@code RETRY_FAILED_BUILDS} only the groups whose build did
 * not succeed. A group's earlier build summary moves to its {@code priorBuildSummaryList}. A group
 * whose build was deleted (BatchDeleteBuilds) runs again with the batch's settings: AWS does not
 * document the case, and a retry that leaves a group without a running build would never end.
 *
 * <p>The service model does not require {@code id}, but nothing can be retried without one: a
 * request without it is refused as if the model required it ({@code Value null at 'id' failed to
 * satisfy constraint: Member must not be null}), together with any other violation, as
 * ListBuildBatchesForProject does for its {@code projectName}.
 */
final class RetryBuildBatch extends Operation<RetryBuildBatchRequest> {

    static final String NAME = "RetryBuildBatch";

    private final CodeBuildModel model;

    RetryBuildBatch(CodeBuildModel model) {
        super(NAME, RetryBuildBatchRequest.class, RetryBuildBatchRequest::builder);
        this.model = model;
    }

    /** The model leaves id optional, but there is nothing to retry without one. */
    @Override
    protected Validation rules(RetryBuildBatchRequest request) {
        return new Validation().required("id", request.id());
    }

    @Override
    protected RetryBuildBatchResponse handle(RetryBuildBatchRequest request) {
        String id = request.id();
        RetryBuildBatchType retryType =
                request.retryType() == null
                        ? RetryBuildBatchType.RETRY_ALL_BUILDS
                        : request.retryType();

        BuildBatch retried;
        try {
            retried =
                    model.retryBuildBatch(
                            id,
                            retryType,
                            IdempotencyTokens.of(NAME, request.idempotencyToken(), request));
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> notFound(id);
                case WRONG_STATE ->
                        ServiceException.invalidInput(
                                "Build batch "
                                        + id
                                        + " is "
                                        + status(id)
                                        + ": only a failed batch can be retried");
                case TOKEN_MISMATCH ->
                        IdempotencyTokens.reusedWithOtherParameters(request.idempotencyToken());
                default -> unexpected(e);
            };
        }
        return RetryBuildBatchResponse.builder().buildBatch(retried).build();
    }

    /** The batch, or else its project: new builds need the project, which may be deleted. */
    private ServiceException notFound(String id) {
        return model.buildBatch(id)
                .map(
                        batch ->
                                ServiceException.projectNotFound(
                                        model.arns().project(batch.projectName())))
                .orElseGet(() -> ServiceException.buildBatchNotFound(id));
    }

    private String status(String id) {
        return model.buildBatch(id).map(BuildBatch::buildBatchStatusAsString).orElse("?");
    }
}
