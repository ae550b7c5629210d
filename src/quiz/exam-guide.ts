import type { Domain } from '../data/topics.js';

/**
 * The task statements of the AWS Certified Cloud Practitioner (CLF-C02) exam guide, and
 * which one each syllabus topic's questions serve. The guide groups the tasks by domain;
 * two awslab topics are taught with the concepts but serve tasks the guide files under
 * technology (global-infrastructure is task 3.2, ways-to-interact 3.1); `--stats` shows
 * that as it is rather than bending the guide.
 * https://docs.aws.amazon.com/aws-certification/latest/cloud-practitioner-02/cloud-practitioner-02.html
 */
export interface ExamTask {
  id: string;
  domain: Domain;
  title: string;
}

const task = (id: string, domain: Domain, title: string): ExamTask => ({ id, domain, title });

export const EXAM_TASKS: readonly ExamTask[] = [
  task('1.1', 'concepts', 'Define the benefits of the AWS Cloud'),
  task('1.2', 'concepts', 'Identify design principles of the AWS Cloud'),
  task('1.3', 'concepts', 'Understand the benefits of and strategies for migration to the AWS Cloud'),
  task('1.4', 'concepts', 'Understand concepts of cloud economics'),
  task('2.1', 'security', 'Understand the AWS shared responsibility model'),
  task('2.2', 'security', 'Understand AWS Cloud security, governance, and compliance concepts'),
  task('2.3', 'security', 'Identify AWS access management capabilities'),
  task('2.4', 'security', 'Identify components and resources for security'),
  task('3.1', 'technology', 'Define methods of deploying and operating in the AWS Cloud'),
  task('3.2', 'technology', 'Define the AWS global infrastructure'),
  task('3.3', 'technology', 'Identify AWS compute services'),
  task('3.4', 'technology', 'Identify AWS database services'),
  task('3.5', 'technology', 'Identify AWS network services'),
  task('3.6', 'technology', 'Identify AWS storage services'),
  task('3.7', 'technology', 'Identify AWS artificial intelligence and machine learning (AI/ML) services and analytics services'),
  task('3.8', 'technology', 'Identify services from other in-scope AWS service categories'),
  task('4.1', 'billing', 'Compare AWS pricing models'),
  task('4.2', 'billing', 'Understand resources for billing, budget, and cost management'),
  task('4.3', 'billing', 'Identify AWS resources for technical support'),
];

/**
 * The task a topic's questions serve unless a question names another (`task:` in the bank).
 * Keyed by topic id; a topic missing here counts under "no task" in `--stats`, and the
 * content test asks for every syllabus topic to be in it.
 */
export const TOPIC_TASKS: Readonly<Record<string, string>> = {
  'cloud-computing': '1.1',
  'global-infrastructure': '3.2',
  'availability-durability': '1.1',
  'scalability-elasticity': '1.2',
  'well-architected': '1.2',
  'ways-to-interact': '3.1',
  'migration-caf': '1.3',
  'shared-responsibility': '2.1',
  'security-groups': '2.4',
  'network-acls': '2.4',
  's3-security': '2.2',
  iam: '2.3',
  'organizations-governance': '2.2',
  'security-services': '2.4',
  'encryption-secrets': '2.2',
  'monitoring-audit': '2.2',
  'ec2-basics': '3.3',
  'ec2-instance-types': '3.3',
  ami: '3.3',
  'elastic-load-balancing': '3.3',
  'auto-scaling': '3.3',
  lambda: '3.3',
  containers: '3.3',
  'compute-services': '3.3',
  'storage-types': '3.6',
  's3-basics': '3.6',
  's3-versioning': '3.6',
  's3-replication': '3.6',
  's3-storage-classes': '3.6',
  ebs: '3.6',
  'instance-store': '3.6',
  'efs-fsx': '3.6',
  'snow-family': '3.6',
  caching: '3.4',
  rds: '3.4',
  'rds-deployment': '3.4',
  dynamodb: '3.4',
  'purpose-built-databases': '3.4',
  'data-migration': '3.4',
  vpc: '3.5',
  'hybrid-networking': '3.5',
  route53: '3.5',
  cloudfront: '3.5',
  analytics: '3.7',
  'ai-ml-services': '3.7',
  sagemaker: '3.7',
  'application-integration': '3.8',
  'devops-iac': '3.8',
  'other-services': '3.8',
  'ec2-pricing': '4.1',
  'pricing-models': '4.1',
  'support-plans': '4.3',
};

const BY_ID = new Map(EXAM_TASKS.map((t) => [t.id, t]));

export function examTaskById(id: string): ExamTask | undefined {
  return BY_ID.get(id);
}

/** The task a question serves: its own `task:` when it has one, else its topic's. */
export function taskOf(question: { topic: string; task?: string }): string | undefined {
  return question.task ?? TOPIC_TASKS[question.topic];
}
