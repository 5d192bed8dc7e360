import type { Random } from '../core/random.js';
import { organizationId, organizationRootId } from '../core/ids.js';

/** An AWS Organization: one management account and its members. */
export class Organization {
  readonly id: string;
  readonly rootId: string;
  readonly arn: string;
  /** Account ids, management first. */
  readonly accountIds: string[] = [];

  constructor(readonly managementAccountId: string, rng: Random, id?: string) {
    this.id = id ?? organizationId(rng);
    this.rootId = organizationRootId(rng);
    this.arn = `arn:aws:organizations::${managementAccountId}:organization/${this.id}`;
    this.accountIds.push(managementAccountId);
  }

  has(accountId: string): boolean {
    return this.accountIds.includes(accountId);
  }
}
