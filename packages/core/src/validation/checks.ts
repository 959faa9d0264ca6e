import { Check } from "./rule";

/**
 * The checks that are not single-value rules (cross-prop checks, references, what a document or the
 * whole app must hold), by the ID printed in brackets after each problem, with what they require and
 * why. Single-value rules carry their own explanation (`src/validation/rules/`); a test holds every ID
 * the code reports to one or the other.
 */
const EXPLANATIONS = {
  // Renamed props
  RenamedProp: "Props keep the names of the version 1 API (e.g. buildSteps, poolType); an old name would be silently ignored.",
  RequiredProp: "A prop the construct cannot work without is set (JavaScript and Python callers get no type error for a missing one).",
  // Storage sources and placement
  S3BucketSource: "Exactly one of bucketName (create) and existingBucketName (reuse) is set.",
  GcsBucketSource: "Exactly one of bucketName (create) and existingBucketName (reuse) is set.",
  EcrRepositorySource: "Exactly one of repositoryName (create) and existingRepositoryName (reuse) is set.",
  EcrExistingRepository: "Repository options (tag mutability, encryption, lifecycle) apply only to a repository this construct creates; an existing one is left as it is.",
  EcrLifecycle: "The lifecycle rule keeps a whole number of images from 1 to 10,000: a deployment whose image was removed can no longer start runs.",
  ArtifactRegistryRepositorySource: "Exactly one of repositoryId (create) and existingRepositoryId (reuse) is set.",
  ArtifactRegistryExistingRepository: "Repository options (immutable tags, cleanup, CMEK) apply only to a repository this construct creates; an existing one is left as it is.",
  ArtifactRegistryCleanup: "The cleanup policy keeps a whole number of versions from 1 to 10,000: a deployment whose image was removed can no longer start runs.",
  AcrExistingRegistry: "Registry options (SKU, network access, retention) apply only to a registry this construct creates; an existing one is left as it is.",
  S3ExistingBucket: "Bucket options (lifecycle, encryption) apply only to a bucket this construct creates; an existing bucket is left as it is.",
  S3Lifecycle: "Noncurrent versions expire after a whole number of days, at least 1.",
  GcsExistingBucket: "Bucket options (location, class, lifecycle, CMEK) apply only to a bucket this construct creates; an existing bucket is left as it is.",
  GcsLifecycle: "Noncurrent versions expire after a whole number of days, at least 1.",
  GcsStorageClass: "The storage class is one Cloud Storage offers (STANDARD, NEARLINE, COLDLINE, ARCHIVE).",
  GcsGrantRoles: 'Grants use "custom" roles (exactly the permissions the steps need) or "predefined" ones (the smallest that work).',
  GcsListRestriction: "Restricting the pull side's listing to the folder needs custom roles: the predefined listing role is a legacy role, not bound under conditions.",
  GcsKms: "Granting the key to Cloud Storage's service agent needs the key (kmsKeyName).",
  GcsKmsKeyLocation: "A CMEK key must be in the bucket's location, or Cloud Storage refuses to use it.",
  AzureAccountSource: "Exactly one of storageAccountName (create) and existingStorageAccountId (reuse) is set.",
  AzureAccountPlacement: "Creating a storage account needs its resource group and location.",
  AzureExistingAccount: "Account options apply only to an account this construct creates; an existing account is left as it is.",
  AzureContainerSource: "Exactly one container source is set, and an existing container lives in an existing account (a new account has none).",
  AzureLifecycle: "Noncurrent versions expire after a whole number of days, at least 1.",
  AzureSharedKeyAccess: "Connection strings and SAS need shared-key access on the account; turning it off leaves only keyless (managed identity) sides.",
  AzureSasValidity: "A SAS is valid for a whole number of days from 1 to 365, or until an explicit expiry, not both.",
  AzureSasExpired: "A SAS expiry in the past would be refused by Azure on every request.",
  BlockData: "A block's data uses the camelCase fields of its data struct; each maps to one field of Prefect's block schema, and an unknown one would be dropped.",
  StepParameter: "A typed step's props are camelCase and each maps to one parameter of Prefect's step function; an unknown one would be dropped.",
  GrantOptions: "A grant takes a GrantOptions struct ({ id, principalType }), not the construct id on its own.",
  GrantPrincipalType: "A grant's principalType applies only to Azure role assignments, and is ServicePrincipal, User or Group.",
  AzureBlobCredentialsData: "An azure-blob-storage-credentials block holds connectionString or accountUrl: the Azure steps raise without either.",
  // Registries and images
  AcrRegistrySource: "Exactly one of registryName (create) and existingRegistryId (reuse) is set.",
  AcrRegistryPlacement: "Creating a container registry needs its resource group and location.",
  AcrSku: "The registry tier is Basic, Standard or Premium; some options (no public network access) need Premium.",
  AcrTokenExpired: "A token password expiry in the past would be refused at the first login.",
  EcrPushIdentity: "Someone pushes the images: a role (keyless CI) or an IAM user with a key.",
  DockerTagSource: "An image tag comes from one place: a fixed tag or a deploy-time environment variable.",
  DockerImmutableTag: "With immutable tags, a tag that is the same for every build makes the second deploy's push fail.",
  DockerDockerfile: 'The Dockerfile is a path relative to where `prefect deploy` runs, or "auto" for Prefect to write one.',
  DockerCodeDirectory: "The directory the code is copied to in the image is a Linux path known at synth: the pull step is written from it.",
  // Git
  GitHostKind: "Prefect picks how to insert a token by the host name (github, gitlab, bitbucket); an unrecognized host needs hostKind.",
  GitHostRules: "A token works only on the host that issued it, in the form that host's git_clone rule expects.",
  GitRef: "git_clone takes a branch or a commit SHA, not both.",
  GitTokenOverHttps: "Prefect inserts tokens into https URLs only; ssh URLs use the worker's keys.",
  GitDeployKeyOverSsh: "A deploy key works only with an ssh URL.",
  SshPublicKey: "A deploy key is an OpenSSH public key line (type, base64 key, optional comment).",
  NoLiteralSecrets: "Secrets come from a sensitive Terraform variable or a resource attribute, never a literal in code.",
  KnownAtSynth: "A value written into prefect.yaml must be known at synth time, not only after apply.",
  // Blocks
  BlockWriteOnly: "writeOnlyVersion only applies to write-only block data (writeOnly: true).",
  // prefect.yaml
  DeploymentName: "Every deployment has a name, unique within the prefect.yaml, or `prefect deploy` deploys only one of them.",
  DeploymentEntrypoint: "An entrypoint is path/to/file.py:flow_function, relative to where `prefect deploy` runs.",
  ScheduleKind: "A schedule is made by Schedule.cron, Schedule.interval or Schedule.rrule, one kind per schedule.",
  StepId: "Step ids are letters, digits, _ and -, starting with a letter or _: Prefect resolves {{ <id>.<key> }} only for those.",
  StepOutputReference: "{{ <id>.<key> }} names a step that runs earlier (build, then push, then pull); otherwise it stays unresolved.",
  TemplateValueType: "prefect.yaml holds strings, numbers, booleans, references and lists and maps of them; a block, step or construct goes in as its reference or output.",
  NoTerraformTokenInPrefectYaml: "prefect.yaml holds no Terraform token: a value only known after apply goes through a Prefect variable.",
  BlockReference: "Every block prefect.yaml references is created in the same stack, or every run fails to load it.",
  VariableReference: "Every Prefect variable prefect.yaml references is created in the same stack.",
  // Deployments and work pools
  FlowDeploymentQueue: "Creating a work queue needs its name (workQueueName).",
  FlowDeploymentPool: "createWorkPool creates the pool named by workPool; a WorkPool resource given instead already creates it.",
  TerraformDeploymentValue: "A deployment Terraform registers holds fixed values: step outputs are only filled in by `prefect deploy`.",
  TerraformPullStep: "prefect_deployment.pull_steps takes the provider's step types and fields, with values known without `prefect deploy`.",
  WorkPoolConcurrency: "A work pool's concurrency limit is a whole number, at least 0.",
  WorkPoolTemplate: "A base job template has job_configuration and variables.properties, declares every placeholder it uses, and an image variable to carry a default image.",
  WorkPoolJobVariables: "Deployments set the job variables their pool's template requires with no default, or every run fails on the worker.",
};

export type CheckId = keyof typeof EXPLANATIONS;

/** Every check, by ID: `errors.add(prop, value, CHECKS.S3Lifecycle, problem, fix)`. */
export const CHECKS = Object.fromEntries(Object.entries(EXPLANATIONS).map(([id, explanation]) => [id, { id, explanation }])) as {
  readonly [K in CheckId]: Check;
};
