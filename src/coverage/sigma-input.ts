/** Telling Sigma rules (parsed or compiled) apart from plain detections. */
import { compileSigmaRule, type CompiledSigmaRule } from '../sigma/index.js';
import type { SigmaRule } from '../sigma/index.js';

export { compileSigmaRule, type CompiledSigmaRule, type SigmaRule };

/** A compiled Sigma rule: `{ rule, matches }`. */
export function isCompiledSigma(r: unknown): r is CompiledSigmaRule {
  return typeof r === 'object' && r !== null && typeof (r as CompiledSigmaRule).matches === 'function' && typeof (r as CompiledSigmaRule).rule === 'object';
}
