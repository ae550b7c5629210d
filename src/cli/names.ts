/**
 * Every CLI name comes from an AWS name through one function, botocore's `xform_name`
 * (botocore/__init__.py), never typed twice: operations (PutBucketVersioning →
 * put-bucket-versioning) and parameters (MFADelete → --mfa-delete) alike.
 */

const FIRST_CAP = /(.)([A-Z][a-z]+)/g;
const END_CAP = /([a-z0-9])([A-Z])/g;
// "GatewayARNs", "ListWebACLs": a pluralised acronym at the end becomes `_arns`, `_acls`.
const SPECIAL_CASE = /[A-Z]{2,}s$/;

// botocore pre-populates its cache with names the regular expressions get wrong.
const PARTIAL_RENAMES: Readonly<Record<string, string>> = {
  CreateCachediSCSIVolume: 'create_cached_iscsi_volume',
  DescribeCachediSCSIVolumes: 'describe_cached_iscsi_volumes',
  DescribeStorediSCSIVolumes: 'describe_stored_iscsi_volumes',
  CreateStorediSCSIVolume: 'create_stored_iscsi_volume',
  ListHITsForQualificationType: 'list_hits_for_qualification_type',
  ExecutePartiQLStatement: 'execute_partiql_statement',
  ExecutePartiQLTransaction: 'execute_partiql_transaction',
  ExecutePartiQLBatch: 'execute_partiql_batch',
};

/** botocore's `xform_name(name, sep)`: CamelCase to snake_case (or kebab-case with sep '-'). */
export function xformName(name: string, sep = '_'): string {
  if (name.includes(sep)) return name;
  const special = PARTIAL_RENAMES[name];
  if (special !== undefined) return special.replace(/_/g, sep);
  let base = name;
  const match = SPECIAL_CASE.exec(base);
  if (match) base = `${base.slice(0, base.length - match[0].length)}${sep}${match[0].toLowerCase()}`;
  const s1 = base.replace(FIRST_CAP, `$1${sep}$2`);
  return s1.replace(END_CAP, `$1${sep}$2`).toLowerCase();
}

/** The CLI command of an operation: `ListObjectsV2` → `list-objects-v2`. */
export function operationCliName(operation: string): string {
  return xformName(operation, '-');
}

/** The CLI option of an input member, without dashes: `VersionIdMarker` → `version-id-marker`. */
export function memberCliName(member: string): string {
  return xformName(member, '-');
}

/**
 * Services whose CLI command is not botocore's name. `aws s3` is the high-level
 * commands (awscli/customizations/s3/s3.py renames botocore's `s3` to `s3api`).
 */
const SERVICE_RENAMES: Readonly<Record<string, string>> = {
  s3: 's3api',
  config: 'configservice', // customizations/configservice/rename_cmd.py
  codedeploy: 'deploy', // customizations/codedeploy/codedeploy.py
};

/** The `aws <command>` for a botocore service name. */
export function cliServiceName(serviceName: string): string {
  return SERVICE_RENAMES[serviceName] ?? serviceName;
}

/** The botocore service behind an `aws <command>`, among the given services. */
export function serviceForCommand(command: string, serviceNames: readonly string[]): string | undefined {
  return serviceNames.find((name) => cliServiceName(name) === command);
}

/**
 * Parameters the CLI renames because the derived name reads badly or clashes with a
 * global option (awscli/customizations/argrename.py). Keys are
 * `<cli service>.<operation or *>.<derived name>`; only services a lab may simulate.
 */
const ARGUMENT_RENAMES: Readonly<Record<string, string>> = {
  'ec2.create-image.no-no-reboot': 'reboot',
  'ec2.*.no-egress': 'ingress',
  'ec2.*.no-disable-api-termination': 'enable-api-termination',
  'sns.subscribe.endpoint': 'notification-endpoint',
  'deploy.*.s-3-location': 's3-location',
  'deploy.*.ec-2-tag-filters': 'ec2-tag-filters',
  'route53.delete-traffic-policy.version': 'traffic-policy-version',
  'route53.get-traffic-policy.version': 'traffic-policy-version',
  'route53.update-traffic-policy-comment.version': 'traffic-policy-version',
  'apigateway.create-rest-api.version': 'api-version',
  'stepfunctions.send-task-success.output': 'task-output',
  'eks.create-cluster.version': 'kubernetes-version',
  'eks.update-cluster-version.version': 'kubernetes-version',
  'ecs.*.no-enable-execute-command': 'disable-execute-command',
  'ecs.execute-command.no-interactive': 'non-interactive',
};

/** The renamed CLI argument, or undefined when the derived name stands. */
export function argumentRename(command: string, operation: string, argument: string): string | undefined {
  return ARGUMENT_RENAMES[`${command}.${operation}.${argument}`] ?? ARGUMENT_RENAMES[`${command}.*.${argument}`];
}
