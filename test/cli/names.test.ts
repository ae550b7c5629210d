import { describe, expect, it } from 'vitest';
import { argumentRename, cliServiceName, memberCliName, operationCliName, serviceForCommand, xformName } from '../../src/cli/names.js';

// botocore/__init__.py xform_name. The expectations are botocore 2.9.19's own answers
// (run against Debian's awscli package), including botocore's tests/unit/test_utils.py
// TestTransformName cases and its pre-populated special cases.
describe('xformName', () => {
  const cases: Array<[string, string, string]> = [
    ['PutBucketVersioning', 'put-bucket-versioning', 'put_bucket_versioning'],
    ['ListObjectsV2', 'list-objects-v2', 'list_objects_v2'],
    ['MFADelete', 'mfa-delete', 'mfa_delete'],
    ['VersionIdMarker', 'version-id-marker', 'version_id_marker'],
    ['GetBucketLocation', 'get-bucket-location', 'get_bucket_location'],
    ['SSECustomerKeyMD5', 'sse-customer-key-md5', 'sse_customer_key_md5'],
    ['ChecksumCRC32C', 'checksum-crc32-c', 'checksum_crc32_c'],
    ['ContentMD5', 'content-md5', 'content_md5'],
    ['ObjectLockEnabledForBucket', 'object-lock-enabled-for-bucket', 'object_lock_enabled_for_bucket'],
    ['DescribeDBInstances', 'describe-db-instances', 'describe_db_instances'],
    ['SwapEnvironmentCNAMEs', 'swap-environment-cnames', 'swap_environment_cnames'],
    ['CreateCachediSCSIVolume', 'create-cached-iscsi-volume', 'create_cached_iscsi_volume'],
    ['DescribeStorediSCSIVolumes', 'describe-stored-iscsi-volumes', 'describe_stored_iscsi_volumes'],
    ['ExecutePartiQLStatement', 'execute-partiql-statement', 'execute_partiql_statement'],
    ['ListHITsForQualificationType', 'list-hits-for-qualification-type', 'list_hits_for_qualification_type'],
    ['HTTPHeaders', 'http-headers', 'http_headers'],
    ['MainHTTPHeaders', 'main-http-headers', 'main_http_headers'],
    ['lowerCamelCase', 'lower-camel-case', 'lower_camel_case'],
    ['leave_alone', 'leave_alone', 'leave_alone'],
    ['UpperCamelCase', 'upper-camel-case', 'upper_camel_case'],
    ['GatewayARNs', 'gateway-arns', 'gateway_arns'],
    ['ListWebACLs', 'list-web-acls', 'list_web_acls'],
    ['AssociateIamInstanceProfile', 'associate-iam-instance-profile', 'associate_iam_instance_profile'],
    ['CreateDBClusterParameterGroup', 'create-db-cluster-parameter-group', 'create_db_cluster_parameter_group'],
    ['S3Location', 's3-location', 's3_location'],
    ['Ec2TagFilters', 'ec2-tag-filters', 'ec2_tag_filters'],
    ['SSEKMSKeyId', 'ssekms-key-id', 'ssekms_key_id'],
    ['IPv6Address', 'i-pv6-address', 'i_pv6_address'],
    ['Ipv6CidrBlock', 'ipv6-cidr-block', 'ipv6_cidr_block'],
    ['CPUOptions', 'cpu-options', 'cpu_options'],
    ['ListV2LoggingLevels', 'list-v2-logging-levels', 'list_v2_logging_levels'],
    ['GetIDs', 'get-ids', 'get_ids'],
    ['ETag', 'e-tag', 'e_tag'],
    ['KMSKeyId', 'kms-key-id', 'kms_key_id'],
    ['ARN', 'arn', 'arn'],
  ];
  for (const [name, kebab, snake] of cases) {
    it(`${name} → ${kebab} / ${snake}`, () => {
      expect(xformName(name, '-')).toBe(kebab);
      expect(xformName(name)).toBe(snake);
    });
  }

  it('leaves a name that already contains the separator alone', () => {
    expect(xformName('already-kebab', '-')).toBe('already-kebab');
    expect(xformName('Mixed_Case')).toBe('Mixed_Case');
  });

  it('derives operation commands and parameter options with the one function', () => {
    expect(operationCliName('ListObjectVersions')).toBe('list-object-versions');
    expect(memberCliName('MFADelete')).toBe('mfa-delete');
  });
});

describe('CLI service names', () => {
  // awscli/customizations/s3/s3.py renames botocore's s3 to s3api; `aws s3` is the high-level commands.
  it('maps botocore services to their aws commands', () => {
    expect(cliServiceName('s3')).toBe('s3api');
    expect(cliServiceName('config')).toBe('configservice');
    expect(cliServiceName('codedeploy')).toBe('deploy');
    expect(cliServiceName('ec2')).toBe('ec2');
  });

  it('finds the botocore service behind a command', () => {
    expect(serviceForCommand('s3api', ['s3', 'ec2'])).toBe('s3');
    expect(serviceForCommand('s3', ['s3', 'ec2'])).toBeUndefined();
    expect(serviceForCommand('ec2', ['s3', 'ec2'])).toBe('ec2');
  });

  // awscli/customizations/argrename.py
  it('renames the arguments the CLI renames', () => {
    expect(argumentRename('ec2', 'create-image', 'no-no-reboot')).toBe('reboot');
    expect(argumentRename('ec2', 'authorize-security-group-egress', 'no-egress')).toBe('ingress');
    expect(argumentRename('sns', 'subscribe', 'endpoint')).toBe('notification-endpoint');
    expect(argumentRename('s3api', 'put-object', 'body')).toBeUndefined();
  });
});
