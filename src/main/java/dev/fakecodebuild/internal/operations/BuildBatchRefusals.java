package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel.Idempotency;
import dev.fakecodebuild.internal.model.ModelException;

/** The errors the build batch operations answer with, worded once for all of them. */
final class BuildBatchRefusals {

    private BuildBatchRefusals() {}

    /** A batch id that names no batch, where ResourceNotFoundException is modeled. */
    static ServiceException notFound(String id) {
        return ServiceException.resourceNotFound(notFoundMessage(id));
    }

    static String notFoundMessage(String id) {
        return "Build batch cannot be found: " + id;
    }

    /** An idempotency token that came again, within its 5 minutes, with other parameters. */
    static ServiceException tokenMismatch(String token) {
        return ServiceException.invalidInput(
                "Idempotency token "
                        + token
                        + " was used within the last 5 minutes with other parameters");
    }

    /**
     * The idempotency of a call: its token, scoped to the operation, and the request it came with.
     *
     * @param request the request without its override configuration, which never travels
     * @return the idempotency, or {@code null} if the call carried no token
     */
    static Idempotency idempotency(String operation, String token, Object request) {
        return token == null ? null : new Idempotency(operation + "\n" + token, request);
    }

    /** A refusal the model gave that the operation does not expect: a bug of the fake. */
    static IllegalStateException unexpected(String operation, ModelException e) {
        return new IllegalStateException(
                operation + " got an unexpected " + e.reason() + " from the model", e);
    }
}
