import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/data/topics.js';
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

  it('has exactly the four members awslab quiz --stats --json prints', () => {
    expect(Object.keys(bankStats([]))).toEqual(['total', 'byTopic', 'byDomain', 'byDifficulty']);
  });
});
