import { OPTION_LABELS, shownOptions, type Feedback, type Presented } from '../../quiz/index.js';
import { seg, type Segment } from '../widgets/segments.js';
import { wrapText } from '../../lib/wrap.js';

/** A question and its options as rows, with the options chosen so far marked (glyph, not colour alone). */
export function questionLines(item: Presented, heading: string, chosen: readonly number[], width: number): Segment[][] {
  const q = item.question;
  const lines: Segment[][] = [[seg(heading, 'title'), seg(`  ${q.topic} · ${q.difficulty}`, 'muted')], []];
  for (const text of wrapText(q.question, width - 2, { hard: true })) lines.push([seg(text)]);
  lines.push([]);
  shownOptions(item).forEach((option, i) => {
    const picked = chosen.includes(i);
    wrapText(option.text, width - 10, { hard: true }).forEach((text, l) => {
      const lead = l === 0 ? `${picked ? '[x]' : '[ ]'} ${OPTION_LABELS[i]}. ` : '       ';
      lines.push([seg(`  ${lead}`, picked ? 'accent' : 'muted'), seg(text, picked ? 'input' : undefined)]);
    });
  });
  return lines;
}

/** Feedback after an answer: right or not, every option with its why, and the note to read. */
export function feedbackLines(feedback: Feedback, width: number): Segment[][] {
  const lines: Segment[][] = [[], feedback.correct ? [seg('✔ Correct.', 'pass')] : [seg(`✘ Not quite: the answer is ${feedback.answer.join(' and ')}.`, 'fail')]];
  for (const o of feedback.options) {
    const mark = o.correct ? seg('✔ right ', 'pass') : o.chosen ? seg('✘ wrong ', 'fail') : seg('        ');
    wrapText(`${o.label}. ${o.text}${o.chosen ? ' (your answer)' : ''}`, width - 12, { hard: true }).forEach((text, l) => lines.push([seg('  '), l === 0 ? mark : seg('        '), seg(text, o.chosen ? 'input' : undefined)]));
    for (const text of wrapText(o.why, width - 14, { hard: true })) lines.push([seg(`            ${text}`, 'muted')]);
  }
  lines.push([seg('  Read more: ', 'muted'), seg(`notes ${feedback.note}`, 'accent')]);
  return lines;
}
