import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

// test/user/* runs against dist/. `npm test` (tools/test.mjs) builds while the other tests run
// and names, in TRAILSIM_BUILD_DONE, a file it writes when tsup has finished (its exit code).
// These files are scheduled after the slowest ones (test/setup/sequencer.ts), so the build is
// normally done when they start. Run alone (`npx vitest run test/user`), there is nothing to
// wait for: build first with `npx tsup --silent`.
const done = process.env.TRAILSIM_BUILD_DONE;
if (done) {
  const deadline = Date.now() + 10 * 60_000;
  while (!existsSync(done)) {
    if (Date.now() > deadline) throw new Error(`test/user: the build did not finish (no ${done} after 10 minutes)`);
    await sleep(200);
  }
  const code = readFileSync(done, 'utf8').trim();
  if (code !== '0') throw new Error(`test/user needs dist/, and the build failed (tsup exit ${code}); see its output at the end`);
}
