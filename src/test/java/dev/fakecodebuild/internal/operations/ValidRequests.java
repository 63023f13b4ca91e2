package dev.fakecodebuild.internal.operations;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.codebuild.model.ArtifactNamespace;
import software.amazon.awssdk.services.codebuild.model.ArtifactPackaging;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchReportModeType;
import software.amazon.awssdk.services.codebuild.model.BucketOwnerAccess;
import software.amazon.awssdk.services.codebuild.model.CacheMode;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.CredentialProviderType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.FileSystemType;
import software.amazon.awssdk.services.codebuild.model.ImagePullCredentialsType;
import software.amazon.awssdk.services.codebuild.model.LogsConfig;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.MachineType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion;
import software.amazon.awssdk.services.codebuild.model.RegistryCredential;
import software.amazon.awssdk.services.codebuild.model.SourceAuth;
import software.amazon.awssdk.services.codebuild.model.SourceAuthType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.VpcConfig;

/**
 * Requests the model's constraints accept, with every member set, so that a constraint written
 * against the wrong member, or too strict, shows up as a refusal of a valid request.
 */
final class ValidRequests {

    private static final String ROLE = "arn:aws:iam::123456789012:role/codebuild-web-app";
    private static final String KEY = "arn:aws:kms:us-east-1:123456789012:alias/aws/s3";
    private static final String FLEET = "arn:aws:codebuild:us-east-1:123456789012:fleet/linux:1";

    private ValidRequests() {}

    static ProjectEnvironment linuxEnvironment() {
        return ProjectEnvironment.builder()
                .type(EnvironmentType.LINUX_CONTAINER)
                .image("aws/codebuild/standard:7.0")
                .computeType(ComputeType.BUILD_GENERAL1_SMALL)
                .build();
    }

    static CreateProjectRequest createProject() {
        return CreateProjectRequest.builder()
                .name("web-app")
                .description("Builds the web app")
                .source(source("primary"))
                .secondarySources(source("assets"))
                .sourceVersion("refs/heads/main")
                .secondarySourceVersions(sourceVersion())
                .artifacts(artifacts("primary"))
                .secondaryArtifacts(artifacts("reports"))
                .cache(cache())
                .environment(fullEnvironment())
                .serviceRole(ROLE)
                .timeoutInMinutes(60)
                .queuedTimeoutInMinutes(480)
                .encryptionKey(KEY)
                .tags(tag())
                .vpcConfig(vpcConfig())
                .badgeEnabled(true)
                .logsConfig(logsConfig())
                .fileSystemLocations(fileSystemLocation())
                .buildBatchConfig(buildBatchConfig())
                .concurrentBuildLimit(2)
                .autoRetryLimit(1)
                .build();
    }

    static UpdateProjectRequest updateProject() {
        return UpdateProjectRequest.builder()
                .name("web-app")
                .description("")
                .source(source("primary"))
                .secondarySources(source("assets"))
                .sourceVersion("refs/heads/main")
                .secondarySourceVersions(sourceVersion())
                .artifacts(artifacts("primary"))
                .secondaryArtifacts(artifacts("reports"))
                .cache(cache())
                .environment(fullEnvironment())
                .serviceRole(ROLE)
                .timeoutInMinutes(2160)
                .queuedTimeoutInMinutes(5)
                .encryptionKey(KEY)
                .tags(tag())
                .vpcConfig(vpcConfig())
                .badgeEnabled(false)
                .logsConfig(logsConfig())
                .fileSystemLocations(fileSystemLocation())
                .buildBatchConfig(buildBatchConfig())
                .concurrentBuildLimit(1)
                .autoRetryLimit(0)
                .build();
    }

    static StartBuildRequest startBuild() {
        return StartBuildRequest.builder()
                .projectName("web-app")
                .secondarySourcesOverride(source("assets"))
                .secondarySourcesVersionOverride(sourceVersion())
                .sourceVersion("refs/heads/main")
                .artifactsOverride(artifacts("primary"))
                .secondaryArtifactsOverride(artifacts("reports"))
                .environmentVariablesOverride(variable())
                .sourceTypeOverride(SourceType.GITHUB)
                .sourceLocationOverride("https://git.example/web-app.git")
                .sourceAuthOverride(sourceAuth())
                .gitCloneDepthOverride(0)
                .gitSubmodulesConfigOverride(g -> g.fetchSubmodules(false))
                .buildspecOverride("buildspec-ci.yml")
                .insecureSslOverride(false)
                .reportBuildStatusOverride(true)
                .buildStatusConfigOverride(b -> b.context("ci").targetUrl("https://ci.example"))
                .environmentTypeOverride(EnvironmentType.ARM_CONTAINER)
                .imageOverride("aws/codebuild/amazonlinux-aarch64-standard:3.0")
                .computeTypeOverride(ComputeType.BUILD_GENERAL1_LARGE)
                .certificateOverride("certificates/ca.pem")
                .cacheOverride(cache())
                .serviceRoleOverride(ROLE)
                .privilegedModeOverride(true)
                .timeoutInMinutesOverride(5)
                .queuedTimeoutInMinutesOverride(480)
                .encryptionKeyOverride(KEY)
                .idempotencyToken("token-1")
                .logsConfigOverride(logsConfig())
                .registryCredentialOverride(registryCredential())
                .imagePullCredentialsTypeOverride(ImagePullCredentialsType.CODEBUILD)
                .debugSessionEnabled(false)
                .fleetOverride(f -> f.fleetArn(FLEET))
                .autoRetryLimitOverride(2)
                .build();
    }

    static StartBuildBatchRequest startBuildBatch() {
        return StartBuildBatchRequest.builder()
                .projectName("web-app")
                .secondarySourcesOverride(source("assets"))
                .secondarySourcesVersionOverride(sourceVersion())
                .sourceVersion("refs/heads/main")
                .artifactsOverride(artifacts("primary"))
                .secondaryArtifactsOverride(artifacts("reports"))
                .environmentVariablesOverride(variable())
                .sourceTypeOverride(SourceType.S3)
                .sourceLocationOverride("source-bucket/web-app.zip")
                .sourceAuthOverride(sourceAuth())
                .gitCloneDepthOverride(25)
                .gitSubmodulesConfigOverride(g -> g.fetchSubmodules(true))
                .buildspecOverride("buildspec-batch.yml")
                .insecureSslOverride(true)
                .reportBuildBatchStatusOverride(false)
                .environmentTypeOverride(EnvironmentType.LINUX_CONTAINER)
                .imageOverride("aws/codebuild/standard:7.0")
                .computeTypeOverride(ComputeType.BUILD_GENERAL1_MEDIUM)
                .certificateOverride("certificates/ca.pem")
                .cacheOverride(cache())
                .serviceRoleOverride(ROLE)
                .privilegedModeOverride(false)
                .buildTimeoutInMinutesOverride(2160)
                .queuedTimeoutInMinutesOverride(5)
                .encryptionKeyOverride(KEY)
                .idempotencyToken("token-2")
                .logsConfigOverride(logsConfig())
                .registryCredentialOverride(registryCredential())
                .imagePullCredentialsTypeOverride(ImagePullCredentialsType.SERVICE_ROLE)
                .buildBatchConfigOverride(buildBatchConfig())
                .debugSessionEnabled(true)
                .build();
    }

    /**
     * Return the paths of the members left unset anywhere in a model object, to show that a request
     * above really sets every member.
     *
     * @param pojo a model object
     * @return the paths of unset members, empty if every member is set
     */
    static List<String> unsetMembers(SdkPojo pojo) {
        List<String> unset = new ArrayList<>();
        collectUnset(pojo, "", unset);
        return unset;
    }

    private static void collectUnset(SdkPojo pojo, String prefix, List<String> unset) {
        for (SdkField<?> field : pojo.sdkFields()) {
            Object value = field.getValueOrDefault(pojo);
            String path = prefix + field.locationName();
            if (value == null
                    || value instanceof SdkAutoConstructList
                    || value instanceof SdkAutoConstructMap) {
                unset.add(path);
            } else if (value instanceof SdkPojo nested) {
                collectUnset(nested, path + ".", unset);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    if (list.get(i) instanceof SdkPojo element) {
                        collectUnset(element, path + "." + (i + 1) + ".member.", unset);
                    }
                }
            }
        }
    }

    private static ProjectSource source(String identifier) {
        return ProjectSource.builder()
                .type(SourceType.GITHUB)
                .location("https://git.example/web-app.git")
                .gitCloneDepth(1)
                .gitSubmodulesConfig(g -> g.fetchSubmodules(true))
                .buildspec("version: 0.2")
                .auth(sourceAuth())
                .reportBuildStatus(true)
                .buildStatusConfig(b -> b.context("ci").targetUrl("https://ci.example"))
                .insecureSsl(false)
                .sourceIdentifier(identifier)
                .build();
    }

    private static SourceAuth sourceAuth() {
        return SourceAuth.builder()
                .type(SourceAuthType.CODECONNECTIONS)
                .resource("arn:aws:codeconnections:us-east-1:123456789012:connection/1")
                .build();
    }

    private static ProjectSourceVersion sourceVersion() {
        return ProjectSourceVersion.builder()
                .sourceIdentifier("assets")
                .sourceVersion("v1.2.3")
                .build();
    }

    private static ProjectArtifacts artifacts(String identifier) {
        return ProjectArtifacts.builder()
                .type(ArtifactsType.S3)
                .location("artifact-bucket")
                .path("builds")
                .namespaceType(ArtifactNamespace.BUILD_ID)
                .name("web-app.zip")
                .packaging(ArtifactPackaging.ZIP)
                .overrideArtifactName(true)
                .encryptionDisabled(false)
                .artifactIdentifier(identifier)
                .bucketOwnerAccess(BucketOwnerAccess.READ_ONLY)
                .build();
    }

    private static ProjectCache cache() {
        return ProjectCache.builder()
                .type(CacheType.LOCAL)
                .location("cache-bucket/web-app")
                .modes(CacheMode.knownValues())
                .cacheNamespace("web-app")
                .build();
    }

    private static ProjectEnvironment fullEnvironment() {
        return linuxEnvironment().toBuilder()
                .computeConfiguration(
                        c ->
                                c.vCpu(2L)
                                        .memory(4L)
                                        .disk(64L)
                                        .machineType(MachineType.GENERAL)
                                        .instanceType("t3.medium"))
                .fleet(f -> f.fleetArn(FLEET))
                .environmentVariables(variable())
                .privilegedMode(true)
                .certificate("certificates/ca.pem")
                .registryCredential(registryCredential())
                .imagePullCredentialsType(ImagePullCredentialsType.SERVICE_ROLE)
                .dockerServer(
                        d ->
                                d.computeType(ComputeType.BUILD_GENERAL1_MEDIUM)
                                        .securityGroupIds("sg-1", "sg-2", "sg-3", "sg-4", "sg-5")
                                        .status(s -> s.status("RUNNING").message("ready")))
                .build();
    }

    private static EnvironmentVariable variable() {
        return EnvironmentVariable.builder()
                .name("STAGE")
                .value("")
                .type(EnvironmentVariableType.PLAINTEXT)
                .build();
    }

    private static RegistryCredential registryCredential() {
        return RegistryCredential.builder()
                .credential("arn:aws:secretsmanager:us-east-1:123456789012:secret:registry")
                .credentialProvider(CredentialProviderType.SECRETS_MANAGER)
                .build();
    }

    private static Tag tag() {
        return Tag.builder().key("team").value("").build();
    }

    private static VpcConfig vpcConfig() {
        return VpcConfig.builder()
                .vpcId("vpc-1")
                .subnets("subnet-1", "subnet-2")
                .securityGroupIds("sg-1")
                .build();
    }

    private static LogsConfig logsConfig() {
        return LogsConfig.builder()
                .cloudWatchLogs(
                        c ->
                                c.status(LogsConfigStatusType.ENABLED)
                                        .groupName("codebuild")
                                        .streamName("web-app"))
                .s3Logs(
                        s ->
                                s.status(LogsConfigStatusType.DISABLED)
                                        .location("log-bucket/web-app")
                                        .encryptionDisabled(false)
                                        .bucketOwnerAccess(BucketOwnerAccess.FULL))
                .build();
    }

    private static ProjectFileSystemLocation fileSystemLocation() {
        return ProjectFileSystemLocation.builder()
                .type(FileSystemType.EFS)
                .location("fs-1.efs.us-east-1.amazonaws.com:/")
                .mountPoint("/mnt/efs")
                .identifier("efs1")
                .mountOptions("nfsvers=4.1")
                .build();
    }

    private static ProjectBuildBatchConfig buildBatchConfig() {
        return ProjectBuildBatchConfig.builder()
                .serviceRole(ROLE)
                .combineArtifacts(true)
                .restrictions(
                        r ->
                                r.maximumBuildsAllowed(10)
                                        .computeTypesAllowed("BUILD_GENERAL1_SMALL")
                                        .fleetsAllowed(FLEET))
                .timeoutInMins(60)
                .batchReportMode(BatchReportModeType.REPORT_AGGREGATED_BATCH)
                .build();
    }
}
