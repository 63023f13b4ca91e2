package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import java.util.Optional;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.RetryBuildRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildResponse;

/**
 * {@code RetryBuild}: starts a finished build again, as a new build of its project (new id, the
 * project's next number) with the settings the finished one ran with. A build of a batch is retried
 * on its own, outside the batch.
 *
 * <p>The idempotency token behaves as in {@code StartBuild}.
 */
final class RetryBuild extends Operation<RetryBuildRequest> {

    static final String NAME = "RetryBuild";

    private final CodeBuildModel model;

    RetryBuild(CodeBuildModel model) {
        super(NAME, RetryBuildRequest.class, RetryBuildRequest::builder);
        this.model = model;
    }

    /** The model leaves id optional, but there is nothing to retry without it. */
    @Override
    protected Validation rules(RetryBuildRequest request) {
        return new Validation().required("id", request.id());
    }

    @Override
    protected RetryBuildResponse handle(RetryBuildRequest request) {
        String id = request.id();
        try {
            Build retried =
                    model.retryBuild(
                            id, IdempotencyTokens.of(NAME, request.idempotencyToken(), request));
            return RetryBuildResponse.builder().build(retried).build();
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case TOKEN_MISMATCH ->
                        IdempotencyTokens.reusedWithOtherParameters(request.idempotencyToken());
                case WRONG_STATE ->
                        ServiceException.invalidInput(
                                "Build "
                                        + id
                                        + " is in progress: only a finished build can be retried");
                default -> notFound(id);
            };
        }
    }

    /** The build is missing, or its project was deleted since it ran. */
    private ServiceException notFound(String id) {
        Optional<Build> build = model.build(id);
        return build.isPresent()
                ? ServiceException.projectNotFound(model.arns().project(build.get().projectName()))
                : ServiceException.buildNotFound(id);
    }
}
