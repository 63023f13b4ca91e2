package dev.fakecodebuild.internal.operations;

/**
 * An error the fake answers with, in the form CodeBuild uses: an HTTP status, an error code sent as
 * {@code __type}, and a message.
 */
public final class ServiceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;

    /**
     * Create an error answer.
     *
     * @param statusCode the HTTP status
     * @param errorCode the error code, the name of a modeled exception such as {@code
     *     InvalidInputException}
     * @param message the message the SDK exposes as {@code awsErrorDetails().errorMessage()}
     */
    public ServiceException(int statusCode, String errorCode, String message) {
        super(message, null, false, false);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
    }

    /**
     * Create the answer to input CodeBuild refuses.
     *
     * @param message what was wrong
     * @return a 400 {@code InvalidInputException}
     */
    public static ServiceException invalidInput(String message) {
        return new ServiceException(400, "InvalidInputException", message);
    }

    /**
     * Create the answer to a request naming something that does not exist.
     *
     * @param message what was missing
     * @return a 400 {@code ResourceNotFoundException}
     */
    public static ServiceException resourceNotFound(String message) {
        return new ServiceException(400, "ResourceNotFoundException", message);
    }

    /**
     * Create the answer to a request that would create something that exists.
     *
     * @param message what exists
     * @return a 400 {@code ResourceAlreadyExistsException}
     */
    public static ServiceException resourceAlreadyExists(String message) {
        return new ServiceException(400, "ResourceAlreadyExistsException", message);
    }

    /**
     * Create the answer CodeBuild gives when a project named in a request does not exist.
     *
     * @param projectArn the ARN of the missing project
     * @return a 400 {@code ResourceNotFoundException} "Project cannot be found: {ARN}", the text
     *     CodeBuild is seen to use
     */
    public static ServiceException projectNotFound(String projectArn) {
        return resourceNotFound("Project cannot be found: " + projectArn);
    }

    /**
     * Create the answer to a build id that names no build.
     *
     * @param id the id as sent
     * @return a 400 {@code ResourceNotFoundException} "Build cannot be found: {id}"
     */
    public static ServiceException buildNotFound(String id) {
        return resourceNotFound("Build cannot be found: " + id);
    }

    /**
     * Create the answer to a build batch id that names no batch.
     *
     * @param id the id as sent
     * @return a 400 {@code ResourceNotFoundException} "Build batch cannot be found: {id}"
     */
    public static ServiceException buildBatchNotFound(String id) {
        return resourceNotFound(buildBatchNotFoundMessage(id));
    }

    /**
     * Word a missing build batch, for operations that declare no {@code ResourceNotFoundException}
     * and answer it as invalid input.
     *
     * @param id the id as sent
     * @return "Build batch cannot be found: {id}"
     */
    public static String buildBatchNotFoundMessage(String id) {
        return "Build batch cannot be found: " + id;
    }

    /**
     * Return the HTTP status.
     *
     * @return the status, for example 400
     */
    public int statusCode() {
        return statusCode;
    }

    /**
     * Return the error code.
     *
     * @return for example {@code InvalidInputException}
     */
    public String errorCode() {
        return errorCode;
    }
}
