package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.List;

/**
 * The operations on build batches: ListBuildBatches, BatchGetBuildBatches, StartBuildBatch,
 * StopBuildBatch, RetryBuildBatch and DeleteBuildBatch.
 */
final class BuildBatchOperations {

    private BuildBatchOperations() {}

    static List<Operation<?>> on(CodeBuildModel model) {
        return List.of(
                new ListBuildBatches(model),
                new BatchGetBuildBatches(model),
                new StartBuildBatch(model),
                new StopBuildBatch(model),
                new RetryBuildBatch(model),
                new DeleteBuildBatch(model));
    }
}
