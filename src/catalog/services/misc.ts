import { defineService } from '../define.js';
import { err, pick, pstr, uuid, isoMs } from '../util.js';

/**
 * Small services seen in the real samples: EC2 Instance Connect (SendSSHPublicKey; denied
 * calls write `AccessDenied`), X-Ray and Compute Optimizer background reads, IAM Roles
 * Anywhere (trust-anchor persistence, Stratus sample).
 */

export const EC2_INSTANCE_CONNECT_OPERATIONS = defineService({ service: 'ec2-instance-connect', eventSource: 'ec2-instance-connect.amazonaws.com' }, [
  {
    name: 'SendSSHPublicKey',
    readOnly: false,
    request: (ctx) => ({ instanceId: pstr(ctx, 'instanceId') ?? pick(ctx, 'AWS::EC2::Instance').name, instanceOSUser: pstr(ctx, 'instanceOSUser') ?? ctx.rng.pick(['ec2-user', 'ubuntu']), sSHPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI' + ctx.rng.chars(43, 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/') }),
    response: (ctx) => ({ requestId: uuid(ctx.rng), success: true }),
    errors: [err('EC2InstanceNotFoundException', 'Instance not found.'), err('EC2InstanceStateInvalidException', 'Instance is not in the running state.')],
  },
]);

export const XRAY_OPERATIONS = defineService({ service: 'xray', eventSource: 'xray.amazonaws.com' }, [
  { name: 'GetSamplingRules', request: () => null },
  { name: 'GetSamplingTargets', request: () => null },
]);

export const COMPUTE_OPTIMIZER_OPERATIONS = defineService({ service: 'compute-optimizer', eventSource: 'compute-optimizer.amazonaws.com' }, [
  { name: 'GetEnrollmentStatus', request: () => null },
]);

export const ROLESANYWHERE_OPERATIONS = defineService({ service: 'rolesanywhere', eventSource: 'rolesanywhere.amazonaws.com' }, [
  {
    name: 'CreateTrustAnchor',
    request: (ctx) => ({ enabled: true, name: pstr(ctx, 'name') ?? 'onprem-ca', source: { sourceType: 'CERTIFICATE_BUNDLE', sourceData: { x509CertificateData: '-----BEGIN CERTIFICATE-----\nMIIE3zCCAsegAwIBAgIJAOZLUn/n7YvYMA0GCSqGSIb3DQEBCwUAMA0xCzAJBgNV\n-----END CERTIFICATE-----\n' } } }),
    response: (ctx, r) => { const id = uuid(ctx.rng); return { trustAnchor: { trustAnchorId: id, trustAnchorArn: `arn:${ctx.partition}:rolesanywhere:${ctx.region}:${ctx.accountId}:trust-anchor/${id}`, name: (r?.name as string | undefined) ?? '', enabled: true, createdAt: isoMs(ctx.time), updatedAt: isoMs(ctx.time) } }; },
  },
  {
    name: 'CreateProfile',
    request: (ctx) => ({ name: pstr(ctx, 'name') ?? 'onprem-profile', roleArns: [pick(ctx, 'AWS::IAM::Role').arn], durationSeconds: 3600, enabled: true }),
    response: (ctx, r) => { const id = uuid(ctx.rng); return { profile: { profileId: id, profileArn: `arn:${ctx.partition}:rolesanywhere:${ctx.region}:${ctx.accountId}:profile/${id}`, name: (r?.name as string | undefined) ?? '', roleArns: r?.roleArns ?? [], durationSeconds: 3600, enabled: true, acceptRoleSessionName: false, createdBy: ctx.identity.arn ?? '', createdAt: isoMs(ctx.time), updatedAt: isoMs(ctx.time) } }; },
  },
  { name: 'ListTrustAnchors', request: () => null },
]);
