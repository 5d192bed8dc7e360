import { InvalidRegionError } from '../core/errors.js';

/** Commercial regions trailsim knows by default (a user may name any region shaped like one). */
export const DEFAULT_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'ca-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1',
  'ap-south-1', 'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-southeast-1', 'ap-southeast-2',
  'me-south-1', 'af-south-1',
] as const;

/** Opt-in regions (disabled until EnableRegion); the account EnableRegion call targets these. */
export const OPT_IN_REGIONS = ['af-south-1', 'ap-east-1', 'eu-south-1', 'me-south-1', 'me-central-1', 'ap-southeast-3', 'il-central-1'] as const;

/**
 * Every region AWS operates in the aws, aws-cn and aws-us-gov partitions, as listed in
 * "AWS Region billing codes" (docs.aws.amazon.com/global-infrastructure/latest/regions/
 * aws-region-billing-codes.html) and the GovCloud / China pages. A name outside this list
 * is a typo (`us-east1`) or an invented region (`mars-1`) unless `registerRegion` adds it.
 */
export const KNOWN_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
  'ca-central-1', 'ca-west-1', 'mx-central-1', 'sa-east-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-central-2', 'eu-north-1', 'eu-south-1', 'eu-south-2',
  'af-south-1', 'il-central-1', 'me-south-1', 'me-central-1',
  'ap-east-1', 'ap-east-2', 'ap-south-1', 'ap-south-2',
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6', 'ap-southeast-7',
  'cn-north-1', 'cn-northwest-1',
  'us-gov-east-1', 'us-gov-west-1',
] as const;

const known = new Set<string>(KNOWN_REGIONS);
const registered = new Set<string>();

/** What a region name looks like: lower-case words and digits joined by hyphens, ending in a number. */
const REGION_SHAPE = /^[a-z]{2,}(?:-[a-z0-9]+)*-\d+$/;

/**
 * Lets trailsim accept a region it does not know: a region AWS launched after this version,
 * an isolated partition's region, or a made-up one for a test. Process-wide and idempotent.
 * The partition follows the name as AWS's does (`cn-` → aws-cn, `us-gov-` → aws-us-gov,
 * otherwise aws). Throws `InvalidRegionError` for a name that is not region-shaped.
 *
 * @example registerRegion('eusc-de-east-1');
 */
export function registerRegion(name: string): void {
  if (typeof name !== 'string' || !REGION_SHAPE.test(name)) throw new InvalidRegionError(`Cannot register region ${JSON.stringify(name)}: a region name is lower-case words joined by hyphens and ends in a number (e.g. eusc-de-east-1).`);
  registered.add(name);
}

/** The regions added with `registerRegion`, in the order they were added. */
export function registeredRegions(): readonly string[] {
  return [...registered];
}

/** True for a region AWS operates (KNOWN_REGIONS) or one added with `registerRegion`. */
export function isRegionName(r: string): boolean {
  return typeof r === 'string' && (known.has(r) || registered.has(r));
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/** Throws `InvalidRegionError` unless `r` is a known or registered region; `what` names where it came from. */
export function assertRegion(r: unknown, what = 'region'): asserts r is string {
  if (typeof r === 'string' && isRegionName(r)) return;
  const text = typeof r === 'string' ? `'${r}'` : String(r);
  const near = typeof r === 'string' ? [...known, ...registered].find((k) => editDistance(k, r) <= 2) : undefined;
  throw new InvalidRegionError(
    `${what} ${text} is not an AWS region${near ? ` (did you mean ${near}?)` : ''}. Use a region such as us-east-1, or call registerRegion(${typeof r === 'string' ? `'${r}'` : 'name'}) first to simulate a region trailsim does not know.`,
  );
}
