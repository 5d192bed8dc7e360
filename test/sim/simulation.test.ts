import { describe, expect, it } from 'vitest';
import { createSimulation, shardOf } from '../../src/simulation.js';
import { InvalidAccountIdError, UnknownOperationError, InvalidDurationError, TrailsimInputError } from '../../src/core/errors.js';
import { RECORD_KEY_ORDER } from '../../src/record/types.js';

function basic(seed = 1) {
  const sim = createSimulation({ seed, start: '2026-03-01T09:00:00Z' });
  const prod = sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
  return { sim, prod };
}

describe('Simulation: direct calls', () => {
  it('records a call by an IAM user with the fields, formats and key order CloudTrail writes', () => {
    const { sim, prod } = basic();
    const alice = prod.iamUser('alice');
    const r = sim.call(alice, 'iam:CreateUser', { userName: 'bob' });
    expect(r.eventVersion).toBe('1.11');
    expect(r.eventSource).toBe('iam.amazonaws.com');
    expect(r.eventName).toBe('CreateUser');
    expect(r.awsRegion).toBe('us-east-1');
    expect(r.eventTime).toBe('2026-03-01T09:00:00Z');
    expect(r.userIdentity).toMatchObject({ type: 'IAMUser', userName: 'alice', accountId: prod.id, arn: `arn:aws:iam::${prod.id}:user/alice` });
    expect(r.userIdentity?.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect(r.requestParameters).toMatchObject({ userName: 'bob' });
    expect(r.readOnly).toBe(false);
    expect(r.managementEvent).toBe(true);
    expect(r.eventCategory).toBe('Management');
    expect(r.recipientAccountId).toBe(prod.id);
    expect(r.errorCode).toBeUndefined();
    const keys = Object.keys(r);
    const order = keys.map((k) => RECORD_KEY_ORDER.indexOf(k as never));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('global services log in us-east-1 whatever region the call names', () => {
    const { sim, prod } = basic();
    const r = sim.call(prod.iamUser('alice'), 'iam:ListUsers', undefined, { region: 'eu-west-1' });
    expect(r.awsRegion).toBe('us-east-1');
    const ec2 = sim.call(prod.iamUser('alice'), 'ec2:DescribeInstances', undefined, { region: 'eu-west-1' });
    expect(ec2.awsRegion).toBe('eu-west-1');
  });

  it('failures carry errorCode and errorMessage and no responseElements', () => {
    const { sim, prod } = basic();
    const r = sim.call(prod.iamUser('mallory'), 'cloudtrail:StopLogging', { name: 'main' }, { error: 'AccessDenied' });
    expect(r.errorCode).toBeDefined();
    expect(r.errorMessage).toContain('is not authorized to perform');
    expect(r.responseElements).toBeNull();
    const scp = sim.call(prod.iamUser('mallory'), 'ec2:RunInstances', undefined, { error: 'SCP' });
    expect(scp.errorMessage).toMatch(/service control polic/i);
  });

  it('a failed console login has errorMessage "Failed authentication", no errorCode, and ConsoleLogin Failure', () => {
    const { sim, prod } = basic();
    const user = prod.iamUser('carol');
    const ok = sim.call(user, 'signin:ConsoleLogin');
    expect(ok.eventType).toBe('AwsConsoleSignIn');
    expect(ok.responseElements).toEqual({ ConsoleLogin: 'Success' });
    expect(ok.requestID).toBeUndefined();
    const bad = sim.call(user, 'signin:ConsoleLogin', undefined, { error: { message: 'Failed authentication' } });
    expect(bad.errorCode).toBeUndefined();
    expect(bad.errorMessage).toBe('Failed authentication');
    expect(bad.responseElements).toEqual({ ConsoleLogin: 'Failure' });
  });

  it('every userIdentity type can call', () => {
    const { sim, prod } = basic();
    const t = sim.now;
    const role = prod.role('deployer');
    const callers = [
      prod.root(),
      prod.iamUser('alice'),
      prod.iamUser('alice').consoleSession(prod.rng.fork('c'), t, true),
      role.session({ sessionName: 'ci-1', createdAt: t }),
      prod.federatedUser('fed', prod.iamUser('alice'), t),
      prod.service('lambda.amazonaws.com'),
      prod.identityCenterUser('dana'),
      prod.samlUser('erin@example.com', 'ExampleIdP'),
      prod.webIdentityUser('user-1'),
    ];
    const types = callers.map((p) => sim.call(p, 'sts:GetCallerIdentity').userIdentity?.type);
    expect(types).toEqual(['Root', 'IAMUser', 'IAMUser', 'AssumedRole', 'FederatedUser', 'AWSService', 'IdentityCenterUser', 'SAMLUser', 'WebIdentityUser']);
    const svc = sim.records({ eventName: 'GetCallerIdentity' })[5];
    expect(svc.sourceIPAddress).toBe('lambda.amazonaws.com');
    expect(svc.tlsDetails).toBeUndefined();
  });

  it('a cross-account AssumeRole is recorded in both accounts with one sharedEventID', () => {
    const { sim, prod } = basic();
    const audit = sim.addAccount({ name: 'audit' });
    const target = audit.role('OrganizationAccountAccessRole');
    const rec = sim.call(prod.iamUser('alice'), 'sts:AssumeRole', { roleArn: target.arn, roleSessionName: 'alice' });
    const all = sim.records({ eventName: 'AssumeRole' });
    expect(all).toHaveLength(2);
    expect(rec.sharedEventID).toMatch(/^[0-9a-f-]{36}$/);
    const owner = all.find((r) => r.recipientAccountId === audit.id)!;
    expect(owner.sharedEventID).toBe(rec.sharedEventID);
    expect(owner.eventID).not.toBe(rec.eventID);
    expect(owner.userIdentity).toMatchObject({ type: 'AWSAccount', accountId: prod.id });
    expect(shardOf(owner)).toEqual(shardOf(rec));
  });

  it('redacts what CloudTrail redacts and deep-merges caller params', () => {
    const { sim, prod } = basic();
    const u = prod.iamUser('alice');
    const r = sim.call(u, 'ec2:ModifyInstanceAttribute', { instanceId: 'i-0123456789abcdef0', userData: '#!/bin/sh\ncurl evil' }, { region: 'eu-west-1' });
    expect(JSON.stringify(r.requestParameters)).toContain('<sensitiveDataRemoved>');
    expect(JSON.stringify(r.requestParameters)).not.toContain('curl evil');
    const v = sim.call(u, 's3:PutBucketVersioning', { bucketName: 'b', VersioningConfiguration: { Status: 'Suspended' } });
    expect(v.requestParameters).toMatchObject({ bucketName: 'b', VersioningConfiguration: { Status: 'Suspended' } });
  });

  it('a denied AssumeRole writes requestParameters null and no resources, like the real record', () => {
    const { sim, prod } = basic();
    const r = sim.call(prod.iamUser('alice'), 'sts:AssumeRole', { roleArn: prod.role('admin').arn, roleSessionName: 'x' }, { error: 'AccessDenied' });
    expect(r.errorCode).toBe('AccessDenied');
    expect(r.requestParameters).toBeNull();
    expect(r.resources).toBeUndefined();
  });

  it('bad input throws a typed error and records nothing', () => {
    const { sim, prod } = basic();
    const alice = prod.iamUser('alice');
    sim.call(alice, 'iam:ListUsers');
    const before = sim.records().length;
    expect(() => sim.call(alice, 'iam:NoSuchOperation')).toThrow(UnknownOperationError);
    expect(() => sim.call(alice, 'nosuchservice:Foo')).toThrow(UnknownOperationError);
    expect(() => sim.call(alice, 'iam:CreateUser', {}, { error: 'NotAnErrorOfThisOperation' })).toThrow(TrailsimInputError);
    expect(() => sim.advance('soon')).toThrow(InvalidDurationError);
    expect(() => sim.addAccount({ id: '12345' })).toThrow(InvalidAccountIdError);
    expect(() => sim.addAccount({ id: prod.id })).toThrow(InvalidAccountIdError);
    expect(sim.records().length).toBe(before);
  });
});
