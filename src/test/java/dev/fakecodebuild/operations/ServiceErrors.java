package dev.fakecodebuild.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.codebuild.model.InvalidInputException;
import software.amazon.awssdk.services.codebuild.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.codebuild.model.ResourceNotFoundException;

/** Assertions on the errors the SDK client throws for the fake's answers. */
final class ServiceErrors {

    static final String INVALID_INPUT = "InvalidInputException";
    static final String RESOURCE_NOT_FOUND = "ResourceNotFoundException";
    static final String RESOURCE_ALREADY_EXISTS = "ResourceAlreadyExistsException";

    private ServiceErrors() {}

    /**
     * Run a call that must be refused with an {@code InvalidInputException} carrying exactly the
     * given message, and return the exception.
     */
    static InvalidInputException invalidInput(ThrowingCallable call, String message) {
        return refused(InvalidInputException.class, INVALID_INPUT, call, message);
    }

    /**
     * Run a call that must be refused with a {@code ResourceNotFoundException} carrying exactly the
     * given message, and return the exception.
     */
    static ResourceNotFoundException resourceNotFound(ThrowingCallable call, String message) {
        return refused(ResourceNotFoundException.class, RESOURCE_NOT_FOUND, call, message);
    }

    /**
     * Run a call that must be refused with a {@code ResourceAlreadyExistsException} carrying
     * exactly the given message, and return the exception.
     */
    static ResourceAlreadyExistsException resourceAlreadyExists(
            ThrowingCallable call, String message) {
        return refused(
                ResourceAlreadyExistsException.class, RESOURCE_ALREADY_EXISTS, call, message);
    }

    private static <E extends AwsServiceException> E refused(
            Class<E> type, String errorCode, ThrowingCallable call, String message) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isExactlyInstanceOf(type);
        E error = type.cast(thrown);
        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(errorCode);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(error.awsErrorDetails().serviceName()).isEqualTo("CodeBuild");
        assertThat(error.requestId()).isNotBlank();
        assertThat(error.isThrottlingException()).isFalse();
        return error;
    }
}
