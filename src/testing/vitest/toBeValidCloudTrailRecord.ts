import { validateRecord } from '../../validate/validate-record.js';
import { indent, plural, show } from './_internals/format.js';
import type { MatcherResult, RecordValidityOptions } from './types.js';

/**
 * Whether `validateRecord` finds the record valid: no violation of severity 'error' (or,
 * with `failOn: 'warning'`, none at all). The message lists each violation's rule, path and
 * explanation. Runner-agnostic.
 */
export function toBeValidCloudTrailRecord(received: unknown, options: RecordValidityOptions = {}): MatcherResult {
  const { failOn = 'error', ...validateOptions } = options;
  const violations = validateRecord(received, validateOptions);
  const failing = violations.filter((v) => failOn === 'warning' || v.severity === 'error');
  const pass = failing.length === 0;
  const line = (v: (typeof violations)[number]) => `[${v.severity}] ${v.rule} at ${v.path === '' ? '(record)' : v.path}: ${v.message}`;
  const eventName = typeof received === 'object' && received !== null ? (received as { eventName?: unknown }).eventName : undefined;
  const what = eventName === undefined ? 'the record' : `the record (eventName ${show(eventName)})`;
  return {
    pass,
    message: () =>
      pass
        ? [
            'expect(record).not.toBeValidCloudTrailRecord()',
            '',
            `Expected validateRecord to reject ${what}, but it found no ${failOn === 'warning' ? 'violation' : 'error'}.`,
            ...(violations.length > 0 ? ['Warnings:', indent(violations.map(line))] : []),
          ].join('\n')
        : ['expect(record).toBeValidCloudTrailRecord()', '', `validateRecord found ${plural(failing.length, failOn === 'warning' ? 'violation' : 'error')} in ${what}:`, indent(failing.map(line))].join('\n'),
  };
}
