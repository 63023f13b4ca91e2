package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkPojo;

/** The operations one fake serves, bound to its model. */
public final class Operations {

    private final Map<String, Operation<?>> implemented;

    private Operations(Map<String, Operation<?>> implemented) {
        this.implemented = implemented;
    }

    /**
     * Create every operation the fake implements, working on the given model.
     *
     * @param model the model the operations read and change
     * @return the operations
     */
    public static Operations on(CodeBuildModel model) {
        List<Operation<?>> all = new ArrayList<>();
        all.add(new ListBuildBatchesForProject(model));
        all.addAll(ProjectOperations.on(model));
        all.addAll(BuildOperations.on(model));
        all.addAll(BuildBatchOperations.on(model));
        return of(all.toArray(Operation<?>[]::new));
    }

    /**
     * Create a set of operations; for tests of the layers above.
     *
     * @param operations the operations
     * @return the operations by name
     */
    public static Operations of(Operation<?>... operations) {
        var byName = new java.util.HashMap<String, Operation<?>>();
        for (Operation<?> operation : operations) {
            byName.put(operation.name(), operation);
        }
        return new Operations(Map.copyOf(byName));
    }

    /**
     * Return the implemented operation of the given name.
     *
     * @param name an operation name
     * @return the operation, or empty if the fake does not implement it
     */
    public Optional<Operation<?>> implemented(String name) {
        return Optional.ofNullable(implemented.get(name));
    }

    /**
     * Return a builder factory for the request of any CodeBuild operation, implemented or not.
     *
     * @param name an operation name
     * @return the factory, or empty if CodeBuild has no such operation
     */
    public Optional<Supplier<SdkPojo>> requestBuilder(String name) {
        Operation<?> operation = implemented.get(name);
        if (operation != null) {
            return Optional.of(operation::newRequestBuilder);
        }
        return CodeBuildOperations.requestBuilder(name);
    }
}
