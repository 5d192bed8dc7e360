/**
 * Runs the pattern-matching benchmark alone:
 * `npx tsx bench/match-main.ts [--quick] [--workload DIR] [--json FILE]`.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { benchMatch } from './match.js';

const { values } = parseArgs({ options: { quick: { type: 'boolean' }, workload: { type: 'string' }, json: { type: 'string' } } });
const figures = await benchMatch({ quick: values.quick, workload: values.workload, log: (line) => console.log(line) });
if (values.json) writeFileSync(values.json, JSON.stringify(figures, null, 2) + '\n');
else console.log(JSON.stringify(figures, null, 2));
