/**
 * userIdentity rules (cloudtrail-reference.md §2): the common fields, then the shape of
 * each identity type, then sessionContext. Per-type checks run only on values that passed
 * the generic type checks, so one defect is reported once.
 */
import type { RecordContext } from './context.js';
import {
  ACCESS_KEY_ID, ACCOUNT_ID, ARN_ASSUMED_ROLE, ARN_FEDERATED_USER, ARN_IAM_ROLE, ARN_IAM_USER,
  ARN_ROOT, TEMPORARY_ACCESS_KEY_ID, isCreationDate, parseArn, show,
} from './formats.js';
import { child, isObject, own, type JsonRecord } from './json.js';

const P = 'userIdentity';
const ISSUER_PATH = 'userIdentity.sessionContext.sessionIssuer';

export const IDENTITY_TYPES: ReadonlySet<string> = new Set([
  'Root', 'IAMUser', 'AssumedRole', 'Role', 'FederatedUser', 'AWSAccount', 'AWSService',
  'IdentityCenterUser', 'Directory', 'Unknown', 'SAMLUser', 'WebIdentityUser',
]);

const IDENTITY_FIELDS: ReadonlySet<string> = new Set([
  'type', 'principalId', 'arn', 'accountId', 'accessKeyId', 'userName', 'sessionContext',
  'invokedBy', 'identityProvider', 'credentialId', 'onBehalfOf', 'inScopeOf',
]);
const STRING_FIELDS = ['principalId', 'arn', 'accountId', 'accessKeyId', 'userName', 'invokedBy', 'identityProvider', 'credentialId'] as const;
type StringField = (typeof STRING_FIELDS)[number];
type Strings = Partial<Record<StringField, string>>;

/**
 * The fields that define each identity type (ref §2 "typical fields", kept to those the
 * docs and samples always show). On sign-in events an IAM user may lack arn and
 * principalId: a failed ConsoleLogin for an unknown user name has only accountId and
 * userName "HIDDEN_DUE_TO_SECURITY_REASONS" (AWS sign-in events doc).
 */
function requiredFields(type: string, signIn: boolean): readonly string[] {
  switch (type) {
    case 'Root': return ['arn', 'accountId'];
    case 'IAMUser': return signIn ? ['accountId', 'userName'] : ['arn', 'principalId', 'accountId', 'userName'];
    case 'AssumedRole': return ['arn', 'principalId', 'accountId'];
    case 'FederatedUser': return ['arn', 'principalId', 'accountId'];
    case 'AWSService': return ['invokedBy'];
    case 'AWSAccount': return ['accountId'];
    case 'IdentityCenterUser': return ['accountId', 'onBehalfOf'];
    case 'SAMLUser': case 'WebIdentityUser': return ['principalId', 'userName', 'identityProvider'];
    default: return []; // Role, Directory, Unknown: no fixed shape documented
  }
}

/** Identity types whose arn has a type-specific rule; others get the generic ARN check. */
const TYPED_ARN: ReadonlySet<string> = new Set(['Root', 'IAMUser', 'AssumedRole', 'FederatedUser', 'Role', 'AWSService']);

const HIDDEN_USER = 'HIDDEN_DUE_TO_SECURITY_REASONS';

export function checkUserIdentity(ctx: RecordContext, u: unknown): void {
  const { f } = ctx;
  if (!isObject(u)) {
    f.add('userIdentity.shape', P, `userIdentity is ${show(u)}; expected an object`);
    return;
  }
  for (const k of Object.keys(u)) {
    if (!IDENTITY_FIELDS.has(k)) f.add('userIdentity.unknownField', child(P, k), `userIdentity has an undocumented field "${k}"; expected only ${[...IDENTITY_FIELDS].join(', ')}`);
  }
  const s: Strings = {};
  for (const k of STRING_FIELDS) {
    const v = own(u, k);
    if (v === undefined) continue;
    if (typeof v === 'string') s[k] = v;
    else f.add('userIdentity.fieldType', child(P, k), `userIdentity.${k} is ${show(v)}; expected a string`);
  }

  const typeValue = own(u, 'type');
  let type: string | undefined;
  if (typeValue === undefined) {
    // Service events may name only the account and the acting service (KMS RotateKey,
    // Service Quotas examples: userIdentity {accountId, invokedBy}).
    if (ctx.eventType !== 'AwsServiceEvent') f.add('userIdentity.typeMissing', child(P, 'type'), 'userIdentity.type is missing; every identity except on some AwsServiceEvent records names its type');
  } else if (typeof typeValue !== 'string' || !IDENTITY_TYPES.has(typeValue)) {
    f.add('userIdentity.typeUnknown', child(P, 'type'), `userIdentity.type ${show(typeValue)} is not a CloudTrail identity type; expected one of ${[...IDENTITY_TYPES].join(', ')}`);
  } else {
    type = typeValue;
  }

  if (type) {
    const signIn = ctx.eventType === 'AwsConsoleSignIn';
    for (const k of requiredFields(type, signIn)) {
      if (own(u, k) === undefined) f.add('userIdentity.requiredField', child(P, k), `userIdentity of type ${type} has no ${k}; CloudTrail writes ${requiredFields(type, signIn).join(', ')} for this type`);
    }
  }

  if (s.accountId !== undefined && type !== 'AWSAccount' && !ACCOUNT_ID.test(s.accountId)) {
    f.add('userIdentity.accountId', child(P, 'accountId'), `userIdentity.accountId ${show(s.accountId)} is not a 12-digit account id`);
  }
  const keyOk = s.accessKeyId === undefined || s.accessKeyId === '' || ACCESS_KEY_ID.test(s.accessKeyId);
  if (!keyOk) {
    f.add('userIdentity.accessKeyId', child(P, 'accessKeyId'), `userIdentity.accessKeyId ${show(s.accessKeyId)} is not an access key id; expected "" or AKIA/ASIA/ABIA/ACCA followed by upper-case letters and digits`);
  }
  if (s.arn !== undefined && (type === undefined || !TYPED_ARN.has(type))) {
    if (s.arn === '' ? type !== 'Unknown' : parseArn(s.arn) === undefined) {
      f.add('userIdentity.arn', child(P, 'arn'), `userIdentity.arn ${show(s.arn)} is not an ARN; expected arn:<partition>:<service>:<region>:<account>:<resource>`);
    }
  }

  const sessionContext = own(u, 'sessionContext');
  const issuer = sessionContext === undefined ? undefined : checkSessionContext(ctx, sessionContext);

  // arnOk: the arn has the type's shape, so account and partition can be compared.
  let arnOk = false;
  switch (type) {
    case 'Root': arnOk = checkRoot(ctx, s); break;
    case 'IAMUser': arnOk = checkIamUser(ctx, s); break;
    case 'AssumedRole': arnOk = checkAssumedRole(ctx, s, issuer, keyOk); break;
    case 'FederatedUser': arnOk = checkFederatedUser(ctx, s, issuer, keyOk); break;
    case 'Role':
      if (s.arn !== undefined) {
        arnOk = ARN_IAM_ROLE.test(s.arn);
        if (!arnOk) f.add('userIdentity.Role.arn', child(P, 'arn'), `Role arn ${show(s.arn)} is not a role ARN; expected arn:<partition>:iam::<account>:role/[path/]name`);
      }
      break;
    case 'AWSService':
      if (s.arn !== undefined) f.add('userIdentity.AWSService.arn', child(P, 'arn'), `an AWSService identity has no arn (found ${show(s.arn)}); the acting service is named by invokedBy`);
      if (own(u, 'principalId') !== undefined) f.add('userIdentity.AWSService.principalId', child(P, 'principalId'), `an AWSService identity has no principalId (found ${show(own(u, 'principalId'))})`);
      break;
    case 'AWSAccount':
      if (s.accountId !== undefined && s.accountId !== 'ANONYMOUS_PRINCIPAL' && !ACCOUNT_ID.test(s.accountId)) {
        f.add('userIdentity.AWSAccount.accountId', child(P, 'accountId'), `AWSAccount accountId ${show(s.accountId)} is neither a 12-digit account id nor ANONYMOUS_PRINCIPAL`);
      }
      break;
    default:
      arnOk = s.arn !== undefined && parseArn(s.arn) !== undefined;
  }

  if (arnOk && s.arn !== undefined) {
    const arn = parseArn(s.arn);
    const principalType = type === 'Root' || type === 'IAMUser' || type === 'AssumedRole' || type === 'FederatedUser' || type === 'Role';
    if (arn && principalType && s.accountId !== undefined && ACCOUNT_ID.test(s.accountId) && arn.account !== s.accountId) {
      f.add('userIdentity.arnAccount', child(P, 'arn'), `userIdentity.arn is in account ${arn.account} but accountId is ${s.accountId}; a principal's ARN names its own account`);
    }
    if (arn) checkPartition(ctx, child(P, 'arn'), arn.partition);
  }

  const onBehalfOf = own(u, 'onBehalfOf');
  if (onBehalfOf !== undefined) {
    const ok = isObject(onBehalfOf) && typeof own(onBehalfOf, 'userId') === 'string'
      && typeof own(onBehalfOf, 'identityStoreArn') === 'string'
      && parseArn(own(onBehalfOf, 'identityStoreArn') as string)?.service === 'identitystore';
    if (!ok) f.add('userIdentity.onBehalfOf', child(P, 'onBehalfOf'), `userIdentity.onBehalfOf ${show(onBehalfOf)} is not {userId, identityStoreArn: arn:<partition>:identitystore::…}`);
  }
  const inScopeOf = own(u, 'inScopeOf');
  if (inScopeOf !== undefined && !(isObject(inScopeOf) && Object.values(inScopeOf).every((v) => typeof v === 'string'))) {
    f.add('userIdentity.inScopeOf', child(P, 'inScopeOf'), `userIdentity.inScopeOf ${show(inScopeOf)} is not an object of strings (sourceArn, sourceAccount, issuerType, credentialsIssuedTo)`);
  }
}

/** ARNs in a record use the partition of awsRegion, when that region is a published one. */
export function checkPartition(ctx: RecordContext, path: string, partition: string): void {
  if (ctx.partition !== undefined && partition !== ctx.partition) {
    ctx.f.add('arn.partition', path, `ARN partition "${partition}" does not match awsRegion ${show(own(ctx.r, 'awsRegion'))}, which is in partition "${ctx.partition}"`);
  }
}

function checkRoot(ctx: RecordContext, s: Strings): boolean {
  const { f } = ctx;
  let arnOk = false;
  if (s.arn !== undefined) {
    arnOk = ARN_ROOT.test(s.arn);
    if (!arnOk) f.add('userIdentity.Root.arn', child(P, 'arn'), `Root arn ${show(s.arn)} is not arn:<partition>:iam::<account>:root`);
  }
  if (s.principalId !== undefined && s.accountId !== undefined && s.principalId !== s.accountId) {
    f.add('userIdentity.Root.principalId', child(P, 'principalId'), `Root principalId ${show(s.principalId)} differs from accountId ${show(s.accountId)}; for the root user they are the same`);
  }
  return arnOk;
}

function checkIamUser(ctx: RecordContext, s: Strings): boolean {
  const { f } = ctx;
  let arnOk = false;
  if (s.arn !== undefined) {
    const m = ARN_IAM_USER.exec(s.arn);
    arnOk = m !== null;
    if (!m) f.add('userIdentity.IAMUser.arn', child(P, 'arn'), `IAMUser arn ${show(s.arn)} is not a user ARN; expected arn:<partition>:iam::<account>:user/[path/]name`);
    else if (s.userName !== undefined && s.userName !== HIDDEN_USER && m[3] !== s.userName) {
      f.add('userIdentity.IAMUser.userName', child(P, 'userName'), `IAMUser userName ${show(s.userName)} differs from the name in the arn (${show(m[3])})`);
    }
  }
  if (s.principalId !== undefined && !/^AIDA[A-Z0-9]+$/.test(s.principalId)) {
    f.add('userIdentity.IAMUser.principalId', child(P, 'principalId'), `IAMUser principalId ${show(s.principalId)} is not a user id; expected AIDA followed by upper-case letters and digits`);
  }
  return arnOk;
}

function checkAssumedRole(ctx: RecordContext, s: Strings, issuer: JsonRecord | undefined, keyOk: boolean): boolean {
  const { f } = ctx;
  let roleName: string | undefined;
  let session: string | undefined;
  if (s.arn !== undefined) {
    const m = ARN_ASSUMED_ROLE.exec(s.arn);
    if (m) [roleName, session] = [m[3], m[4]];
    else f.add('userIdentity.AssumedRole.arn', child(P, 'arn'), `AssumedRole arn ${show(s.arn)} is not arn:<partition>:sts::<account>:assumed-role/RoleName/SessionName (no role path)`);
  }
  let roleId: string | undefined;
  if (s.principalId !== undefined) {
    const m = /^(AROA[A-Z0-9]+):(.+)$/.exec(s.principalId);
    if (!m) f.add('userIdentity.AssumedRole.principalId', child(P, 'principalId'), `AssumedRole principalId ${show(s.principalId)} is not AROA<role id>:<session name>`);
    else {
      roleId = m[1];
      if (session !== undefined && m[2] !== session) f.add('userIdentity.AssumedRole.principalId', child(P, 'principalId'), `AssumedRole principalId session ${show(m[2])} differs from the session in the arn (${show(session)})`);
    }
  }
  if (keyOk && s.accessKeyId && !TEMPORARY_ACCESS_KEY_ID.test(s.accessKeyId)) {
    f.add('userIdentity.AssumedRole.accessKeyId', child(P, 'accessKeyId'), `AssumedRole accessKeyId ${show(s.accessKeyId)} is not a temporary key; role sessions use ASIA… keys`);
  }
  if (issuer) {
    const ip = ISSUER_PATH;
    const type = own(issuer, 'type');
    if (Object.keys(issuer).length === 0) {
      f.add('userIdentity.AssumedRole.sessionIssuer', ip, 'AssumedRole sessionIssuer is {}; expected the Role that issued the session');
    } else if (type === 'IAMUser' || type === 'Root') {
      f.add('userIdentity.AssumedRole.sessionIssuer', child(ip, 'type'), `AssumedRole sessionIssuer.type is ${show(type)}; role sessions are issued by a Role`);
    } else if (type === 'Role') {
      const issuerArn = own(issuer, 'arn');
      const m = typeof issuerArn === 'string' ? ARN_IAM_ROLE.exec(issuerArn) : null;
      if (m && roleName !== undefined && m[3] !== roleName) {
        f.add('userIdentity.AssumedRole.roleName', child(ip, 'arn'), `sessionIssuer role ${show(m[3])} differs from the role in the assumed-role arn (${show(roleName)})`);
      }
      const issuerName = own(issuer, 'userName');
      if (typeof issuerName === 'string' && roleName !== undefined && issuerName !== roleName) {
        f.add('userIdentity.AssumedRole.roleName', child(ip, 'userName'), `sessionIssuer.userName ${show(issuerName)} differs from the role in the assumed-role arn (${show(roleName)})`);
      }
      const issuerAccount = own(issuer, 'accountId');
      if (typeof issuerAccount === 'string' && ACCOUNT_ID.test(issuerAccount) && s.accountId !== undefined && ACCOUNT_ID.test(s.accountId) && issuerAccount !== s.accountId) {
        f.add('userIdentity.AssumedRole.sessionIssuer', child(ip, 'accountId'), `sessionIssuer.accountId ${issuerAccount} differs from userIdentity.accountId ${s.accountId}; a role session belongs to the role's account`);
      }
      const issuerId = own(issuer, 'principalId');
      if (typeof issuerId === 'string' && roleId !== undefined && issuerId !== roleId) {
        f.add('userIdentity.AssumedRole.sessionIssuer', child(ip, 'principalId'), `sessionIssuer.principalId ${show(issuerId)} differs from the role id in userIdentity.principalId (${show(roleId)})`);
      }
    }
  }
  return roleName !== undefined;
}

function checkFederatedUser(ctx: RecordContext, s: Strings, issuer: JsonRecord | undefined, keyOk: boolean): boolean {
  const { f } = ctx;
  let name: string | undefined;
  if (s.arn !== undefined) {
    const m = ARN_FEDERATED_USER.exec(s.arn);
    if (m) name = m[3];
    else f.add('userIdentity.FederatedUser.arn', child(P, 'arn'), `FederatedUser arn ${show(s.arn)} is not arn:<partition>:sts::<account>:federated-user/Name`);
  }
  if (s.principalId !== undefined) {
    const m = /^(\d{12}):(.+)$/.exec(s.principalId);
    const bad = !m
      || (s.accountId !== undefined && ACCOUNT_ID.test(s.accountId) && m[1] !== s.accountId)
      || (name !== undefined && m[2] !== name);
    if (bad) f.add('userIdentity.FederatedUser.principalId', child(P, 'principalId'), `FederatedUser principalId ${show(s.principalId)} is not <accountId>:<name> with the account and name of the arn`);
  }
  if (keyOk && s.accessKeyId && !TEMPORARY_ACCESS_KEY_ID.test(s.accessKeyId)) {
    f.add('userIdentity.FederatedUser.accessKeyId', child(P, 'accessKeyId'), `FederatedUser accessKeyId ${show(s.accessKeyId)} is not a temporary key; GetFederationToken issues ASIA… keys`);
  }
  if (issuer && Object.keys(issuer).length > 0) {
    const type = own(issuer, 'type');
    if (type === 'Role') f.add('userIdentity.FederatedUser.sessionIssuer', child(ISSUER_PATH, 'type'), 'FederatedUser sessionIssuer.type is "Role"; federation tokens are issued to an IAMUser or Root');
  }
  return name !== undefined;
}

const SESSION_CONTEXT_FIELDS: ReadonlySet<string> = new Set([
  'sessionIssuer', 'webIdFederationData', 'attributes', 'sourceIdentity', 'ec2RoleDelivery', 'ec2IssuedInVPC',
  // sts:AssumeRoot sessions (centralised root access, 2024) carry assumedRoot: "true".
  'assumedRoot',
]);
const ISSUER_TYPES: ReadonlySet<string> = new Set(['Root', 'IAMUser', 'Role']);

/** Checks sessionContext; returns sessionIssuer when it is an object, for the per-type rules. */
function checkSessionContext(ctx: RecordContext, sc: unknown): JsonRecord | undefined {
  const { f } = ctx;
  const SP = child(P, 'sessionContext');
  if (!isObject(sc)) {
    f.add('userIdentity.sessionContext.shape', SP, `sessionContext is ${show(sc)}; expected an object`);
    return undefined;
  }
  for (const k of Object.keys(sc)) {
    if (!SESSION_CONTEXT_FIELDS.has(k)) f.add('userIdentity.sessionContext.unknownField', child(SP, k), `sessionContext has an undocumented field "${k}"`);
  }
  const attributes = own(sc, 'attributes');
  if (attributes !== undefined) {
    const AP = child(SP, 'attributes');
    if (!isObject(attributes)) f.add('userIdentity.sessionContext.attributes', AP, `sessionContext.attributes is ${show(attributes)}; expected {creationDate, mfaAuthenticated}`);
    else {
      for (const k of Object.keys(attributes)) {
        if (k !== 'creationDate' && k !== 'mfaAuthenticated') f.add('userIdentity.sessionContext.unknownField', child(AP, k), `sessionContext.attributes has an undocumented field "${k}"`);
      }
      const mfa = own(attributes, 'mfaAuthenticated');
      if (mfa === undefined) f.add('userIdentity.sessionContext.attributes', child(AP, 'mfaAuthenticated'), 'sessionContext.attributes has no mfaAuthenticated; CloudTrail writes it with creationDate');
      else if (mfa !== 'true' && mfa !== 'false') {
        const hint = typeof mfa === 'boolean' ? ` (a JSON boolean); CloudTrail writes the string "${mfa}"` : '; expected the string "true" or "false"';
        f.add('userIdentity.sessionContext.mfaAuthenticated', child(AP, 'mfaAuthenticated'), `mfaAuthenticated is ${show(mfa)}${hint}`);
      }
      const created = own(attributes, 'creationDate');
      if (created === undefined) f.add('userIdentity.sessionContext.attributes', child(AP, 'creationDate'), 'sessionContext.attributes has no creationDate; CloudTrail writes it with mfaAuthenticated');
      else if (typeof created !== 'string' || !isCreationDate(created)) {
        f.add('userIdentity.sessionContext.creationDate', child(AP, 'creationDate'), `creationDate ${show(created)} is not an ISO 8601 UTC time; expected e.g. 2021-12-02T22:11:25Z (or 20131102T010628Z)`);
      }
    }
  }
  const delivery = own(sc, 'ec2RoleDelivery');
  if (delivery !== undefined && delivery !== '1.0' && delivery !== '2.0') {
    f.add('userIdentity.sessionContext.ec2RoleDelivery', child(SP, 'ec2RoleDelivery'), `ec2RoleDelivery is ${show(delivery)}; expected "1.0" (IMDSv1) or "2.0" (IMDSv2)`);
  }
  for (const k of ['sourceIdentity', 'ec2IssuedInVPC', 'assumedRoot']) {
    const v = own(sc, k);
    if (v !== undefined && typeof v !== 'string') f.add('userIdentity.sessionContext.fieldType', child(SP, k), `sessionContext.${k} is ${show(v)}; expected a string`);
  }
  const web = own(sc, 'webIdFederationData');
  if (web !== undefined) {
    const WP = child(SP, 'webIdFederationData');
    if (!isObject(web)) f.add('userIdentity.sessionContext.webIdFederationData', WP, `webIdFederationData is ${show(web)}; expected {} or {federatedProvider, attributes}`);
    else {
      const provider = own(web, 'federatedProvider');
      const attrs = own(web, 'attributes');
      if (provider !== undefined && typeof provider !== 'string') f.add('userIdentity.sessionContext.webIdFederationData', child(WP, 'federatedProvider'), `webIdFederationData.federatedProvider is ${show(provider)}; expected a string`);
      if (attrs !== undefined && !isObject(attrs)) f.add('userIdentity.sessionContext.webIdFederationData', child(WP, 'attributes'), `webIdFederationData.attributes is ${show(attrs)}; expected an object`);
      for (const k of Object.keys(web)) {
        if (k !== 'federatedProvider' && k !== 'attributes') f.add('userIdentity.sessionContext.unknownField', child(WP, k), `webIdFederationData has an undocumented field "${k}"`);
      }
    }
  }
  const issuer = own(sc, 'sessionIssuer');
  if (issuer === undefined) return undefined;
  if (!isObject(issuer)) {
    f.add('userIdentity.sessionIssuer.shape', child(SP, 'sessionIssuer'), `sessionIssuer is ${show(issuer)}; expected an object`);
    return undefined;
  }
  // IAM-user console sessions carry an empty issuer {} (samples): nothing more to check.
  if (Object.keys(issuer).length === 0) return issuer;
  checkIssuer(ctx, issuer, child(SP, 'sessionIssuer'));
  return issuer;
}

const ISSUER_ARN: Readonly<Record<string, { re: RegExp; shape: string }>> = {
  Role: { re: ARN_IAM_ROLE, shape: 'arn:<partition>:iam::<account>:role/[path/]name' },
  IAMUser: { re: ARN_IAM_USER, shape: 'arn:<partition>:iam::<account>:user/[path/]name' },
  Root: { re: ARN_ROOT, shape: 'arn:<partition>:iam::<account>:root' },
};

function checkIssuer(ctx: RecordContext, issuer: JsonRecord, IP: string): void {
  const { f } = ctx;
  for (const k of ['type', 'principalId', 'arn', 'accountId', 'userName']) {
    const v = own(issuer, k);
    if (v !== undefined && typeof v !== 'string') f.add('userIdentity.sessionIssuer.fieldType', child(IP, k), `sessionIssuer.${k} is ${show(v)}; expected a string`);
  }
  const type = own(issuer, 'type');
  const typeOk = typeof type === 'string' && ISSUER_TYPES.has(type);
  if (!typeOk && (type === undefined || typeof type === 'string')) {
    f.add('userIdentity.sessionIssuer.type', child(IP, 'type'), `sessionIssuer.type is ${show(type)}; expected Root, IAMUser or Role`);
  }
  const arn = own(issuer, 'arn');
  if (typeof arn === 'string') {
    const expected = typeOk ? ISSUER_ARN[type as string] : undefined;
    const parsed = parseArn(arn);
    if (expected ? !expected.re.test(arn) : parsed === undefined) {
      f.add('userIdentity.sessionIssuer.arn', child(IP, 'arn'), `sessionIssuer.arn ${show(arn)} is not ${expected ? expected.shape : 'an ARN'}`);
    } else if (parsed) {
      checkPartition(ctx, child(IP, 'arn'), parsed.partition);
    }
  }
  const account = own(issuer, 'accountId');
  if (typeof account === 'string' && !ACCOUNT_ID.test(account)) {
    f.add('userIdentity.sessionIssuer.accountId', child(IP, 'accountId'), `sessionIssuer.accountId ${show(account)} is not a 12-digit account id`);
  }
}
