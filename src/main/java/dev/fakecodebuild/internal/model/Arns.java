package dev.fakecodebuild.internal.model;

import java.util.Optional;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

/** Builds the ARNs CodeBuild gives its resources in one region and account. */
public final class Arns {

    private final String prefix;
    private final String kmsPrefix;

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
        this.kmsPrefix = "arn:" + partition + ":kms:" + region.id() + ":" + accountId + ":";
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

    /**
     * Return the ARN of a build.
     *
     * @param buildId the build id, {@code {project}:{uuid}}
     * @return {@code arn:aws:codebuild:{region}:{account}:build/{id}}
     */
    public String build(String buildId) {
        return prefix + "build/" + buildId;
    }

    /**
     * Return the ARN of the KMS key CodeBuild uses when a project names none.
     *
     * @return {@code arn:aws:kms:{region}:{account}:alias/aws/s3}
     */
    public String defaultEncryptionKey() {
        return kmsPrefix + "alias/aws/s3";
    }

    /**
     * Return the name a project ARN of this region and account points at.
     *
     * @param arn an ARN
     * @return the project name, or empty if the ARN is not a project ARN of this region and account
     */
    public Optional<String> projectName(String arn) {
        String projectPrefix = prefix + "project/";
        return arn.startsWith(projectPrefix) && arn.length() > projectPrefix.length()
                ? Optional.of(arn.substring(projectPrefix.length()))
                : Optional.empty();
    }
}
