/**
 * Trail names and ARNs. The naming rules are the API reference's (CreateTrail `Name`):
 * ASCII letters, digits, `.`, `_`, `-`; starts and ends with a letter or digit; 3 to 128
 * characters; no adjacent `.`, `_` or `-` (`my-_namespace`, `my--namespace` are invalid);
 * not an IP address. A trail ARN is `arn:<partition>:cloudtrail:<home region>:<account>:trail/<name>`.
 */
import type { Partition } from '../../core/ids.js';
import { CloudTrailARNInvalidException, InvalidTrailNameException, MESSAGES } from './errors.js';

/** Throws InvalidTrailNameException when `name` breaks a naming rule. */
export function assertValidTrailName(name: string): void {
  if (name.length === 0) throw new InvalidTrailNameException(MESSAGES.nameBlank.text());
  if (name.length < 3) throw new InvalidTrailNameException(MESSAGES.nameTooShort.text(name.length));
  if (name.length > 128) throw new InvalidTrailNameException(MESSAGES.nameTooLong.text(name.length));
  if (!/^[A-Za-z0-9._-]+$/.test(name)) throw new InvalidTrailNameException(MESSAGES.nameChars.text());
  if (!/^[A-Za-z0-9]/.test(name)) throw new InvalidTrailNameException(MESSAGES.nameStart.text());
  if (!/[A-Za-z0-9]$/.test(name)) throw new InvalidTrailNameException(MESSAGES.nameEnd.text());
  if (/[._-]{2}/.test(name)) throw new InvalidTrailNameException(MESSAGES.nameAdjacent.text());
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(name)) throw new InvalidTrailNameException(MESSAGES.nameIp.text());
}

export function trailArn(partition: Partition | string, region: string, accountId: string, name: string): string {
  return `arn:${partition}:cloudtrail:${region}:${accountId}:trail/${name}`;
}

export interface ParsedTrailArn {
  partition: string;
  region: string;
  accountId: string;
  name: string;
}

const TRAIL_ARN = /^arn:(aws|aws-cn|aws-us-gov|aws-iso[a-z-]*):cloudtrail:([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d):(\d{12}):trail\/(.+)$/;

/** Parses a trail ARN; throws CloudTrailARNInvalidException when it is not one. */
export function parseTrailArn(arn: string): ParsedTrailArn {
  const m = TRAIL_ARN.exec(arn);
  if (!m) throw new CloudTrailARNInvalidException(MESSAGES.invalidArn.text(arn));
  assertValidTrailName(m[4]);
  return { partition: m[1], region: m[2], accountId: m[3], name: m[4] };
}

/** A `Name` / `TrailName` argument is an ARN when it starts with `arn:`. */
export function isArn(nameOrArn: string): boolean {
  return nameOrArn.startsWith('arn:');
}
