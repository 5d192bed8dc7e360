/**
 * Playbook: backdoor SAML federation (MITRE T1484.002, T1606.002: a "Golden SAML"-style
 * takeover of the account's identity-provider trust).
 *
 * With an administrator's leaked key, the attacker replaces the metadata of the account's
 * SAML provider with an IdP whose signing key they hold, signs in with a forged assertion
 * (`AssumeRoleWithSAML`, caller a `SAMLUser`), works as the federated admin role, and at the
 * end deletes the SAML provider.
 *
 * Detection: Sigma f43f5d2f (Suspicious SAML Activity) fires on UpdateSAMLProvider (iam) and
 * AssumeRoleWithSAML (sts).
 *
 * Rule gap, expected no alert: Sigma ccd6a6c8 (SAML Provider Deletion Activity) also needs a
 * top-level `status: success`, a field CloudTrail records do not have (only SIEM-enriched
 * copies do), so the DeleteSAMLProvider record does not fire it.
 */
import { defineScenario, Principal, type CallOptions, type JsonObject, type UserIdentity } from 'trailsim';

const CLI = (command: string) => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;
const SAML2AWS = 'aws-sdk-go/1.44.322 (go1.21.1; linux; amd64)';
const FORGED_METADATA = '<?xml version="1.0" encoding="UTF-8"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://sso.acme-login.example/saml/metadata"><md:IDPSSODescriptor WantAuthnRequestsSigned="false" protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">';

export const gaps = [
  { rule: 'ccd6a6c8-bb4e-4a91-9d2a-07e632819374', reason: 'also needs a top-level status: success field, which CloudTrail records do not have (only SIEM-enriched copies)' },
];

/** A principal calling with the temporary key an STS response handed out. */
class WithKey extends Principal {
  readonly type: UserIdentity['type'];
  readonly identity: UserIdentity;
  readonly name: string;
  constructor(p: Principal, accessKeyId: string, ip: string) {
    super(p.account, { sourceIPs: [ip], userAgents: [SAML2AWS] });
    this.type = p.type;
    this.identity = { ...p.identity, accessKeyId };
    this.name = p.name;
  }
}

export default defineScenario({
  name: 'attack-saml-provider-backdoor',
  description: 'A leaked admin key swaps the SAML provider\'s metadata, signs in with a forged assertion, then deletes the provider (the deletion rule cannot fire on raw CloudTrail).',
  title: 'SAML provider metadata replaced, forged assertion used, provider deleted',
  attack: { techniques: ['T1484.002', 'T1606.002'], tactics: ['defense-evasion', 'privilege-escalation', 'credential-access'] },
  references: [
    'https://attack.mitre.org/techniques/T1606/002/',
    'https://attack.mitre.org/techniques/T1484/002/',
  ],
  seed: 4141,
  start: '2026-04-18T06:00:00Z',
  targets: ['f43f5d2f-3f2a-4cc8-b1af-81fde7dbaf0e'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('iam-automation');
    const act = (who: Principal, op: string, command: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: CLI(command), ...opts });
    const provider = `arn:aws:iam::${acct.id}:saml-provider/OktaProd`;
    const role = acct.role('SSO-Admins');
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}; provider ${provider}`);

    sim.advanceTo('2026-04-18T10:14:00Z');
    act(admin, 'iam:ListSAMLProviders', 'iam.list-saml-providers');
    sim.advance('1m');
    act(admin, 'iam:UpdateSAMLProvider', 'iam.update-saml-provider', { sAMLMetadataDocument: FORGED_METADATA, sAMLProviderArn: provider });
    sim.advance('5m');
    const saml = acct.samlUser('it-admin@acme.example', 'https://sso.acme-login.example/saml/metadata');
    const assumed = sim.call(saml, 'sts:AssumeRoleWithSAML', { roleArn: role.arn, principalArn: provider, roleSessionName: 'it-admin@acme.example', durationSeconds: 3600 }, { sourceIPAddress: ATTACKER_IP, userAgent: SAML2AWS });
    const key = String((assumed.responseElements?.credentials as { accessKeyId?: string } | undefined)?.accessKeyId);
    const session = new WithKey(role.session({ sessionName: 'it-admin@acme.example', createdAt: sim.now }), key, ATTACKER_IP);
    for (const op of ['iam:ListUsers', 'iam:ListRoles', 'organizations:DescribeOrganization']) {
      sim.advance('30s');
      act(session, op, op.replace(':', '.'), undefined, { userAgent: SAML2AWS });
    }
    sim.advanceTo('2026-04-18T12:30:00Z');
    act(admin, 'iam:DeleteSAMLProvider', 'iam.delete-saml-provider', { sAMLProviderArn: provider });

    sim.advanceTo('2026-04-18T15:00:00Z');
    answer(
      'What happened to SAML federation?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.type} ${r.eventName}`),
    );
  },
});
