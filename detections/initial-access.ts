/** Example detections: initial access (root sign-ins, sign-ins and calls from outside). */
import type { CloudTrailRecord } from 'trailsim';

export default [
  {
    id: 'aws-root-console-login',
    title: 'Root user signed in to the console',
    description: 'A successful ConsoleLogin by the root user; day-to-day work never needs it. After Panther AWS.Console.RootLogin.',
    techniques: ['T1078.004'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'signin.amazonaws.com' && r.eventName === 'ConsoleLogin' && r.userIdentity?.type === 'Root' && (r.responseElements as { ConsoleLogin?: string } | null | undefined)?.ConsoleLogin === 'Success',
  },
  {
    id: 'aws-role-assumed-from-another-account',
    title: 'Role assumed by another account with an external id (third-party access)',
    description: "The role owner's copy of a cross-account AssumeRole (the caller shown as AWSAccount) that carries an externalId: the way AWS tells third parties (vendors, SaaS integrations) to assume a customer's role. The organization's own cross-account automation needs no external id and stays quiet; a production rule also allow-lists its known vendors.",
    techniques: ['T1199', 'T1078.004'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'sts.amazonaws.com' && r.eventName === 'AssumeRole' && r.errorCode === undefined && r.userIdentity?.type === 'AWSAccount' && r.userIdentity.accountId !== undefined && r.userIdentity.accountId !== r.recipientAccountId && typeof r.requestParameters?.externalId === 'string',
  },
];
