/**
 * A few AWS managed policies with their real documents, names, IDs and dates, as
 * `aws iam get-policy-version` shows them. ReadOnlyAccess is trimmed to the services awslab
 * simulates (its real document covers hundreds); the others are whole.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */

export interface AwsManagedPolicy {
  readonly name: string;
  readonly id: string;
  readonly description: string;
  readonly defaultVersionId: string;
  readonly createDate: string;
  readonly updateDate: string;
  readonly document: object;
}

const allow = (Action: string | string[]) => ({ Effect: 'Allow', Action, Resource: '*' });

export const AWS_MANAGED_POLICIES: readonly AwsManagedPolicy[] = [
  {
    name: 'AdministratorAccess',
    id: 'ANPAIWMBCKSKIEE64ZLYK',
    description: 'Provides full access to AWS services and resources.',
    defaultVersionId: 'v1',
    createDate: '2015-02-06T18:39:46Z',
    updateDate: '2015-02-06T18:39:46Z',
    document: { Version: '2012-10-17', Statement: [allow('*')] },
  },
  {
    name: 'ReadOnlyAccess',
    id: 'ANPAILL3HVNFSB6DCOWYQ',
    description: 'Provides read-only access to AWS services and resources.',
    defaultVersionId: 'v182',
    createDate: '2015-02-06T18:39:48Z',
    updateDate: '2026-04-03T15:27:12Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'ReadOnlyActionsGroup1',
          ...allow(['ec2:Describe*', 'ec2:Get*', 'ec2:ListImagesInRecycleBin', 'ec2:ListSnapshotsInRecycleBin', 'ec2:SearchLocalGatewayRoutes', 'ec2:SearchTransitGatewayRoutes',
            'iam:Generate*', 'iam:Get*', 'iam:List*', 'iam:Simulate*', 's3:DescribeJob', 's3:Get*', 's3:List*', 'sts:GetAccessKeyInfo', 'sts:GetCallerIdentity', 'sts:GetSessionToken']),
        },
      ],
    },
  },
  {
    name: 'AmazonS3ReadOnlyAccess',
    id: 'ANPAIZTJ4DXE7G6AGAE6M',
    description: 'Provides read only access to all buckets via the AWS Management Console.',
    defaultVersionId: 'v3',
    createDate: '2015-02-06T18:40:59Z',
    updateDate: '2023-08-10T21:31:39Z',
    document: { Version: '2012-10-17', Statement: [allow(['s3:Get*', 's3:List*', 's3:Describe*', 's3-object-lambda:Get*', 's3-object-lambda:List*'])] },
  },
  {
    name: 'AmazonS3FullAccess',
    id: 'ANPAIFIR6V6BVTRAHWINE',
    description: 'Provides full access to all buckets via the AWS Management Console.',
    defaultVersionId: 'v2',
    createDate: '2015-02-06T18:40:58Z',
    updateDate: '2021-09-27T20:16:37Z',
    document: { Version: '2012-10-17', Statement: [allow(['s3:*', 's3-object-lambda:*'])] },
  },
  {
    name: 'AmazonEC2ReadOnlyAccess',
    id: 'ANPAIGDT4SV4GSETWTBZK',
    description: 'Provides read only access to Amazon EC2 via the AWS Management Console.',
    defaultVersionId: 'v5',
    createDate: '2015-02-06T18:40:17Z',
    updateDate: '2026-02-12T18:03:17Z',
    document: {
      Version: '2012-10-17',
      Statement: [
        allow(['ec2:Describe*', 'ec2:GetSecurityGroupsForVpc']),
        allow('elasticloadbalancing:Describe*'),
        allow(['cloudwatch:ListMetrics', 'cloudwatch:GetMetricStatistics', 'cloudwatch:Describe*']),
        allow('autoscaling:Describe*'),
      ],
    },
  },
  {
    name: 'IAMReadOnlyAccess',
    id: 'ANPAJKSO7NDY4T57MWDSQ',
    description: 'Provides read only access to IAM via the AWS Management Console.',
    defaultVersionId: 'v4',
    createDate: '2015-02-06T18:40:39Z',
    updateDate: '2018-01-25T19:11:27Z',
    document: {
      Version: '2012-10-17',
      Statement: [allow(['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'])],
    },
  },
];

export const awsManagedPolicyArn = (name: string) => `arn:aws:iam::aws:policy/${name}`;
