import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { WorkerSignal } from '../../src/export/threads.js';

/** Waits until the worker is gone (watch's `gone` callback). */
function watched(code: string): Promise<WorkerSignal> {
  const signal = new WorkerSignal();
  return new Promise((resolve) => signal.watch(new Worker(code, { eval: true }), 'test worker', () => resolve(signal)));
}

describe('WorkerSignal', () => {
  it('keeps the first failure: a non-zero exit, or the error a worker throws', async () => {
    const exited = await watched('process.exit(3)');
    expect(() => exited.check()).toThrow('test worker exited with code 3');
    const threw = await watched('throw new Error("boom")');
    expect(() => threw.check()).toThrow('boom');
    // A second failure does not replace the first.
    threw.fail(new Error('later'));
    expect(threw.failed?.message).toBe('boom');
  });

  it('a clean exit is no failure, and wakes whoever waits', async () => {
    const signal = new WorkerSignal();
    const woke = signal.next();
    signal.watch(new Worker('0', { eval: true }), 'test worker');
    await woke;
    expect(() => signal.check()).not.toThrow();
  });
});
