import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../src/lib/duration.js';

describe('durations', () => {
  it.each([
    ['90s', 90_000], ['20m', 1_200_000], ['3d', 259_200_000], ['1h30m', 5_400_000], ['250ms', 250], [' 2h ', 7_200_000],
  ])('parses %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['', '5', 'm', '-5m', '5 m', '1.5h', '5w', '5mins'])('refuses %j', (text) => expect(parseDuration(text)).toBeUndefined());

  it.each([[250, '250ms'], [90_000, '1m 30s'], [259_200_000, '3d'], [93_784_000, '1d 2h 3m 4s']])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('durations as a running clock shows them', () => {
  it.each([[0, '0s'], [45_400, '45s'], [725_000, '12m 05s'], [4_800_000, '1h 20m'], [3_600_000, '1h 00m'], [93_784_000, '1d 02h']])('formats %d ms as %s', (ms, text) => {
    expect(formatDuration(ms, { units: 2 })).toBe(text);
  });
});
