/**
 * Playbook: create a new AWS account inside the organization for persistence or mining
 * (MITRE T1136.003, T1583; reported in crypto-mining intrusions where attackers with
 * management-account access spun up fresh member accounts free of the victim's controls).
 *
 * A compromised management-account admin key calls CreateAccount (an AwsApiCall answered
 * with `state: IN_PROGRESS`); minutes later Organizations writes the CreateAccountResult
 * service event with the new account id; the attacker then assumes the new account's
 * `OrganizationAccountAccessRole`.
 *
 * Detection: no SigmaHQ rule; the example detection `aws-organizations-account-created`
 * keys on the CreateAccountResult service event (detections/persistence.ts; Panther
 * Standard.NewAWSAccountCreated).
 */
import { defineScenario, recordCreateAccountResult } from 'trailsim';
import { actor, trace } from './_kit.js';

export default defineScenario({
  name: 'attack-org-account-creation',
  title: 'New member account created in the organization (CreateAccount + CreateAccountResult)',
  description: 'A compromised management-account key creates a member account, waits for CreateAccountResult and assumes OrganizationAccountAccessRole in it.',
  attack: { techniques: ['T1136.003', 'T1078.004'], tactics: ['persistence', 'privilege-escalation'] },
  references: [
    'https://attack.mitre.org/techniques/T1136/003/',
    'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_security_incident-response.html',
    'https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html',
  ],
  seed: 5015,
  start: '2026-05-18T06:00:00Z',
  targets: [],
  run({ sim, log, answer }) {
    const ip = sim.attackerIp();
    const mgmt = sim.addAccount({ name: 'management', alias: 'acme-root', regions: ['us-east-1'] });
    sim.addAccount({ name: 'workloads', alias: 'acme-workloads', regions: ['us-east-1'] });
    sim.createOrganization(mgmt);
    sim.addTraffic({ rate: '120/h' });
    const admin = mgmt.iamUser('org-admin');
    const act = actor(sim, admin, ip);
    const newAccountId = '482915730264';
    log(`management ${mgmt.id}; attacker at ${ip}; new account ${newAccountId}`);

    sim.advanceTo('2026-05-18T09:14:00Z');
    act('organizations:ListAccounts');
    sim.advance('30s');
    const created = act('organizations:CreateAccount', { accountName: 'prod-backup-02', email: 'aws-backup-02@acme-corp-mail.com', roleName: 'OrganizationAccountAccessRole' });
    const status = created.responseElements?.createAccountStatus as { id: string };
    sim.advance('10s');
    act('organizations:DescribeCreateAccountStatus', { createAccountRequestId: status.id });
    sim.advance('3m25s');
    recordCreateAccountResult(sim, { managementAccountId: mgmt.id, requestId: status.id, accountId: newAccountId, requestedAt: Date.parse(created.eventTime) });
    sim.advance('2m');
    act('sts:AssumeRole', { roleArn: `arn:aws:iam::${newAccountId}:role/OrganizationAccountAccessRole`, roleSessionName: 'setup' });

    sim.advanceTo('2026-05-18T14:00:00Z');
    answer('Which accounts were created, and by whom?', [...trace(sim, ip), ...sim.records({ eventName: 'CreateAccountResult' }).map((r) => `${r.eventTime} CreateAccountResult ${JSON.stringify(r.serviceEventDetails)}`)]);
  },
});
