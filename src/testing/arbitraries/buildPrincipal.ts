import { TrailsimInputError } from '../../core/errors.js';
import type { Account } from '../../world/account.js';
import { AwsAccountPrincipal, type Principal } from '../../world/principal.js';
import type { PrincipalDescription } from './principalDescription.js';

/**
 * The real trailsim principal a description stands for, in `account`, as of virtual time `at`
 * (epoch ms; sessions were issued `ageSeconds` before it). Deterministic: the same account
 * (same seed, same name) and description give the same identity, access keys included.
 *
 * An `AWSAccount` description gives the other account's caller as the resource owner sees it
 * (`{ type: 'AWSAccount', principalId, accountId }`), with `account` as that caller's account.
 */
export function buildPrincipal(account: Account, description: PrincipalDescription, at: number): Principal {
  const d = description;
  switch (d.type) {
    case 'IAMUser': {
      const user = account.iamUser(d.userName, { path: d.path });
      if (!d.console) return user;
      return user.consoleSession(account.rng.fork('console-session', d.userName, d.console.ageSeconds), at - d.console.ageSeconds * 1000, d.console.mfa);
    }
    case 'AssumedRole': {
      const role = account.role(d.roleName, d.invokedBy ? { path: `/aws-service-role/${d.invokedBy}/` } : {});
      return role.session({
        sessionName: d.sessionName,
        createdAt: at - d.ageSeconds * 1000,
        mfa: d.mfa,
        ...(d.sourceIdentity !== undefined ? { sourceIdentity: d.sourceIdentity } : {}),
        ...(d.invokedBy !== undefined ? { invokedBy: d.invokedBy } : {}),
        ...(d.ec2RoleDelivery !== undefined ? { ec2RoleDelivery: d.ec2RoleDelivery } : {}),
        // A described world holds exactly its scripted calls: the session was issued before it.
        issuedBy: false,
      });
    }
    case 'Root':
      return account.root();
    case 'AWSService':
      return account.service(d.host);
    case 'FederatedUser': {
      const f = account.federatedUser(d.name, account.iamUser(d.issuerUserName), at - d.ageSeconds * 1000);
      f.issuance = 'none'; // issued before the described world, like its sessions
      return f;
    }
    case 'IdentityCenterUser':
      return account.identityCenterUser(d.userName);
    case 'SAMLUser':
      return account.samlUser(d.userName, d.identityProvider);
    case 'WebIdentityUser':
      return account.webIdentityUser(d.userName, d.identityProvider, d.appId);
    case 'AWSAccount': {
      const principalId = d.via === 'Root' ? account.id : d.via === 'IAMUser' ? account.iamUser(d.name).uniqueId : account.role(d.name).uniqueId;
      return new AwsAccountPrincipal(account, principalId, account.rng.fork('aws-account', d.via, d.name));
    }
    default:
      throw new TrailsimInputError(`Unknown principal description type ${JSON.stringify((d as { type?: unknown }).type)}.`);
  }
}

/**
 * For an `AWSAccount` description, the principal in the caller's own account that makes the
 * cross-account call (the resource owner's copy then shows it as `AWSAccount`).
 */
export function crossAccountCaller(account: Account, description: Extract<PrincipalDescription, { type: 'AWSAccount' }>, at: number): Principal {
  switch (description.via) {
    case 'Root':
      return account.root();
    case 'IAMUser':
      return account.iamUser(description.name);
    case 'AssumedRole':
      return account.role(description.name).session({ sessionName: 'cross-account', createdAt: at, issuedBy: false });
  }
}
