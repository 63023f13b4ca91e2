package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import dev.fakecodebuild.internal.model.ModelException;
import software.amazon.awssdk.services.codebuild.model.Build;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildResponse;

/**
 * {@code StopBuild}: ends a running build as {@code STOPPED} and returns it whole. A build of a
 * batch shows the new status in the batch's build group.
 */
final class StopBuild extends Operation<StopBuildRequest> {

    static final String NAME = "StopBuild";

    private final CodeBuildModel model;

    StopBuild(CodeBuildModel model) {
        super(NAME, StopBuildRequest.class, StopBuildRequest::builder);
        this.model = model;
    }

    @Override
    protected StopBuildResponse handle(StopBuildRequest request) {
        String id = request.id();
        try {
            Build stopped = model.stopBuild(id);
            return StopBuildResponse.builder().build(stopped).build();
        } catch (ModelException e) {
            if (e.reason() == ModelException.Reason.WRONG_STATE) {
                Build finished =
                        model.build(id).orElseThrow(() -> ServiceException.buildNotFound(id));
                throw ServiceException.invalidInput(
                        "Build "
                                + id
                                + " has already finished as "
                                + finished.buildStatusAsString()
                                + ": only a build in progress can be stopped");
            }
            throw ServiceException.buildNotFound(id);
        }
    }
}
