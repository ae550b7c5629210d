/** The quiz engine: banks, topic practice, the practice exam, spaced review and readiness. */
export * from './bank-file.js';
export * from './banks.js';
export * from './exam.js';
export * from './exam-guide.js';
export * from './practice.js';
export * from './presented.js';
export * from './readiness.js';
export * from './record.js';
export * from './review.js';
export * from './stats.js';
