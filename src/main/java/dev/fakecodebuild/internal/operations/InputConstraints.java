package dev.fakecodebuild.internal.operations;

import static dev.fakecodebuild.internal.operations.Constraint.all;
import static dev.fakecodebuild.internal.operations.Constraint.atLeast;
import static dev.fakecodebuild.internal.operations.Constraint.each;
import static dev.fakecodebuild.internal.operations.Constraint.length;
import static dev.fakecodebuild.internal.operations.Constraint.maxLength;
import static dev.fakecodebuild.internal.operations.Constraint.minLength;
import static dev.fakecodebuild.internal.operations.Constraint.oneOf;
import static dev.fakecodebuild.internal.operations.Constraint.pattern;
import static dev.fakecodebuild.internal.operations.Constraint.range;
import static dev.fakecodebuild.internal.operations.Constraint.required;
import static dev.fakecodebuild.internal.operations.ConstraintTable.member;
import static dev.fakecodebuild.internal.operations.ConstraintTable.shape;

import java.util.List;
import software.amazon.awssdk.services.codebuild.model.ArtifactNamespace;
import software.amazon.awssdk.services.codebuild.model.ArtifactPackaging;
import software.amazon.awssdk.services.codebuild.model.ArtifactsType;
import software.amazon.awssdk.services.codebuild.model.BatchDeleteBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchGetProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.BatchReportModeType;
import software.amazon.awssdk.services.codebuild.model.BatchRestrictions;
import software.amazon.awssdk.services.codebuild.model.BucketOwnerAccess;
import software.amazon.awssdk.services.codebuild.model.BuildBatchFilter;
import software.amazon.awssdk.services.codebuild.model.CacheMode;
import software.amazon.awssdk.services.codebuild.model.CacheType;
import software.amazon.awssdk.services.codebuild.model.CloudWatchLogsConfig;
import software.amazon.awssdk.services.codebuild.model.CodeBuildRequest;
import software.amazon.awssdk.services.codebuild.model.ComputeConfiguration;
import software.amazon.awssdk.services.codebuild.model.ComputeType;
import software.amazon.awssdk.services.codebuild.model.CreateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.CredentialProviderType;
import software.amazon.awssdk.services.codebuild.model.DeleteBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.DeleteProjectRequest;
import software.amazon.awssdk.services.codebuild.model.DockerServer;
import software.amazon.awssdk.services.codebuild.model.EnvironmentType;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariable;
import software.amazon.awssdk.services.codebuild.model.EnvironmentVariableType;
import software.amazon.awssdk.services.codebuild.model.FileSystemType;
import software.amazon.awssdk.services.codebuild.model.GitSubmodulesConfig;
import software.amazon.awssdk.services.codebuild.model.ImagePullCredentialsType;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildBatchesRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsForProjectRequest;
import software.amazon.awssdk.services.codebuild.model.ListBuildsRequest;
import software.amazon.awssdk.services.codebuild.model.ListProjectsRequest;
import software.amazon.awssdk.services.codebuild.model.LogsConfigStatusType;
import software.amazon.awssdk.services.codebuild.model.MachineType;
import software.amazon.awssdk.services.codebuild.model.ProjectArtifacts;
import software.amazon.awssdk.services.codebuild.model.ProjectBuildBatchConfig;
import software.amazon.awssdk.services.codebuild.model.ProjectCache;
import software.amazon.awssdk.services.codebuild.model.ProjectEnvironment;
import software.amazon.awssdk.services.codebuild.model.ProjectFileSystemLocation;
import software.amazon.awssdk.services.codebuild.model.ProjectSortByType;
import software.amazon.awssdk.services.codebuild.model.ProjectSource;
import software.amazon.awssdk.services.codebuild.model.ProjectSourceVersion;
import software.amazon.awssdk.services.codebuild.model.RegistryCredential;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.RetryBuildBatchType;
import software.amazon.awssdk.services.codebuild.model.RetryBuildRequest;
import software.amazon.awssdk.services.codebuild.model.S3LogsConfig;
import software.amazon.awssdk.services.codebuild.model.SortOrderType;
import software.amazon.awssdk.services.codebuild.model.SourceAuth;
import software.amazon.awssdk.services.codebuild.model.SourceAuthType;
import software.amazon.awssdk.services.codebuild.model.SourceType;
import software.amazon.awssdk.services.codebuild.model.StartBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StartBuildRequest;
import software.amazon.awssdk.services.codebuild.model.StatusType;
import software.amazon.awssdk.services.codebuild.model.StopBuildBatchRequest;
import software.amazon.awssdk.services.codebuild.model.StopBuildRequest;
import software.amazon.awssdk.services.codebuild.model.Tag;
import software.amazon.awssdk.services.codebuild.model.UpdateProjectRequest;
import software.amazon.awssdk.services.codebuild.model.VpcConfig;

/**
 * The constraints CodeBuild's service model puts on the input of the operations the fake serves,
 * and the check of a request against them. The SDK checks none of them before it sends a request,
 * so the fake must, as CodeBuild does.
 *
 * <p>The table below is written from the model's member tables (botocore {@code service-2.json}, as
 * extracted in the project's CodeBuild reference), one entry per structure, so that a structure
 * used in many places, such as {@code ProjectSource} or {@code ProjectEnvironment}, is written
 * once. The model's simple shapes that carry constraints, such as {@code NonEmptyString} or {@code
 * BuildTimeOut}, are written once as constants of the same name. Members without constraints are
 * left out. Each request type is compiled against the SDK's own field metadata the first time a
 * request of it is checked, which refuses any entry that does not fit the SDK's shapes; {@link
 * #verifyTable()} does it for every operation at once (see {@link ConstraintTable}).
 *
 * <h2>Messages</h2>
 *
 * <p>Every violation is noted in the form AWS services use for model constraints, and all of them
 * are sent together in one {@code InvalidInputException}:
 *
 * <ul>
 *   <li>{@code Value null at 'id' failed to satisfy constraint: Member must not be null}
 *   <li>{@code Value '' at 'name' failed to satisfy constraint: Member must have length greater
 *       than or equal to 1}, also for the size of a list, whose value is shown as {@code [a, b]}
 *   <li>{@code Value '0' at 'maxResults' failed to satisfy constraint: Member must have value
 *       greater than or equal to 1}
 *   <li>{@code Value 'SIDEWAYS' at 'sortOrder' failed to satisfy constraint: Member must satisfy
 *       enum value set: [ASCENDING, DESCENDING]}, in the order of the SDK's {@code knownValues()}
 *   <li>{@code Value 'web app' at 'name' failed to satisfy constraint: Member must satisfy regular
 *       expression pattern: [A-Za-z0-9][A-Za-z0-9\-_]{1,149}}, the whole value matched
 * </ul>
 *
 * <p>Members the model has but this SDK does not ({@code ProjectEnvironment.hostKernel} and {@code
 * StartBuildInput.hostKernelOverride}, newer than SDK 2.40.2) are not in the table: the codec drops
 * members the SDK does not know, so the fake never sees them.
 */
final class InputConstraints {

    private static final Constraint NON_EMPTY_STRING = minLength(1);
    private static final Constraint PAGE_SIZE = range(1, 100);
    private static final Constraint GIT_CLONE_DEPTH = atLeast(0);
    private static final Constraint BUILD_TIME_OUT = range(5, 2160);
    private static final Constraint TIME_OUT = range(5, 480);
    private static final Constraint PROJECT_NAME =
            all(length(2, 150), pattern("[A-Za-z0-9][A-Za-z0-9\\-_]{1,149}"));
    private static final Constraint PROJECT_DESCRIPTION = length(0, 255);
    private static final Constraint TAG_PATTERN = pattern("^([\\p{L}\\p{Z}\\p{N}_.:/=@+\\-]*)$");
    private static final Constraint KEY_INPUT = all(length(1, 127), TAG_PATTERN);
    private static final Constraint VALUE_INPUT = all(length(0, 255), TAG_PATTERN);

    private static final Constraint BUILD_BATCH_IDS = all(length(0, 100), each(NON_EMPTY_STRING));
    private static final Constraint BUILD_IDS = all(length(1, 100), each(NON_EMPTY_STRING));
    private static final Constraint PROJECT_NAMES = all(length(1, 100), each(NON_EMPTY_STRING));
    private static final Constraint PROJECT_SOURCES = length(0, 12);
    private static final Constraint PROJECT_SECONDARY_SOURCE_VERSIONS = length(0, 12);
    private static final Constraint PROJECT_ARTIFACTS_LIST = length(0, 12);
    private static final Constraint TAG_LIST = length(0, 50);
    private static final Constraint SECURITY_GROUP_IDS = all(maxLength(5), each(NON_EMPTY_STRING));
    private static final Constraint SUBNETS = all(maxLength(16), each(NON_EMPTY_STRING));
    private static final Constraint COMPUTE_TYPES_ALLOWED = each(NON_EMPTY_STRING);
    private static final Constraint FLEETS_ALLOWED = each(NON_EMPTY_STRING);

    private static final Constraint SORT_ORDER = oneOf(SortOrderType.knownValues());
    private static final Constraint SOURCE_TYPE = oneOf(SourceType.knownValues());
    private static final Constraint ENVIRONMENT_TYPE = oneOf(EnvironmentType.knownValues());
    private static final Constraint COMPUTE_TYPE = oneOf(ComputeType.knownValues());
    private static final Constraint IMAGE_PULL_CREDENTIALS_TYPE =
            oneOf(ImagePullCredentialsType.knownValues());
    private static final Constraint BUCKET_OWNER_ACCESS = oneOf(BucketOwnerAccess.knownValues());
    private static final Constraint LOGS_CONFIG_STATUS = oneOf(LogsConfigStatusType.knownValues());

    private static final ConstraintTable TABLE =
            ConstraintTable.of(
                    List.of(
                            shape(
                                    ListBuildBatchesForProjectRequest.class,
                                    member("projectName", NON_EMPTY_STRING),
                                    member("maxResults", PAGE_SIZE),
                                    member("sortOrder", SORT_ORDER)),
                            shape(
                                    ListBuildBatchesRequest.class,
                                    member("maxResults", PAGE_SIZE),
                                    member("sortOrder", SORT_ORDER)),
                            shape(
                                    BatchGetBuildBatchesRequest.class,
                                    member("ids", required(), BUILD_BATCH_IDS)),
                            shape(
                                    StartBuildBatchRequest.class,
                                    member("projectName", required(), NON_EMPTY_STRING),
                                    member("secondarySourcesOverride", PROJECT_SOURCES),
                                    member(
                                            "secondarySourcesVersionOverride",
                                            PROJECT_SECONDARY_SOURCE_VERSIONS),
                                    member("secondaryArtifactsOverride", PROJECT_ARTIFACTS_LIST),
                                    member("sourceTypeOverride", SOURCE_TYPE),
                                    member("gitCloneDepthOverride", GIT_CLONE_DEPTH),
                                    member("environmentTypeOverride", ENVIRONMENT_TYPE),
                                    member("imageOverride", NON_EMPTY_STRING),
                                    member("computeTypeOverride", COMPUTE_TYPE),
                                    member("serviceRoleOverride", NON_EMPTY_STRING),
                                    member("buildTimeoutInMinutesOverride", BUILD_TIME_OUT),
                                    member("queuedTimeoutInMinutesOverride", TIME_OUT),
                                    member("encryptionKeyOverride", NON_EMPTY_STRING),
                                    member(
                                            "imagePullCredentialsTypeOverride",
                                            IMAGE_PULL_CREDENTIALS_TYPE)),
                            shape(
                                    StopBuildBatchRequest.class,
                                    member("id", required(), NON_EMPTY_STRING)),
                            shape(
                                    RetryBuildBatchRequest.class,
                                    member("id", NON_EMPTY_STRING),
                                    member("retryType", oneOf(RetryBuildBatchType.knownValues()))),
                            shape(
                                    DeleteBuildBatchRequest.class,
                                    member("id", required(), NON_EMPTY_STRING)),
                            shape(
                                    StartBuildRequest.class,
                                    member("projectName", required(), NON_EMPTY_STRING),
                                    member("secondarySourcesOverride", PROJECT_SOURCES),
                                    member(
                                            "secondarySourcesVersionOverride",
                                            PROJECT_SECONDARY_SOURCE_VERSIONS),
                                    member("secondaryArtifactsOverride", PROJECT_ARTIFACTS_LIST),
                                    member("sourceTypeOverride", SOURCE_TYPE),
                                    member("gitCloneDepthOverride", GIT_CLONE_DEPTH),
                                    member("environmentTypeOverride", ENVIRONMENT_TYPE),
                                    member("imageOverride", NON_EMPTY_STRING),
                                    member("computeTypeOverride", COMPUTE_TYPE),
                                    member("serviceRoleOverride", NON_EMPTY_STRING),
                                    member("timeoutInMinutesOverride", BUILD_TIME_OUT),
                                    member("queuedTimeoutInMinutesOverride", TIME_OUT),
                                    member("encryptionKeyOverride", NON_EMPTY_STRING),
                                    member(
                                            "imagePullCredentialsTypeOverride",
                                            IMAGE_PULL_CREDENTIALS_TYPE)),
                            shape(
                                    BatchGetBuildsRequest.class,
                                    member("ids", required(), BUILD_IDS)),
                            shape(ListBuildsRequest.class, member("sortOrder", SORT_ORDER)),
                            shape(
                                    ListBuildsForProjectRequest.class,
                                    member("projectName", required(), NON_EMPTY_STRING),
                                    member("sortOrder", SORT_ORDER)),
                            shape(
                                    StopBuildRequest.class,
                                    member("id", required(), NON_EMPTY_STRING)),
                            shape(
                                    BatchDeleteBuildsRequest.class,
                                    member("ids", required(), BUILD_IDS)),
                            shape(RetryBuildRequest.class, member("id", NON_EMPTY_STRING)),
                            shape(
                                    CreateProjectRequest.class,
                                    member("name", required(), PROJECT_NAME),
                                    member("description", PROJECT_DESCRIPTION),
                                    member("source", required()),
                                    member("secondarySources", PROJECT_SOURCES),
                                    member(
                                            "secondarySourceVersions",
                                            PROJECT_SECONDARY_SOURCE_VERSIONS),
                                    member("artifacts", required()),
                                    member("secondaryArtifacts", PROJECT_ARTIFACTS_LIST),
                                    member("environment", required()),
                                    member("serviceRole", required(), NON_EMPTY_STRING),
                                    member("timeoutInMinutes", BUILD_TIME_OUT),
                                    member("queuedTimeoutInMinutes", TIME_OUT),
                                    member("encryptionKey", NON_EMPTY_STRING),
                                    member("tags", TAG_LIST)),
                            shape(
                                    BatchGetProjectsRequest.class,
                                    member("names", required(), PROJECT_NAMES)),
                            shape(
                                    ListProjectsRequest.class,
                                    member("sortBy", oneOf(ProjectSortByType.knownValues())),
                                    member("sortOrder", SORT_ORDER),
                                    member("nextToken", NON_EMPTY_STRING)),
                            // The model's UpdateProjectInput.name is a NonEmptyString, not a
                            // ProjectName like CreateProjectInput.name.
                            shape(
                                    UpdateProjectRequest.class,
                                    member("name", required(), NON_EMPTY_STRING),
                                    member("description", PROJECT_DESCRIPTION),
                                    member("secondarySources", PROJECT_SOURCES),
                                    member(
                                            "secondarySourceVersions",
                                            PROJECT_SECONDARY_SOURCE_VERSIONS),
                                    member("secondaryArtifacts", PROJECT_ARTIFACTS_LIST),
                                    member("serviceRole", NON_EMPTY_STRING),
                                    member("timeoutInMinutes", BUILD_TIME_OUT),
                                    member("queuedTimeoutInMinutes", TIME_OUT),
                                    member("encryptionKey", NON_EMPTY_STRING),
                                    member("tags", TAG_LIST)),
                            shape(
                                    DeleteProjectRequest.class,
                                    member("name", required(), NON_EMPTY_STRING)),
                            shape(
                                    BuildBatchFilter.class,
                                    member("status", oneOf(StatusType.knownValues()))),
                            shape(
                                    ProjectSource.class,
                                    member("type", required(), SOURCE_TYPE),
                                    member("gitCloneDepth", GIT_CLONE_DEPTH)),
                            shape(GitSubmodulesConfig.class, member("fetchSubmodules", required())),
                            shape(
                                    SourceAuth.class,
                                    member(
                                            "type",
                                            required(),
                                            oneOf(SourceAuthType.knownValues()))),
                            shape(
                                    ProjectSourceVersion.class,
                                    member("sourceIdentifier", required()),
                                    member("sourceVersion", required())),
                            shape(
                                    ProjectArtifacts.class,
                                    member("type", required(), oneOf(ArtifactsType.knownValues())),
                                    member("namespaceType", oneOf(ArtifactNamespace.knownValues())),
                                    member("packaging", oneOf(ArtifactPackaging.knownValues())),
                                    member("bucketOwnerAccess", BUCKET_OWNER_ACCESS)),
                            shape(
                                    ProjectCache.class,
                                    member("type", required(), oneOf(CacheType.knownValues())),
                                    member("modes", each(oneOf(CacheMode.knownValues())))),
                            shape(
                                    ProjectEnvironment.class,
                                    member("type", required(), ENVIRONMENT_TYPE),
                                    member("image", required(), NON_EMPTY_STRING),
                                    member("computeType", required(), COMPUTE_TYPE),
                                    member(
                                            "imagePullCredentialsType",
                                            IMAGE_PULL_CREDENTIALS_TYPE)),
                            shape(
                                    ComputeConfiguration.class,
                                    member("machineType", oneOf(MachineType.knownValues())),
                                    member("instanceType", NON_EMPTY_STRING)),
                            shape(
                                    EnvironmentVariable.class,
                                    member("name", required(), NON_EMPTY_STRING),
                                    member("value", required()),
                                    member("type", oneOf(EnvironmentVariableType.knownValues()))),
                            shape(
                                    RegistryCredential.class,
                                    member("credential", required(), NON_EMPTY_STRING),
                                    member(
                                            "credentialProvider",
                                            required(),
                                            oneOf(CredentialProviderType.knownValues()))),
                            shape(
                                    DockerServer.class,
                                    member("computeType", required(), COMPUTE_TYPE),
                                    member("securityGroupIds", SECURITY_GROUP_IDS)),
                            shape(
                                    CloudWatchLogsConfig.class,
                                    member("status", required(), LOGS_CONFIG_STATUS)),
                            shape(
                                    S3LogsConfig.class,
                                    member("status", required(), LOGS_CONFIG_STATUS),
                                    member("bucketOwnerAccess", BUCKET_OWNER_ACCESS)),
                            shape(
                                    VpcConfig.class,
                                    member("vpcId", NON_EMPTY_STRING),
                                    member("subnets", SUBNETS),
                                    member("securityGroupIds", SECURITY_GROUP_IDS)),
                            shape(
                                    ProjectFileSystemLocation.class,
                                    member("type", oneOf(FileSystemType.knownValues()))),
                            shape(
                                    ProjectBuildBatchConfig.class,
                                    member("serviceRole", NON_EMPTY_STRING),
                                    member(
                                            "batchReportMode",
                                            oneOf(BatchReportModeType.knownValues()))),
                            shape(
                                    BatchRestrictions.class,
                                    member("computeTypesAllowed", COMPUTE_TYPES_ALLOWED),
                                    member("fleetsAllowed", FLEETS_ALLOWED)),
                            shape(
                                    Tag.class,
                                    member("key", KEY_INPUT),
                                    member("value", VALUE_INPUT))));

    private InputConstraints() {}

    /**
     * Check a request against the model's constraints.
     *
     * @param request a request of one of the operations the table covers
     * @throws ServiceException an {@code InvalidInputException} listing every violation
     * @throws IllegalArgumentException if the table does not cover the request's operation
     */
    static void check(CodeBuildRequest request) {
        new Validation().modelConstraints(request).check();
    }

    /**
     * Check a request against the model's constraints and note every violation, after those an
     * operation's own rules noted before.
     *
     * @param request a request of one of the operations the table covers
     * @param validation where violations are noted
     * @throws IllegalArgumentException if the table does not cover the request's operation
     */
    static void check(CodeBuildRequest request, Validation validation) {
        TABLE.check(request, validation);
    }

    /**
     * Compile the table for every operation at once; for a test, so that an entry that does not fit
     * the SDK's shapes shows before a request meets it.
     *
     * @throws IllegalStateException if the table does not fit the SDK's shapes
     */
    static void verifyTable() {
        TABLE.verify();
    }

    /**
     * Tell whether the table covers an operation.
     *
     * @param requestType the operation's request class
     * @return whether its input's constraints are written
     */
    static boolean covers(Class<? extends CodeBuildRequest> requestType) {
        return TABLE.covers(requestType);
    }
}
