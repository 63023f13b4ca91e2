package dev.fakecodebuild.internal.operations;

import dev.fakecodebuild.internal.model.CodeBuildModel;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesResponse;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;

/**
 * {@code BatchGetBuildBatches}: the build batches with the given ids, in the order asked, and the
 * ids that name no batch.
 *
 * <p>An empty list of ids is allowed (the service model's minimum is 0) and gets two empty lists.
 * An id sent more than once is answered once, at its first position, in either list; AWS does not
 * document what it does with repeated ids.
 */
final class BatchGetBuildBatches extends Operation<BatchGetBuildBatchesRequest> {

    static final String NAME = "BatchGetBuildBatches";

    private final CodeBuildModel model;

    BatchGetBuildBatches(CodeBuildModel model) {
        super(NAME, BatchGetBuildBatchesRequest.class, BatchGetBuildBatchesRequest::builder);
        this.model = model;
    }

    @Override
    protected BatchGetBuildBatchesResponse handle(BatchGetBuildBatchesRequest request) {
        List<BuildBatch> found = new ArrayList<>();
        List<String> notFound = new ArrayList<>();
        for (String id : new LinkedHashSet<>(request.ids())) {
            Optional<BuildBatch> batch = model.readBuildBatch(id);
            if (batch.isPresent()) {
                found.add(batch.get());
            } else {
                notFound.add(id);
            }
        }
        return BatchGetBuildBatchesResponse.builder()
                .buildBatches(found)
                .buildBatchesNotFound(notFound)
                .build();
    }
}
