import { dueReviews, type QuizProgress } from '../quiz/record.js';
import type { ReviewQueue } from '../quiz/review.js';

/**
 * The review queue over the cards that can still be asked. A card outlives its question (a
 * question retired from its bank, a task gone from its lab): such a card is never due, and
 * it takes no place within the daily cap.
 */
export function askableDue(quiz: QuizProgress, now: Date, askable: (id: string) => boolean): ReviewQueue {
  const cards = Object.fromEntries(Object.entries(quiz.cards ?? {}).filter(([id]) => askable(id)));
  return dueReviews({ ...quiz, cards }, now);
}
