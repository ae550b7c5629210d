import { describe, expect, it } from 'vitest';
import { ConsolePane } from '../../src/tui/lab/console-pane.js';
import type { Step } from '../../src/tui/lab/lab-driver.js';
import { probeRows } from '../../src/tui/lab/probe-path.js';
import { linesForStep } from '../../src/tui/lab/scrollback.js';
import { buildNetwork } from '../console/probe-network.js';
import { linesOf, renderSized } from './helpers.js';

/** A probe line as the lab screen gets it: the console's result, its data included. */
function step(net: ReturnType<typeof buildNetwork>, line: string): Step {
  const r = net.console.run(line);
  return { line, exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, messages: [], ...(r.probe ? { probe: r.probe } : {}) };
}

const draw = (s: Step, width = 200, height = 30) =>
  linesOf(renderSized(<ConsolePane lines={linesForStep(s)} offset={0} width={width} height={height} />, { columns: width, rows: height + 1 }).lastFrame())
    .map((l) => l.trimEnd())
    .filter((l) => l !== '');

describe('a probe drawn in the lab console', () => {
  const net = buildNetwork();

  it('draws an allowed probe hop by hop, the deciding security group rule marked, then the return path', () => {
    const lines = draw(step(net, 'probe tcp 22 from 198.51.100.7 to web'));
    expect(lines[0]).toBe('$ probe tcp 22 from 198.51.100.7 to web');
    expect(lines[1]).toBe('✔ ALLOWED  TCP port 22');
    expect(lines[2]).toBe('  ● internet 198.51.100.7');
    expect(lines.slice(3, 7).join('\n')).toMatch(
      /^ {2}├ ✔ IGW {6}igw-\w+\n {2}├ ✔ route {4}rtb-\w+ {2}0\.0\.0\.0\/0 -> igw-\w+\n {2}├ ✔ NACL in {2}acl-\w+ {2}rule 100\n {2}├ ✔ SG in {4}web {2}sgr-\w+ {2}◀ deciding$/,
    );
    expect(lines[7]).toBe(`  ▼ ${net.web} (web)`);
    expect(lines[8]).toBe('  return path (the reply)');
    expect(lines[9]).toMatch(/^ {2}├ ✔ NACL {5}acl-\w+ {2}rule 100$/);
    expect(lines[10]).toBe('  └ · SG       web');
    expect(lines[11]).toMatch(/^ {2}why: sg-\w+ inbound rule sgr-\w+ allows TCP port 22 from 198\.51\.100\.7 \(the rule's source: 198\.51\.100\.0\/24\)$/);
    expect(lines).toHaveLength(12);
  });

  it('stops a denied probe at the deciding hop, in red words and a ✘, and says the destination was not reached', () => {
    const lines = draw(step(net, 'probe tcp 22 from 203.0.113.9 to web'));
    expect(lines[1]).toBe('✘ DENIED  TCP port 22');
    expect(lines.find((l) => l.includes('◀ deciding'))).toBe('  ├ ✘ SG in    web  ◀ deciding');
    expect(lines).toContain(`  ▼ ${net.web} (web)  not reached`);
    expect(lines).not.toContain('  return path (the reply)');
    expect(lines.at(-1)).toMatch(/^ {2}why: no inbound rule of sg-\w+ allows TCP port 22 from 203\.0\.113\.9/);
    // The deciding hop is styled as denied; the hops it passed as allowed.
    const rows = probeRows(step(net, 'probe tcp 22 from 203.0.113.9 to web').probe!);
    const deciding = rows.find((r) => r.some((s) => s.text.includes('◀ deciding')))!;
    expect(deciding.filter((s) => s.text.trim() !== '' && !s.text.startsWith('  ├')).every((s) => s.style === 'fail')).toBe(true);
    const passed = rows.find((r) => r.some((s) => s.text.includes('IGW')))!;
    expect(passed.find((s) => s.text === '✔')?.style).toBe('pass');
    expect(passed.find((s) => s.text.includes('IGW'))?.style).toBeUndefined();
  });

  it('draws the path between two instances, the rule naming the source group', () => {
    const lines = draw(step(net, 'probe tcp 3306 from web to db'));
    expect(lines[1]).toBe('✔ ALLOWED  TCP port 3306');
    expect(lines[2]).toBe(`  ● ${net.web} (web)`);
    expect(lines.filter((l) => /^ {2}[├└] [✔✘·] /.test(l)).map((l) => l.slice(6, 14).trim())).toEqual(['SG out', 'NACL out', 'route', 'NACL in', 'SG in', 'NACL', 'NACL', 'SG']);
  });

  it('keeps the JSON a learner asked for, and keeps wrapping inside a narrow console', () => {
    const json = draw(step(net, 'probe tcp 22 from 203.0.113.9 to web --json'), 100, 300);
    expect(json[1]).toBe('{');
    expect(json).toContain('  "allowed": false,');
    const narrow = draw(step(net, 'probe tcp 22 from 203.0.113.9 to web'), 40, 40);
    expect(narrow.every((l) => [...l].length <= 40)).toBe(true);
    expect(narrow.join(' ')).toContain('◀ deciding');
  });
});
