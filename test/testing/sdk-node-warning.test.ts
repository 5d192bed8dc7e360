import { describe, expect, it } from 'vitest';
import { CloudTrailClient } from '@aws-sdk/client-cloudtrail';

describe('the AWS SDK node-version notice', () => {
  it('is switched off in the project\'s test runs (vitest.config.ts env), so Node 20 runs stay quiet', async () => {
    expect(process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED).toBe('true');
    const warnings: string[] = [];
    const listener = (w: Error) => void warnings.push(`${w.name}: ${w.message}`);
    process.on('warning', listener);
    try {
      // The SDK checks the Node version when a client is constructed.
      new CloudTrailClient({ region: 'us-east-1', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'x' } }).destroy();
      await new Promise((r) => setImmediate(r));
    } finally {
      process.off('warning', listener);
    }
    expect(warnings.filter((w) => /NodeVersionSupportWarning|requires? node/i.test(w))).toEqual([]);
  });
});
