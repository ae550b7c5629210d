/**
 * The syllabus as data: every topic awslab teaches, with its exam domain. A topic id is the
 * stable key shared by a note (labs/notes/<id>.md), a quiz bank (quizzes/<id>.yaml), the
 * `topic:` of a quiz question and the `topics:` of a lab.
 *
 * Domains and weights follow the AWS Certified Cloud Practitioner (CLF-C02) exam guide:
 * https://docs.aws.amazon.com/aws-certification/latest/cloud-practitioner-02/cloud-practitioner-02.html
 */

export const DOMAINS = ['concepts', 'security', 'technology', 'billing'] as const;
export type Domain = (typeof DOMAINS)[number];

/** The exam guide's name for each domain. */
export const DOMAIN_TITLES: Readonly<Record<Domain, string>> = {
  concepts: 'Cloud Concepts',
  security: 'Security and Compliance',
  technology: 'Cloud Technology and Services',
  billing: 'Billing, Pricing, and Support',
};

/** Share of the scored questions per domain in CLF-C02, in percent (they add up to 100). */
export const DOMAIN_WEIGHTS: Readonly<Record<Domain, number>> = {
  concepts: 24,
  security: 30,
  technology: 34,
  billing: 12,
};

export interface Topic {
  id: string;
  title: string;
  domain: Domain;
  /** One line on what the topic covers. */
  summary: string;
}

const t = (id: string, domain: Domain, title: string, summary: string): Topic => ({ id, title, domain, summary });

/** In syllabus order (as in topics.md): concepts, security, technology, billing. */
export const TOPICS: readonly Topic[] = [
  t('cloud-computing', 'concepts', 'Cloud computing fundamentals', 'What the cloud is, its five characteristics, IaaS/PaaS/SaaS, deployment models and CapEx versus OpEx.'),
  t('global-infrastructure', 'concepts', 'AWS global infrastructure', 'Regions, Availability Zones, edge locations and Outposts, and how to choose a Region.'),
  t('availability-durability', 'concepts', 'Availability, durability and consistency', 'The nines of availability and their downtime, eleven nines of durability, strong versus eventual consistency.'),
  t('scalability-elasticity', 'concepts', 'Scalability, elasticity and fault tolerance', 'Scaling up versus out, elasticity, high availability and fault tolerance, and the practices behind them.'),
  t('well-architected', 'concepts', 'AWS Well-Architected Framework', 'The six pillars and the design principles that guide a sound workload.'),
  t('ways-to-interact', 'concepts', 'Ways to interact with AWS', 'The console, the CLI, the SDKs, APIs versus SDKs, and infrastructure as code.'),
  t('migration-caf', 'concepts', 'Migration and the Cloud Adoption Framework', 'The 7 Rs of migration, the CAF\'s six perspectives and four phases, and the AWS migration tools.'),
  t('shared-responsibility', 'security', 'The shared responsibility model', 'Security of the cloud (AWS) versus security in the cloud (you), and how the split moves per service model.'),
  t('security-groups', 'security', 'Security groups', 'Stateful, allow-only firewalls on instances: inbound and outbound rules and references to other groups.'),
  t('network-acls', 'security', 'Network ACLs', 'Stateless subnet firewalls with numbered allow and deny rules and ephemeral ports.'),
  t('s3-security', 'security', 'S3 security', 'Bucket policies, ACLs, Block Public Access, encryption options, MFA Delete, Object Lock and logging.'),
  t('iam', 'security', 'AWS Identity and Access Management', 'The root user, users, groups and roles, policy structure and evaluation, least privilege, MFA, temporary credentials and IAM Identity Center.'),
  t('organizations-governance', 'security', 'AWS Organizations and governance', 'Organizations, OUs, service control policies, consolidated billing, Control Tower landing zones and controls, and multi-account strategy.'),
  t('security-services', 'security', 'AWS security services', 'Shield, WAF, Firewall Manager, Network Firewall, GuardDuty, Inspector, Macie, Detective, Security Hub and Security Lake: which problem each solves.'),
  t('encryption-secrets', 'security', 'Encryption, keys and secrets', 'Encryption at rest and in transit, AWS KMS, CloudHSM, Secrets Manager versus Parameter Store, and ACM certificates.'),
  t('monitoring-audit', 'security', 'Monitoring, audit and compliance', 'CloudWatch, CloudTrail, AWS Config, Audit Manager, AWS Artifact and compliance programs.'),
  t('ec2-basics', 'technology', 'Amazon EC2 basics', 'Instances, AMIs, key pairs, the VPC and security group around them, the root volume and ways to connect.'),
  t('ec2-instance-types', 'technology', 'EC2 instance types', 'Instance families, the naming convention and sizes, with typical uses.'),
  t('ami', 'technology', 'Amazon Machine Images', 'What an AMI holds, its kinds and lifecycle, and EC2 Image Builder.'),
  t('elastic-load-balancing', 'technology', 'Elastic Load Balancing', 'ALB, NLB, GWLB and CLB, listeners, target groups, health checks, stickiness and cross-zone balancing.'),
  t('auto-scaling', 'technology', 'EC2 Auto Scaling', 'Auto Scaling groups, launch templates, capacity limits, scaling policies, cooldowns, health checks and AZ balance.'),
  t('lambda', 'technology', 'AWS Lambda', 'Serverless functions: triggers, pay-per-use pricing and limits.'),
  t('containers', 'technology', 'Containers on AWS', 'Containers versus VMs, microservices and orchestration with ECS, EKS, Fargate and ECR.'),
  t('compute-services', 'technology', 'Other compute services', 'AWS Batch, Lightsail, Elastic Beanstalk and API Gateway.'),
  t('storage-types', 'technology', 'Storage types', 'Object, block, file and cache storage, and structured, semi-structured and unstructured data.'),
  t('s3-basics', 'technology', 'Amazon S3 basics', 'Buckets, objects and keys, S3 features, common uses and what S3 charges for.'),
  t('s3-versioning', 'technology', 'S3 versioning', 'Version IDs, delete markers, suspending, restoring, MFA Delete and noncurrent-version lifecycle.'),
  t('s3-replication', 'technology', 'S3 replication', 'Cross-Region and Same-Region replication: rules, filters, the IAM role, delete markers and replica status.'),
  t('s3-storage-classes', 'technology', 'S3 storage classes', 'The storage classes with their availability, durability and retrieval, and lifecycle transitions.'),
  t('ebs', 'technology', 'Amazon EBS', 'Volume types, snapshots, encryption, resizing, single-AZ placement and limits.'),
  t('instance-store', 'technology', 'EC2 instance store', 'Ephemeral block storage: when its data is lost and what it is good for.'),
  t('efs-fsx', 'technology', 'Amazon EFS and FSx', 'EFS as multi-AZ NFS, FSx for Windows File Server and for Lustre, and when to use which.'),
  t('caching', 'technology', 'Caching', 'ElastiCache, MemoryDB for Redis and cache storage.'),
  t('snow-family', 'technology', 'AWS Snow Family', 'Snowcone, Snowball Edge and Snowmobile for offline data transfer and edge computing.'),
  t('rds', 'technology', 'Amazon RDS and Aurora', 'Managed relational engines, backups, Aurora, and how RDS and Aurora differ.'),
  t('rds-deployment', 'technology', 'RDS deployment options', 'Single-AZ, Multi-AZ failover, read replicas and promotion, and Aurora global, multi-master and serverless.'),
  t('dynamodb', 'technology', 'Amazon DynamoDB', 'Key-value and document tables, capacity modes, global tables, streams and DAX.'),
  t('purpose-built-databases', 'technology', 'Purpose-built databases', 'DocumentDB, Neptune, Timestream, QLDB, Managed Blockchain and Keyspaces, and which to pick.'),
  t('data-migration', 'technology', 'Data migration', 'DMS, the Schema Conversion Tool, DataSync and the Snow Family, and which to use when.'),
  t('vpc', 'technology', 'Amazon VPC', 'CIDR blocks, subnets, route tables, internet and NAT gateways, default VPCs, endpoints and PrivateLink.'),
  t('hybrid-networking', 'technology', 'Hybrid networking', 'Site-to-Site VPN and Direct Connect between on-premises networks and AWS.'),
  t('route53', 'technology', 'Amazon Route 53', 'DNS, record types, routing policies and health checks.'),
  t('cloudfront', 'technology', 'Amazon CloudFront', 'The CDN: edge locations, origins, how caching works and TTLs.'),
  t('analytics', 'technology', 'Analytics services', 'Redshift, EMR, Athena, Glue, Kinesis, QuickSight and Macie.'),
  t('ai-ml-services', 'technology', 'AI and ML services', 'Translate, Polly, Lex, Comprehend, Forecast, Rekognition, CodeGuru and CodeWhisperer (now Amazon Q Developer).'),
  t('sagemaker', 'technology', 'Amazon SageMaker', 'Building, training and deploying models, the ways to train and deploy, Elastic Inference and ML pipelines.'),
  t('application-integration', 'technology', 'Application integration', 'SQS, SNS and EventBridge, and loose coupling.'),
  t('devops-iac', 'technology', 'DevOps and infrastructure as code', 'CloudFormation, the CDK, CodePipeline, CodeCommit and Elastic Beanstalk.'),
  t('other-services', 'technology', 'Other services', 'Amazon Connect, SES, IoT Core and Braket.'),
  t('ec2-pricing', 'billing', 'EC2 purchasing options', 'On-Demand, Reserved Instances, Savings Plans, Spot, Dedicated Hosts and Instances, and EC2 Fleet.'),
  t('pricing-models', 'billing', 'Pricing models', 'Pay-as-you-go, what drives each service\'s bill, the Free Tier and cost optimisation.'),
  t('support-plans', 'billing', 'Support plans and billing tools', 'The AWS Support plans, Trusted Advisor, the Health Dashboard, where to get help, and the cost management tools.'),
];

const BY_ID = new Map(TOPICS.map((topic) => [topic.id, topic]));

export function topicById(id: string): Topic | undefined {
  return BY_ID.get(id);
}

export function isTopicId(id: string): boolean {
  return BY_ID.has(id);
}

export function topicsInDomain(domain: Domain): Topic[] {
  return TOPICS.filter((topic) => topic.domain === domain);
}
