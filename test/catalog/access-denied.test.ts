import { describe, expect, it } from 'vitest';
import { accessDeniedError, ACCESS_DENIED_REASONS } from '../../src/catalog/access-denied.js';
import { resolveCallError } from '../../src/catalog/call-error.js';
import { defaultCatalog } from '../../src/catalog/catalog.js';
import { requestFor } from '../../src/catalog/request.js';
import { TrailsimInputError } from '../../src/core/errors.js';
import { ACCOUNT, OTHER_ACCOUNT, ROLE_SESSION, fakeContext } from './fake-world.js';

const c = defaultCatalog();
const user = `arn:aws:iam::${ACCOUNT}:user/alice`;

function denied(name: string, reason: Parameters<typeof accessDeniedError>[2], params = {}, identity = undefined as typeof ROLE_SESSION | undefined) {
  const spec = c.resolve(name);
  const ctx = fakeContext(name, { params, identity });
  return accessDeniedError(spec, ctx, reason, requestFor(spec, ctx));
}

describe('access denied', () => {
  it('query protocol (IAM, STS): AccessDenied with the resource and the policy type', () => {
    const e = denied('iam:GetRole', 'identity-policy', { roleName: 'FooBar' });
    expect(e).toEqual({ code: 'AccessDenied', message: `User: ${user} is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${ACCOUNT}:role/FooBar because no identity-based policy allows the iam:GetRole action` });
    expect(denied('iam:GetRole', 'scp', { roleName: 'FooBar' }).message).toBe(`User: ${user} is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${ACCOUNT}:role/FooBar with an explicit deny in a service control policy`);
    expect(denied('iam:GetRole', 'explicit-identity-policy').message).toMatch(/ with an explicit deny in an identity-based policy$/);
    expect(denied('iam:GetRole', 'permissions-boundary').message).toMatch(/ because no permissions boundary allows the iam:GetRole action$/);
    expect(denied('iam:GetRole', 'session-policy').message).toMatch(/ because no session policy allows the iam:GetRole action$/);
  });

  it('AssumeRole refused by the trust policy has no reason clause (real sample)', () => {
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/app-role`;
    expect(denied('sts:AssumeRole', 'resource-policy', { roleArn })).toEqual({ code: 'AccessDenied', message: `User: ${user} is not authorized to perform: sts:AssumeRole on resource: ${roleArn}` });
  });

  it('EC2: Client.UnauthorizedOperation, wildcard resource, encoded authorization message', () => {
    const e = denied('ec2:RunInstances', 'identity-policy', {}, ROLE_SESSION);
    expect(e.code).toBe('Client.UnauthorizedOperation');
    expect(e.message).toMatch(new RegExp(`^You are not authorized to perform this operation\\. User: ${ROLE_SESSION.arn!.replace(/[/.]/g, '\\$&')} is not authorized to perform: ec2:RunInstances on resource: arn:aws:ec2:eu-west-1:${ACCOUNT}:instance/\\* because no identity-based policy allows the ec2:RunInstances action\\. Encoded authorization failure message: [A-Za-z0-9_-]{300,}$`));
    expect(denied('ec2:DescribeRegions', 'scp').message).toContain('on resource: * with an explicit deny in a service control policy. Encoded authorization failure message: ');
  });

  it('S3: quoted resource within the owner account, plain "Access Denied" across accounts', () => {
    const own = denied('s3:GetObject', 'identity-policy', { bucketName: 'fake-bucket-a', key: 'a.txt' });
    expect(own).toEqual({ code: 'AccessDenied', message: `User: ${user} is not authorized to perform: s3:GetObject on resource: "arn:aws:s3:::fake-bucket-a/a.txt" because no identity-based policy allows the s3:GetObject action` });
    expect(denied('s3:ListObjectsV2', 'identity-policy', { bucketName: 'fake-bucket-a' }).message).toContain('s3:ListBucket');
    const cross = denied('s3:GetObject', 'resource-policy', { bucketName: 'fake-bucket-a-other', key: 'a.txt' });
    expect(cross).toEqual({ code: 'AccessDenied', message: 'Access Denied' });
    expect(c.resolve('s3:GetObject').resourceOwner!(fakeContext(1), { bucketName: 'fake-bucket-a-other' })).toBe(OTHER_ACCOUNT);
  });

  it('JSON protocols: AccessDeniedException, except services seen writing AccessDenied', () => {
    expect(denied('kms:Decrypt', 'identity-policy').code).toBe('AccessDeniedException');
    expect(denied('kms:Decrypt', 'identity-policy').message).toMatch(/on resource: arn:aws:kms:eu-west-1:\d{12}:key\/[0-9a-f-]+ because no identity-based policy allows the kms:Decrypt action$/);
    expect(denied('guardduty:GetDetector', 'scp').code).toBe('AccessDeniedException');
    expect(denied('lambda:ListFunctions', 'identity-policy')).toEqual({ code: 'AccessDenied', message: `User: ${user} is not authorized to perform: lambda:ListFunctions on resource: * because no identity-based policy allows the lambda:ListFunctions action` });
    expect(denied('organizations:LeaveOrganization', 'identity-policy').code).toBe('AccessDenied');
    expect(denied('lambda:Invoke', 'identity-policy').message).toContain('lambda:InvokeFunction');
    expect(denied('sqs:ListQueues', 'identity-policy').code).toBe('AccessDeniedException');
    expect(denied('sns:ListTopics', 'identity-policy').code).toBe('AccessDenied');
  });

  it('every reason produces a message for every hand-tuned operation', () => {
    for (const spec of c.list({ origin: 'hand' })) {
      for (const reason of ACCESS_DENIED_REASONS) {
        const ctx = fakeContext(spec.name);
        const e = accessDeniedError(spec, ctx, reason, requestFor(spec, ctx));
        expect(e.code).toMatch(/^(AccessDenied|AccessDeniedException|Client\.UnauthorizedOperation)$/);
        expect(e.message.length).toBeGreaterThan(10);
      }
    }
  });

  it('resolveCallError maps aliases and operation error codes', () => {
    const spec = c.resolve('s3:DeleteBucket');
    const ctx = fakeContext(1);
    const req = requestFor(spec, ctx);
    expect(resolveCallError(spec, ctx, req, 'BucketNotEmpty')).toEqual({ code: 'BucketNotEmpty', message: 'The bucket you tried to delete is not empty' });
    expect(resolveCallError(spec, ctx, req, 'SCP').message).toMatch(/explicit deny in a service control policy$/);
    expect(resolveCallError(spec, ctx, req, 'resource-policy').message).toMatch(/because no resource-based policy allows the s3:DeleteBucket action$/);
    const login = c.resolve('signin:ConsoleLogin');
    expect(resolveCallError(login, ctx, null, 'ConsoleLoginFailure')).toEqual({ message: 'Failed authentication' });
    expect(() => resolveCallError(spec, ctx, req, 'NoSuchThing')).toThrow(TrailsimInputError);
  });
});
