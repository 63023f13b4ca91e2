package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchResponse;

/**
 * {@code StopBuildBatch}: stops a running build batch and its running builds, and answers the whole
 * batch as it is then: {@code STOPPED}, complete, with the phases of a stopped batch.
 */
final class StopBuildBatch extends Operation<StopBuildBatchRequest> {

    static final String NAME = "StopBuildBatch";

    private final CodeBuildModel model;

    StopBuildBatch(CodeBuildModel model) {
        super(NAME, StopBuildBatchRequest.class, StopBuildBatchRequest::builder);
        this.model = model;
    }

    @Override
    protected StopBuildBatchResponse handle(StopBuildBatchRequest request) {
        String id = request.id();
        BuildBatch stopped;
        try {
            stopped = model.stopBuildBatch(id);
        } catch (ModelException e) {
            throw switch (e.reason()) {
                case NOT_FOUND -> ServiceException.buildBatchNotFound(id);
                case WRONG_STATE ->
                        ServiceException.invalidInput(
                                "Build batch "
                                        + id
                                        + " has already finished as "
                                        + status(id)
                                        + ": only a batch in progress can be stopped");
                default -> unexpected(e);
            };
        }
        return StopBuildBatchResponse.builder().buildBatch(stopped).build();
    }

    private String status(String id) {
        return model.buildBatch(id).map(BuildBatch::buildBatchStatusAsString).orElse("?");
    }
}
