import { existsSync, readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInNotesDir } from '../../src/data/note-headings.js';
import { DOMAIN_WEIGHTS, DOMAINS, TOPICS, isTopicId, topicById, topicsInDomain } from '../../src/data/topics.js';
import { builtInQuizzesDir } from '../../src/quiz/banks.js';

const files = (dir: string, ext: string) => (existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith(ext) && n !== 'README.md').map((n) => basename(n, ext)) : []);

describe('the syllabus', () => {
  it('has the 52 topics of topics.md, each id once, in kebab case', () => {
    expect(TOPICS).toHaveLength(52);
    expect(new Set(TOPICS.map((t) => t.id)).size).toBe(52);
    for (const t of TOPICS) expect(t.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('gives every topic a title, a summary and a domain', () => {
    for (const t of TOPICS) {
      expect(t.title.length, t.id).toBeGreaterThan(3);
      expect(t.summary.length, t.id).toBeGreaterThan(20);
      expect(DOMAINS).toContain(t.domain);
    }
  });

  it('splits the topics over the domains as topics.md does (7 concepts, 9 security, 33 technology, 3 billing)', () => {
    expect(DOMAINS.map((d) => topicsInDomain(d).length)).toEqual([7, 9, 33, 3]);
  });

  it('weights the domains as the CLF-C02 exam guide does, adding up to 100%', () => {
    expect(DOMAIN_WEIGHTS).toEqual({ concepts: 24, security: 30, technology: 34, billing: 12 });
  });

  it('finds topics by id and knows which ids exist', () => {
    expect(topicById('s3-versioning')?.domain).toBe('technology');
    expect(isTopicId('s3-versioning')).toBe(true);
    expect(isTopicId('s3-versionin')).toBe(false);
  });

  it('maps every quiz bank and every note file to a topic', () => {
    const strays = [...files(builtInQuizzesDir(), '.yaml').map((f) => `quizzes/${f}.yaml`), ...files(builtInNotesDir(), '.md').map((f) => `labs/notes/${f}.md`)].filter((f) => !isTopicId(basename(f).replace(/\.(yaml|md)$/, '')));
    expect(strays).toEqual([]);
  });

  it('has a quiz bank and a note for every topic', () => {
    const banks = new Set(files(builtInQuizzesDir(), '.yaml'));
    const notes = new Set(files(builtInNotesDir(), '.md'));
    expect(TOPICS.filter((t) => !banks.has(t.id)).map((t) => `quizzes/${t.id}.yaml`)).toEqual([]);
    expect(TOPICS.filter((t) => !notes.has(t.id)).map((t) => `labs/notes/${t.id}.md`)).toEqual([]);
  });
});
