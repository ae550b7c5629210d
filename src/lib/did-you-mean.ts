/**
 * Did-you-mean suggestions: `difflib.get_close_matches`, which picks the "maybe you meant"
 * suggestions in the CLI's invalid-choice errors (awscli/argparser.py, cutoff 0.8), and which
 * the quiz and notes use for unknown names too. A port of CPython's
 * SequenceMatcher (no isjunk, autojunk on) so the suggestions and their order match.
 */

interface Block {
  a: number;
  b: number;
  size: number;
}

class SequenceMatcher {
  private b: string[] = [];
  private a: string[] = [];
  private b2j = new Map<string, number[]>();
  private fullBCount: Map<string, number> | undefined;

  setSeq2(b: string): void {
    this.b = [...b];
    this.fullBCount = undefined;
    this.b2j = new Map();
    this.b.forEach((elt, i) => {
      const list = this.b2j.get(elt);
      if (list) list.push(i);
      else this.b2j.set(elt, [i]);
    });
    // autojunk: in long sequences, elements more common than 1% are "popular" and ignored.
    const n = this.b.length;
    if (n >= 200) {
      const ntest = Math.floor(n / 100) + 1;
      for (const [elt, indices] of [...this.b2j]) if (indices.length > ntest) this.b2j.delete(elt);
    }
  }

  setSeq1(a: string): void {
    this.a = [...a];
  }

  realQuickRatio(): number {
    return ratioOf(Math.min(this.a.length, this.b.length), this.a.length + this.b.length);
  }

  quickRatio(): number {
    if (!this.fullBCount) {
      this.fullBCount = new Map();
      for (const elt of this.b) this.fullBCount.set(elt, (this.fullBCount.get(elt) ?? 0) + 1);
    }
    const avail = new Map<string, number>();
    let matches = 0;
    for (const elt of this.a) {
      const numb = avail.has(elt) ? (avail.get(elt) ?? 0) : (this.fullBCount.get(elt) ?? 0);
      avail.set(elt, numb - 1);
      if (numb > 0) matches++;
    }
    return ratioOf(matches, this.a.length + this.b.length);
  }

  ratio(): number {
    const matches = this.matchingBlocks().reduce((sum, block) => sum + block.size, 0);
    return ratioOf(matches, this.a.length + this.b.length);
  }

  private findLongestMatch(alo: number, ahi: number, blo: number, bhi: number): Block {
    const { a, b } = this;
    let besti = alo;
    let bestj = blo;
    let bestsize = 0;
    let j2len = new Map<number, number>();
    for (let i = alo; i < ahi; i++) {
      const next = new Map<number, number>();
      for (const j of this.b2j.get(a[i] ?? '') ?? []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) ?? 0) + 1;
        next.set(j, k);
        if (k > bestsize) {
          besti = i - k + 1;
          bestj = j - k + 1;
          bestsize = k;
        }
      }
      j2len = next;
    }
    // Popular elements are not in b2j: extend the match over them on both sides.
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti--;
      bestj--;
      bestsize++;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) bestsize++;
    return { a: besti, b: bestj, size: bestsize };
  }

  private matchingBlocks(): Block[] {
    const queue: Array<[number, number, number, number]> = [[0, this.a.length, 0, this.b.length]];
    const blocks: Block[] = [];
    while (queue.length > 0) {
      const [alo, ahi, blo, bhi] = queue.pop() ?? [0, 0, 0, 0];
      const block = this.findLongestMatch(alo, ahi, blo, bhi);
      if (block.size === 0) continue;
      blocks.push(block);
      if (alo < block.a && blo < block.b) queue.push([alo, block.a, blo, block.b]);
      if (block.a + block.size < ahi && block.b + block.size < bhi) queue.push([block.a + block.size, ahi, block.b + block.size, bhi]);
    }
    blocks.sort((x, y) => x.a - y.a || x.b - y.b || x.size - y.size);
    return blocks;
  }
}

function ratioOf(matches: number, length: number): number {
  return length ? (2.0 * matches) / length : 1.0;
}

/** The best `n` possibilities scoring at least `cutoff`, best first (ties: larger string first). */
export function getCloseMatches(word: string, possibilities: readonly string[], n = 3, cutoff = 0.6): string[] {
  const matcher = new SequenceMatcher();
  matcher.setSeq2(word);
  const scored: Array<[number, string]> = [];
  for (const candidate of possibilities) {
    matcher.setSeq1(candidate);
    if (matcher.realQuickRatio() >= cutoff && matcher.quickRatio() >= cutoff) {
      const ratio = matcher.ratio();
      if (ratio >= cutoff) scored.push([ratio, candidate]);
    }
  }
  // heapq.nlargest over (score, word) tuples: by score, then by the word itself.
  scored.sort((x, y) => y[0] - x[0] || (x[1] < y[1] ? 1 : x[1] > y[1] ? -1 : 0));
  return scored.slice(0, n).map(([, candidate]) => candidate);
}
