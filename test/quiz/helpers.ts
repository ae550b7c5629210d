import { topicById, type Domain } from '../../src/data/topics.js';
import type { Question, QuestionType } from '../../src/quiz/bank-file.js';

/** A made-up question; the correct options are the bank indices in `correct`. */
export function question(id: string, options: { type?: QuestionType; correct?: number[]; domain?: Domain } = {}): Question {
  const topic = id.replace(/-\d\d$/, '');
  const type = options.type ?? 'single';
  const correct = options.correct ?? (type === 'single' ? [0] : [0, 1]);
  const count = type === 'single' ? 4 : 5;
  return {
    id,
    topic,
    domain: options.domain ?? topicById(topic)?.domain ?? 'technology',
    difficulty: 'medium',
    type,
    question: `Question ${id}?${type === 'multiple' ? ' (Choose two.)' : ''}`,
    options: Array.from({ length: count }, (_, i) => ({ text: `${id} option ${i}`, correct: correct.includes(i), why: `why ${i}` })),
    note: `${topic}#section`,
    source: { file: `${topic}.yaml`, line: 1, column: 1 },
  };
}

/** `count` questions for each of the given topics: topic-01, topic-02, ... */
export function pool(topics: readonly string[], count: number): Question[] {
  return topics.flatMap((t) => Array.from({ length: count }, (_, i) => question(`${t}-${String(i + 1).padStart(2, '0')}`)));
}
