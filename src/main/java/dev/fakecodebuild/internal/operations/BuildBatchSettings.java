package dev.fakecodebuild.internal.operations;

import java.util.List;
import software.amazon.awssdk.services.codebuild.model.BatchRestrictions;
import software.amazon.awssdk.services.codebuild.model.BuildArtifacts;
import software.amazon.awssdk.services.codebuild.model.BuildBatch;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.Project;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;

/**
 * The settings a build batch starts with: its project's, with the overrides of the {@code
 * StartBuildBatch} request applied, and CodeBuild's defaults for what neither sets.
 *
 * <p>Each override replaces the project's value; environment variables are merged by name (an
 * override replaces the project's variable of that name in place, new names follow in the order
 * sent). Defaults, as the real start response shows them: build timeout 60 minutes, queued timeout
 * 480, the account's {@code aws/s3} KMS alias, no cache, CloudWatch logs on and S3 logs off, and a
 * batch configuration allowing 100 builds and 480 minutes.
 */
final class BuildBatchSettings {

    /** The initiator of every batch started through the fake: there is no IAM caller to name. */
    static final String INITIATOR = "fake-codebuild";

    static final int DEFAULT_BUILD_TIMEOUT_IN_MINUTES = 60;
    static final int DEFAULT_QUEUED_TIMEOUT_IN_MINUTES = 480;
    static final int DEFAULT_MAXIMUM_BUILDS_ALLOWED = 100;
    static final int DEFAULT_BATCH_TIMEOUT_IN_MINS = 480;

    private BuildBatchSettings() {}

    /**
     * Merge a project's settings with a request's overrides.
     *
     * @param project the project the batch runs for
     * @param request the start request
     * @param defaultEncryptionKey the KMS key to use when neither names one
     * @return a batch template: settings and project name, no id, number, times or status
     */
    static BuildBatch merge(
            Project project, StartBuildBatchRequest request, String defaultEncryptionKey) {
        return BuildBatch.builder()
                .projectName(request.projectName())
                .sourceVersion(or(request.sourceVersion(), project.sourceVersion()))
                .source(Overrides.source(project.source(), sourceOverrides(request)))
                .secondarySources(
                        request.hasSecondarySourcesOverride()
                                ? request.secondarySourcesOverride()
                                : List.copyOf(project.secondarySources()))
                .secondarySourceVersions(
                        request.hasSecondarySourcesVersionOverride()
                                ? request.secondarySourcesVersionOverride()
                                : List.copyOf(project.secondarySourceVersions()))
                .artifacts(artifacts(or(request.artifactsOverride(), project.artifacts())))
                .secondaryArtifacts(
                        (request.hasSecondaryArtifactsOverride()
                                        ? request.secondaryArtifactsOverride()
                                        : project.secondaryArtifacts())
                                .stream().map(BuildBatchSettings::artifacts).toList())
                .cache(or(request.cacheOverride(), project.cache(), noCache()))
                .environment(
                        Overrides.environment(project.environment(), environmentOverrides(request)))
                .serviceRole(or(request.serviceRoleOverride(), project.serviceRole()))
                .logConfig(or(request.logsConfigOverride(), project.logsConfig(), defaultLogs()))
                .buildTimeoutInMinutes(
                        or(
                                request.buildTimeoutInMinutesOverride(),
                                project.timeoutInMinutes(),
                                DEFAULT_BUILD_TIMEOUT_IN_MINUTES))
                .queuedTimeoutInMinutes(
                        or(
                                request.queuedTimeoutInMinutesOverride(),
                                project.queuedTimeoutInMinutes(),
                                DEFAULT_QUEUED_TIMEOUT_IN_MINUTES))
                .encryptionKey(
                        or(
                                request.encryptionKeyOverride(),
                                project.encryptionKey(),
                                defaultEncryptionKey))
                .initiator(INITIATOR)
                .vpcConfig(project.vpcConfig())
                .fileSystemLocations(project.fileSystemLocations())
                .buildBatchConfig(
                        batchConfig(
                                or(request.buildBatchConfigOverride(), project.buildBatchConfig())))
                .debugSessionEnabled(request.debugSessionEnabled())
                .build();
    }

    private static Overrides.Source sourceOverrides(StartBuildBatchRequest request) {
        return new Overrides.Source(
                request.sourceTypeOverrideAsString(),
                request.sourceLocationOverride(),
                request.sourceAuthOverride(),
                request.gitCloneDepthOverride(),
                request.gitSubmodulesConfigOverride(),
                request.buildspecOverride(),
                request.insecureSslOverride(),
                request.reportBuildBatchStatusOverride(),
                null);
    }

    private static Overrides.Environment environmentOverrides(StartBuildBatchRequest request) {
        return new Overrides.Environment(
                request.environmentTypeOverrideAsString(),
                request.imageOverride(),
                request.computeTypeOverrideAsString(),
                request.certificateOverride(),
                request.privilegedModeOverride(),
                request.imagePullCredentialsTypeOverrideAsString(),
                request.registryCredentialOverride(),
                null,
                request.hasEnvironmentVariablesOverride()
                        ? request.environmentVariablesOverride()
                        : null);
    }

    /** What a build batch shows of the artifacts it was asked to produce. */
    private static BuildArtifacts artifacts(ProjectArtifacts artifacts) {
        if (artifacts == null) {
            return BuildArtifacts.builder().location("").build();
        }
        return BuildArtifacts.builder()
                .location(or(artifacts.location(), ""))
                .overrideArtifactName(artifacts.overrideArtifactName())
                .encryptionDisabled(artifacts.encryptionDisabled())
                .artifactIdentifier(artifacts.artifactIdentifier())
                .bucketOwnerAccess(artifacts.bucketOwnerAccessAsString())
                .build();
    }

    private static ProjectBuildBatchConfig batchConfig(ProjectBuildBatchConfig given) {
        ProjectBuildBatchConfig config =
                given == null ? ProjectBuildBatchConfig.builder().build() : given;
        BatchRestrictions restrictions =
                config.restrictions() == null
                        ? BatchRestrictions.builder().build()
                        : config.restrictions();
        return config.toBuilder()
                .restrictions(
                        restrictions.toBuilder()
                                .maximumBuildsAllowed(
                                        or(
                                                restrictions.maximumBuildsAllowed(),
                                                DEFAULT_MAXIMUM_BUILDS_ALLOWED))
                                .build())
                .timeoutInMins(or(config.timeoutInMins(), DEFAULT_BATCH_TIMEOUT_IN_MINS))
                .build();
    }

    private static ProjectCache noCache() {
        return ProjectCache.builder().type(CacheType.NO_CACHE).build();
    }

    private static LogsConfig defaultLogs() {
        return LogsConfig.builder()
                .cloudWatchLogs(
                        CloudWatchLogsConfig.builder().status(LogsConfigStatusType.ENABLED).build())
                .s3Logs(S3LogsConfig.builder().status(LogsConfigStatusType.DISABLED).build())
                .build();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static <T> T or(T value, T fallback, T lastResort) {
        return or(value, or(fallback, lastResort));
    }
}
