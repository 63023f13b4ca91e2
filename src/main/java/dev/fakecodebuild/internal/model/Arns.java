package dev.fakecodebuild.internal.model;

import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Builds the ARNs CodeBuild gives its resources in one region and account. */
public final class Arns {

    private final String prefix;

    /**
     * Create ARNs for the given region and account.
     *
     * @param region the region; its partition ({@code aws}, {@code aws-cn}, ...) comes from the
     *     SDK's partition metadata
     * @param accountId the 12-digit account id
     */
    public Arns(Region region, String accountId) {
        String partition = PartitionMetadata.of(region).id();
        this.prefix = "arn:" + partition + ":codebuild:" + region.id() + ":" + accountId + ":";
    }

    /**
     * Return the ARN of a project.
     *
     * @param projectName the project name
     * @return {@code arn:aws:codebuild:{region}:{account}:project/{name}}
     */
    public String project(String projectName) {
        return prefix + "project/" + projectName;
    }

    /**
     * Return the ARN of a build batch.
     *
     * @param buildBatchId the batch id, {@code {project}:{uuid}}
     * @return {@code arn:aws:codebuild:{region}:{account}:build-batch/{id}}
     */
    public String buildBatch(String buildBatchId) {
        return prefix + "build-batch/" + buildBatchId;
    }
}
