package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;

/**
 * The idempotency tokens of the operations that start something: a token names one call of one
 * operation for five minutes, compared with the whole request that came with it.
 */
final class IdempotencyTokens {

    private IdempotencyTokens() {}

    /**
     * Describe the token of a call for the model.
     *
     * @param operation the operation name, so that the same token in two operations means two calls
     * @param token the token the request carried, or {@code null}
     * @param request the request, token included; its override configuration, which never travels,
     *     is left out of the comparison
     * @return what the model compares, or {@code null} without a token
     */
    static CodeBuildModel.Idempotency of(String operation, String token, CodeBuildRequest request) {
        if (token == null) {
            return null;
        }
        Object compared =
                request.toBuilder()
                        .overrideConfiguration((AwsRequestOverrideConfiguration) null)
                        .build();
        return new CodeBuildModel.Idempotency(operation + "\n" + token, compared);
    }

    /**
     * Create the answer to a token used within five minutes with another request.
     *
     * @param token the token
     * @return a 400 {@code InvalidInputException}
     */
    static ServiceException reusedWithOtherParameters(String token) {
        return ServiceException.invalidInput(
                "Idempotency token "
                        + token
                        + " was used within the last 5 minutes with other parameters");
    }
}
