/** Example detections: discovery with stolen keys. */
import type { CloudTrailRecord } from 'trailsim';

const longTermUser = (r: CloudTrailRecord) => r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined;

export default [
  {
    id: 'aws-ses-sending-probe',
    title: 'SES sending capability checked with a long-term key',
    description: 'GetAccountSendingEnabled, GetSendQuota or GetIdentityVerificationAttributes by an IAM user key: the checks spam crews run on every leaked key. After Panther AWS.CloudTrail.SES.CheckSESSendingEnabled / CheckSendQuota / CheckIdentityVerifications.',
    techniques: ['T1526', 'T1496.004'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ses.amazonaws.com' && ['GetAccountSendingEnabled', 'GetSendQuota', 'GetIdentityVerificationAttributes'].includes(r.eventName ?? '') && longTermUser(r),
  },
  {
    id: 'aws-iam-authorization-details-dumped',
    title: 'Whole IAM configuration downloaded with a long-term key',
    description: 'GetAccountAuthorizationDetails (every user, group, role and policy in one call) by an IAM user key: the first call of Pacu, ScoutSuite-style and attacker tooling.',
    techniques: ['T1087.004', 'T1069.003'],
    match: (r: CloudTrailRecord) => r.eventSource === 'iam.amazonaws.com' && r.eventName === 'GetAccountAuthorizationDetails' && longTermUser(r),
  },
  {
    id: 'aws-security-tooling-enumerated-by-user',
    title: 'Security tooling configuration read with a long-term key',
    description: 'GuardDuty ListDetectors/GetDetector, Security Hub DescribeHub, CloudTrail GetEventSelectors or Config DescribeConfigurationRecorders by an IAM user key: checking what watches the account.',
    techniques: ['T1518.001', 'T1654'],
    match: (r: CloudTrailRecord) =>
      longTermUser(r) &&
      ((r.eventSource === 'guardduty.amazonaws.com' && (r.eventName === 'ListDetectors' || r.eventName === 'GetDetector')) ||
        (r.eventSource === 'securityhub.amazonaws.com' && r.eventName === 'DescribeHub') ||
        (r.eventSource === 'cloudtrail.amazonaws.com' && (r.eventName === 'GetEventSelectors' || r.eventName === 'GetInsightSelectors')) ||
        (r.eventSource === 'config.amazonaws.com' && r.eventName === 'DescribeConfigurationRecorders')),
  },
  {
    id: 'aws-eks-enumerated-by-long-term-key',
    title: 'EKS clusters or access entries enumerated with a long-term key',
    description: 'EKS ListClusters, DescribeCluster or ListAccessEntries by an IAM user key: people and pipelines reach Kubernetes through roles.',
    techniques: ['T1613'],
    match: (r: CloudTrailRecord) => r.eventSource === 'eks.amazonaws.com' && ['ListClusters', 'DescribeCluster', 'ListAccessEntries'].includes(r.eventName ?? '') && longTermUser(r),
  },
];
