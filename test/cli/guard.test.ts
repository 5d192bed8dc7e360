import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import { estimateGenerate, formatEstimate, guardLargeWork, needsConfirmation, GUARD_LIMITS } from '../../src/cli/guard.js';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) } };
}

describe('the huge-work guard', () => {
  it('estimates records as accounts × regions × days × 24 × hourly rate, and disk and time from them', () => {
    const e = estimateGenerate({ accounts: 1000, days: 3660, regions: ['us-east-1'], rate: '1000/h' });
    expect(e.records).toBe(1000 * 3660 * 24 * 1000);
    expect(e.bytes).toBeGreaterThan(100e12);
    expect(needsConfirmation(e)).toBe(true);
    expect(formatEstimate(e)).toMatch(/^about 87\.8 billion records, \d+(\.\d)? TB on disk, 68 days on one core$/);
    const small = estimateGenerate({});
    expect(small.records).toBe(24_000);
    expect(needsConfirmation(small)).toBe(false);
    expect(formatEstimate(small)).toMatch(/^about 24,000 records, 35\.3 MB on disk, 2 s on one core$/);
    expect(estimateGenerate({ accounts: 1000, days: 3660, shard: 'account-1/us-east-1/2026-01-01' }).records).toBe(24_000);
    expect(estimateGenerate({ rate: '5/s', regions: ['us-east-1', 'eu-west-1'] }).records).toBe(5 * 3600 * 24 * 2);
  });

  it('generate --accounts 1000 --days 3660 without a terminal refuses to start without --yes, prints the estimate, writes nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'trailsim-guard-')), 'gen');
    const c = io();
    expect(await main(['generate', '--accounts', '1000', '--days', '3660', '--out', out], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/^trailsim generate: estimate: about 87\.8 billion records/);
    expect(c.err[1]).toMatch(/not started: this is above the .* threshold\. Add --yes to start it anyway, or use fewer --accounts/);
    expect(existsSync(out)).toBe(false);
  });

  it('on a terminal it asks, and only y or yes starts the work', async () => {
    const big = estimateGenerate({ accounts: 500, days: 30 });
    for (const [answer, go] of [['y', true], ['YES', true], ['', false], ['n', false], ['sure', false]] as const) {
      const c = io();
      const questions: string[] = [];
      const r = await guardLargeWork('generate', big, c.io, { interactive: true, ask: async (q) => (questions.push(q), answer) });
      expect(r).toBe(go ? undefined : 2);
      expect(questions).toHaveLength(1);
      expect(questions[0]).toMatch(/Start anyway\? \[y\/N\] $/);
    }
  });

  it('--yes skips the question; small work never asks', async () => {
    const ask = async () => {
      throw new Error('asked');
    };
    const c = io();
    expect(await guardLargeWork('generate', estimateGenerate({ accounts: 500, days: 30 }), c.io, { yes: true, interactive: true, ask })).toBeUndefined();
    expect(await guardLargeWork('generate', estimateGenerate({ accounts: 2 }), c.io, { interactive: true, ask })).toBeUndefined();
    expect(c.err.every((l) => /estimate: about/.test(l))).toBe(true);
    // The threshold sits between an ordinary day of traffic and the work that needs asking.
    expect(GUARD_LIMITS.seconds).toBeGreaterThanOrEqual(60);
  });

  it('generate --start 2026-02-30 is refused, not shifted to March 2', async () => {
    const c = io();
    expect(await main(['generate', '--start', '2026-02-30', '--out', join(tmpdir(), 'never')], c.io)).toBe(2);
    expect(c.err.join('\n')).toMatch(/InvalidTimeError: Invalid --start: '2026-02-30': 2026-02 has no day 30/);
  });
});
