package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.ModelException;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.CodeBuildResponse;

/**
 * One CodeBuild operation the fake implements: it takes the SDK's request object and returns the
 * SDK's response object, and knows nothing of HTTP or JSON.
 *
 * <p>Every request is checked against the service model's constraints ({@link InputConstraints})
 * before {@link #handle} sees it, so an operation checks only the rules the model cannot express,
 * in {@link #rules}.
 *
 * @param <I> the request type
 */
public abstract class Operation<I extends CodeBuildRequest> {

    private final String name;
    private final Class<I> requestType;
    private final Supplier<? extends SdkPojo> requestBuilder;

    /**
     * Describe an operation.
     *
     * @param name the operation name as in {@code X-Amz-Target}
     * @param requestType the request class
     * @param requestBuilder creates an empty builder of the request class
     */
    protected Operation(
            String name, Class<I> requestType, Supplier<? extends SdkPojo> requestBuilder) {
        this.name = name;
        this.requestType = requestType;
        this.requestBuilder = requestBuilder;
    }

    /**
     * Return the operation name.
     *
     * @return for example {@code ListBuildBatchesForProject}
     */
    public final String name() {
        return name;
    }

    /**
     * Create an empty builder of the request, for the codec to fill.
     *
     * @return a builder that is also the request's {@link SdkPojo} description
     */
    public final SdkPojo newRequestBuilder() {
        return requestBuilder.get();
    }

    /**
     * Run the operation.
     *
     * @param request the decoded request, of this operation's request type
     * @return the response
     * @throws ServiceException for an answer CodeBuild would give as an error
     */
    public final CodeBuildResponse invoke(CodeBuildRequest request) {
        I typed = requestType.cast(request);
        rules(typed).modelConstraints(typed).check();
        return handle(typed);
    }

    /**
     * Return the checks of this operation that the service model does not state; they are reported
     * together with, and before, the model's own.
     *
     * @param request the request
     * @return the checks; none by default
     */
    protected Validation rules(I request) {
        return new Validation();
    }

    /**
     * Report a refusal of the model that this operation does not expect: a bug of the fake, which
     * the dispatcher answers as {@code InternalFailure}.
     *
     * @param e the refusal
     * @return the exception to throw
     */
    protected final IllegalStateException unexpected(ModelException e) {
        return new IllegalStateException(
                name + " got an unexpected " + e.reason() + " from the model", e);
    }

    /**
     * Run the operation on a request of the right type.
     *
     * @param request the request
     * @return the response
     * @throws ServiceException for an answer CodeBuild would give as an error
     */
    protected abstract CodeBuildResponse handle(I request);
}
