import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/data/topics.js';
import { EXAM_TASKS, TOPIC_TASKS } from '../../src/quiz/exam-guide.js';
import { bankStats } from '../../src/quiz/stats.js';
import { pool, question } from './helpers.js';

describe('bank statistics', () => {
  it('counts questions in total, by topic, by domain and by difficulty', () => {
    const stats = bankStats([...pool(['s3-versioning'], 3), { ...question('ec2-pricing-01'), difficulty: 'hard' }]);
    expect(stats.total).toBe(4);
    expect(stats.byTopic['s3-versioning']).toBe(3);
    expect(stats.byTopic['ec2-pricing']).toBe(1);
    expect(stats.byDomain).toEqual({ concepts: 0, security: 0, technology: 3, billing: 1 });
    expect(stats.byDifficulty).toEqual({ easy: 0, medium: 3, hard: 1 });
  });

  it('lists every syllabus topic in syllabus order, those without questions as 0', () => {
    const stats = bankStats([]);
    expect(Object.keys(stats.byTopic)).toEqual(TOPICS.map((t) => t.id));
    expect(Object.values(stats.byTopic).every((n) => n === 0)).toBe(true);
  });

  it('has exactly the members awslab quiz --stats --json prints', () => {
    expect(Object.keys(bankStats([]))).toEqual(['total', 'exam', 'beyondExam', 'retired', 'byTopic', 'byDomain', 'byDifficulty', 'domains', 'tasks', 'withoutTask']);
  });

  it('splits exam questions from those beyond the exam, and counts retired ones apart', () => {
    const questions = pool(['ec2-pricing'], 5).map((q, i) => (i < 2 ? { ...q, beyondExam: true } : q));
    const stats = bankStats([...questions, { ...question('ec2-pricing-09'), retired: true }], { retired: 2 });
    expect([stats.total, stats.exam, stats.beyondExam, stats.retired]).toEqual([5, 3, 2, 3]);
    expect(stats.byTopic['ec2-pricing']).toBe(5);
  });

  it('says how many full practice exams each domain supports before a question repeats, from exam questions only', () => {
    // A 65-question exam takes 16 concepts, 19 security, 22 technology and 8 billing questions.
    const billing = pool(['ec2-pricing', 'pricing-models'], 20).map((q, i) => (i % 10 === 0 ? { ...q, beyondExam: true } : q));
    const stats = bankStats([...billing, ...pool(['cloud-computing'], 33)]);
    expect(stats.domains.map((d) => [d.domain, d.exam, d.beyondExam, d.perExam, d.examsBeforeRepeat])).toEqual([
      ['concepts', 33, 0, 16, 2],
      ['security', 0, 0, 19, 0],
      ['technology', 0, 0, 22, 0],
      ['billing', 36, 4, 8, 4],
    ]);
    expect(stats.domains[0]!.title).toBe('Cloud Concepts');
  });

  it('counts questions per exam guide task, by topic or by a question\'s own task', () => {
    const questions = [...pool(['pricing-models'], 3), { ...question('pricing-models-04'), task: '4.2' }, { ...question('pricing-models-05'), task: '4.2', beyondExam: true }, ...pool(['iam'], 2).map((q) => ({ ...q, topic: 'not-a-topic' }))];
    const stats = bankStats(questions);
    expect(stats.tasks.map((t) => t.task)).toEqual(EXAM_TASKS.map((t) => t.id));
    const byTask = Object.fromEntries(stats.tasks.filter((t) => t.exam + t.beyondExam).map((t) => [t.task, [t.exam, t.beyondExam]]));
    expect(byTask).toEqual({ '4.1': [3, 0], '4.2': [1, 1] });
    expect(stats.withoutTask).toBe(2);
    expect(stats.tasks.find((t) => t.task === '4.2')).toMatchObject({ domain: 'billing', title: 'Understand resources for billing, budget, and cost management' });
  });
});

describe('the topic to task table', () => {
  it('gives every syllabus topic a task statement of the CLF-C02 exam guide', () => {
    const tasks = new Set(EXAM_TASKS.map((t) => t.id));
    for (const topic of TOPICS) expect(tasks.has(TOPIC_TASKS[topic.id] ?? ''), topic.id).toBe(true);
  });

  it('names only real tasks, and each domain\'s topics serve that domain\'s tasks unless the guide files the subject elsewhere', () => {
    const byId = new Map(EXAM_TASKS.map((t) => [t.id, t]));
    const elsewhere = Object.entries(TOPIC_TASKS).filter(([topic, task]) => {
      const domain = TOPICS.find((t) => t.id === topic)?.domain;
      return domain !== undefined && byId.get(task)!.domain !== domain;
    });
    expect(Object.values(TOPIC_TASKS).every((task) => byId.has(task))).toBe(true);
    // The guide puts Regions and AZs under 3.2 and the console, CLI and SDKs under 3.1; awslab teaches them with the concepts.
    expect(elsewhere).toEqual([
      ['global-infrastructure', '3.2'],
      ['ways-to-interact', '3.1'],
    ]);
  });
});
