package dev.fakecodebuild.internal.operations;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.codebuild.CodeBuildClient;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.CodeBuildResponse;

/**
 * Every operation CodeBuild has, as the SDK on the classpath knows them, whether the fake
 * implements it or not. It lets the fake tell "not implemented yet" from "no such operation" and
 * still decode and record the request of an operation it does not implement.
 *
 * <p>The catalog is read once per JVM from {@link CodeBuildClient}'s methods, on first use, which
 * only happens when a test calls an operation the fake does not implement.
 */
final class CodeBuildOperations {

    private CodeBuildOperations() {}

    /**
     * Return a builder factory for the request of the named operation.
     *
     * @param name an operation name such as {@code BatchGetBuilds}
     * @return the factory, or empty if CodeBuild has no such operation
     */
    static Optional<Supplier<SdkPojo>> requestBuilder(String name) {
        return Optional.ofNullable(Catalog.BUILDERS.get(name));
    }

    private static final class Catalog {

        static final Map<String, Supplier<SdkPojo>> BUILDERS = read();

        private static Map<String, Supplier<SdkPojo>> read() {
            Map<String, Supplier<SdkPojo>> builders = new TreeMap<>();
            for (Method method : CodeBuildClient.class.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (parameters.length == 1
                        && CodeBuildRequest.class.isAssignableFrom(parameters[0])
                        && CodeBuildResponse.class.isAssignableFrom(method.getReturnType())) {
                    String requestName = parameters[0].getSimpleName();
                    String operation =
                            requestName.substring(0, requestName.length() - "Request".length());
                    builders.put(operation, builderOf(parameters[0]));
                }
            }
            return Map.copyOf(builders);
        }

        private static Supplier<SdkPojo> builderOf(Class<?> requestClass) {
            MethodHandle builder;
            try {
                Class<?> builderType = requestClass.getMethod("builder").getReturnType();
                builder =
                        MethodHandles.publicLookup()
                                .findStatic(
                                        requestClass,
                                        "builder",
                                        MethodType.methodType(builderType));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot create a builder of " + requestClass, e);
            }
            return () -> {
                try {
                    return (SdkPojo) builder.invoke();
                } catch (Throwable e) {
                    throw new IllegalStateException(
                            "Cannot create a builder of " + requestClass, e);
                }
            };
        }
    }
}
