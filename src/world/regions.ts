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

const REGION_SHAPE = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export function isRegionName(r: string): boolean {
  return REGION_SHAPE.test(r);
}
