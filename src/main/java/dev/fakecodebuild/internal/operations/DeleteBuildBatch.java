package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import java.util.List;
import software.amazon.awssdk.services.codebuild.model.DeleteBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteBuildBatchResponse;

/**
 * {@code DeleteBuildBatch}: deletes a finished build batch and its builds (current and prior ones),
 * answering {@code statusCode} {@code BATCH_DELETED} with the ARNs of the deleted builds, as the
 * real response does.
 *
 * <p>CodeBuild models only {@code InvalidInputException} here, so an unknown id is refused with it,
 * like a batch still in progress.
 */
final class DeleteBuildBatch extends Operation<DeleteBuildBatchRequest> {

    static final String NAME = "DeleteBuildBatch";
    static final String DELETED = "BATCH_DELETED";

    private final CodeBuildModel model;

    DeleteBuildBatch(CodeBuildModel model) {
        super(NAME, DeleteBuildBatchRequest.class, DeleteBuildBatchRequest::builder);
        this.model = model;
    }

    @Override
    protected DeleteBuildBatchResponse handle(DeleteBuildBatchRequest request) {
        String id = request.id();
        List<String> deleted;
        try {
            deleted = model.deleteBuildBatch(id);
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case NOT_FOUND ->
                        ServiceException.invalidInput(
                                ServiceException.buildBatchNotFoundMessage(id));
                case WRONG_STATE ->
                        ServiceException.invalidInput(
                                "Build batch "
                                        + id
                                        + " is in progress: stop it before deleting it");
                default -> unexpected(e);
            };
        }
        return DeleteBuildBatchResponse.builder()
                .statusCode(DELETED)
                .buildsDeleted(deleted)
                .buildsNotDeleted(List.of())
                .build();
    }
}
