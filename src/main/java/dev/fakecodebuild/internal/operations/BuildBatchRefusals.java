package dev.fakecodebuild.internal.operations;

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

    /** A refusal the model gave that the operation does not expect: a bug of the fake. */
    static IllegalStateException unexpected(String operation, ModelException e) {
        return new IllegalStateException(
                operation + " got an unexpected " + e.reason() + " from the model", e);
    }
}
