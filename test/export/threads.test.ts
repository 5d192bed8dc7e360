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

describe('errors from workers', () => {
  it('keep their name, message, code and whether trailsim threw them', async () => {
    const { postedError, receivedError } = await import('../../src/export/threads.js');
    const { TrailsimError, TrailsimInputError } = await import('../../src/core/errors.js');
    const { structuredClone: clone } = globalThis;
    const input = receivedError(clone(postedError(new TrailsimInputError('--rate: bad'))));
    expect(TrailsimError.is(input)).toBe(true);
    expect([input.name, input.message]).toEqual(['TrailsimInputError', '--rate: bad']);
    const fsError = Object.assign(new Error('EISDIR: illegal operation on a directory'), { code: 'EISDIR' });
    const io = receivedError(clone(postedError(fsError))) as Error & { code?: string };
    expect(TrailsimError.is(io)).toBe(false);
    expect([io.name, io.code, io.stack]).toEqual(['Error', 'EISDIR', fsError.stack]);
    expect(receivedError(postedError('a string')).message).toBe('a string');
  });

  it('next() resolves at once once a failure is kept, and wakes every waiter', async () => {
    const signal = new WorkerSignal();
    const both = Promise.all([signal.next(), signal.next()]);
    signal.notify();
    await both;
    signal.fail(new Error('first'));
    await signal.next();
    expect(signal.failed?.message).toBe('first');
  });
});
