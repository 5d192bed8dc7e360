/** `loadSigmaRules`: every `*.yml` / `*.yaml` under a folder (recursively), parsed, in path order. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SigmaRuleError } from './errors.js';
import { packageRoot } from '../core/package-root.js';
import { parseSigmaRule } from './parse-rule.js';
import type { SigmaRule } from './types.js';

function ruleFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new SigmaRuleError(dir, `cannot read the rules folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
  }
  const out: string[] = [];
  for (const ent of entries) {
    const p = join(dir, ent.name);
    if (ent.isDirectory()) out.push(...ruleFiles(p));
    else if (/\.ya?ml$/i.test(ent.name)) out.push(p);
  }
  return out;
}

/**
 * Reads and parses every rule file under `dir`. Throws `SigmaRuleError` naming the first
 * file that is not a readable Sigma rule. Files are taken in code-unit order of their
 * paths, so the result does not depend on the file system's listing order.
 */
export function loadSigmaRules(dir: string): SigmaRule[] {
  const files = ruleFiles(dir).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return files.map((file) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      throw new SigmaRuleError(file, `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, { cause: e });
    }
    return parseSigmaRule(text, file);
  });
}

/**
 * The folder of Sigma rules that ships with trailsim: the 57 SigmaHQ rules for
 * `product: aws, service: cloudtrail` (Detection Rule License 1.1; see its README for the
 * source commit and attribution). `trailsim detect` uses it when `--rules` is not given.
 */
export function bundledSigmaRulesDir(): string {
  return join(packageRoot(), 'rules', 'sigma-aws-cloudtrail');
}
