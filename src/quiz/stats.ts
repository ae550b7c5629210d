import { DOMAIN_TITLES, DOMAINS, TOPICS, type Domain } from '../data/topics.js';
import { DIFFICULTIES, inExam, type Difficulty, type Question } from './bank-file.js';
import { EXAM, questionsPerDomain } from './exam.js';
import { EXAM_TASKS, taskOf } from './exam-guide.js';

/** Questions the practice exam may draw, and those kept for topic practice only (`exam: false`). */
export interface Split {
  exam: number;
  beyondExam: number;
}

export interface DomainSpread extends Split {
  domain: Domain;
  title: string;
  /** How many of a full practice exam's questions come from this domain. */
  perExam: number;
  /** Full practice exams the domain's exam questions fill before one of them must repeat. */
  examsBeforeRepeat: number;
}

export interface TaskSpread extends Split {
  /** The exam guide's task statement number, such as "2.3". */
  task: string;
  title: string;
  domain: Domain;
}

export interface BankStats {
  total: number;
  /** Of the total: questions the exam may draw, and those beyond the exam. */
  exam: number;
  beyondExam: number;
  /** Questions marked retired: in the banks, never asked, counted nowhere else. */
  retired: number;
  /** Every syllabus topic in syllabus order (0 for a topic without questions yet), then any other. */
  byTopic: Record<string, number>;
  byDomain: Record<Domain, number>;
  byDifficulty: Record<Difficulty, number>;
  /** Per exam domain: the split, and how many full practice exams it supports. */
  domains: DomainSpread[];
  /** Per CLF-C02 task statement, in the exam guide's order. */
  tasks: TaskSpread[];
  /** Questions whose topic has no task in the table and that name none themselves. */
  withoutTask: number;
}

function split(questions: readonly Question[]): Split {
  const exam = questions.filter(inExam).length;
  return { exam, beyondExam: questions.length - exam };
}

/** Question counts, as `awslab quiz --stats --json` prints them. Retired questions are passed apart. */
export function bankStats(questions: readonly Question[], { retired = 0 }: { retired?: number } = {}): BankStats {
  const asked = questions.filter((q) => !q.retired);
  const count = <K extends string>(keys: readonly K[], key: (q: Question) => string): Record<K, number> => {
    const out = Object.fromEntries(keys.map((k) => [k, 0])) as Record<string, number>;
    for (const q of asked) out[key(q)] = (out[key(q)] ?? 0) + 1;
    return out as Record<K, number>;
  };
  const perExam = questionsPerDomain(EXAM.questions);
  const domains = DOMAINS.map((domain): DomainSpread => {
    const mine = split(asked.filter((q) => q.domain === domain));
    return { domain, title: DOMAIN_TITLES[domain], ...mine, perExam: perExam[domain], examsBeforeRepeat: Math.floor(mine.exam / perExam[domain]) };
  });
  const tasks = EXAM_TASKS.map((t): TaskSpread => ({ task: t.id, title: t.title, domain: t.domain, ...split(asked.filter((q) => taskOf(q) === t.id)) }));
  return {
    total: asked.length,
    ...split(asked),
    retired: retired + (questions.length - asked.length),
    byTopic: count(TOPICS.map((t) => t.id), (q) => q.topic),
    byDomain: count(DOMAINS, (q) => q.domain),
    byDifficulty: count(DIFFICULTIES, (q) => q.difficulty),
    domains,
    tasks,
    withoutTask: asked.filter((q) => taskOf(q) === undefined).length,
  };
}
