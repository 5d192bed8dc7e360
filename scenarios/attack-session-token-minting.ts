/**
 * Playbook: mint session tokens from a leaked user key (MITRE T1550.001, T1078.004).
 *
 * Holding a CI user's leaked long-term key, the attacker calls `sts:GetSessionToken` for
 * 36-hour credentials, so they keep working after the long-term key is deactivated, and then
 * works with the temporary key (an `IAMUser` identity with an `ASIA` key and a
 * sessionContext).
 *
 * Detection: Sigma b45ab1d2 (STS GetSessionToken Misuse: GetSessionToken by an IAM user). The
 * bucket listing with the user's session credentials fires Sigma f305fd62 (ListBuckets by a
 * caller that is not an assumed role).
 */
import { defineScenario, Principal, type CallOptions, type JsonObject, type UserIdentity } from 'trailsim';

const GO = 'aws-sdk-go-v2/1.30.3 os/linux lang/go#1.22.5 md/GOOS#linux md/GOARCH#amd64';

/** The user calling with the temporary key GetSessionToken returned. */
class SessionCredentials extends Principal {
  readonly type = 'IAMUser' as const;
  readonly identity: UserIdentity;
  readonly name: string;
  constructor(user: Principal, accessKeyId: string, createdAt: string, ip: string) {
    super(user.account, { sourceIPs: [ip], userAgents: [GO] });
    this.identity = { ...user.identity, accessKeyId, sessionContext: { sessionIssuer: {}, webIdFederationData: {}, attributes: { creationDate: createdAt, mfaAuthenticated: 'false' } } };
    this.name = user.name;
  }
}

export default defineScenario({
  name: 'attack-session-token-minting',
  description: 'A leaked CI user key mints 36-hour session credentials with GetSessionToken and keeps working with them.',
  title: 'Leaked user key mints long-lived session tokens',
  attack: { techniques: ['T1550.001', 'T1078.004'], tactics: ['defense-evasion', 'lateral-movement', 'persistence'] },
  references: [
    'https://attack.mitre.org/techniques/T1550/001/',
    'https://docs.aws.amazon.com/STS/latest/APIReference/API_GetSessionToken.html',
  ],
  seed: 4127,
  start: '2026-04-04T06:00:00Z',
  targets: ['b45ab1d2-712f-4f01-a751-df3826969807', 'f305fd62-beca-47da-ad95-7690a0620084'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const ci = acct.iamUser('circleci-deploy');
    const act = (who: Principal, op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(who, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: GO, ...opts });
    log(`account ${acct.id}; leaked key of ${ci.arn} used from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-04T08:17:00Z');
    act(ci, 'sts:GetCallerIdentity');
    sim.advance('10s');
    const minted = act(ci, 'sts:GetSessionToken', { durationSeconds: 129600 });
    const key = String((minted.responseElements?.credentials as { accessKeyId?: string } | undefined)?.accessKeyId);
    const session = new SessionCredentials(ci, key, minted.eventTime, ATTACKER_IP);
    sim.advance('1m');
    act(session, 'sts:GetCallerIdentity');
    sim.advance('30s');
    act(session, 'iam:ListUsers', undefined, { error: 'AccessDenied' });
    sim.advance('20s');
    act(session, 'ec2:DescribeInstances');
    sim.advance('20s');
    act(session, 's3:ListBuckets');

    sim.advanceTo('2026-04-04T12:00:00Z');
    answer(
      'Which keys did the attacker use?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.userIdentity?.accessKeyId} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`),
    );
  },
});
