/** Example detections: defense evasion (escaping the organization, blinding logs and tools). */
import type { CloudTrailRecord } from 'trailsim';

export default [
  {
    id: 'aws-organizations-leave',
    title: 'Account tried to leave its AWS organization',
    description: 'LeaveOrganization, successful or not: an account outside the organization escapes its SCPs and organization trail. After Panther AWS.CloudTrail.AttemptToLeaveOrg.',
    techniques: ['T1666', 'T1562.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'organizations.amazonaws.com' && r.eventName === 'LeaveOrganization',
  },
  {
    id: 'aws-bedrock-invocation-logging-tampering',
    title: 'Bedrock model invocation logging read or deleted by a long-term key',
    description: 'DeleteModelInvocationLoggingConfiguration by anyone, or GetModelInvocationLoggingConfiguration by an IAM user key: LLMjacking checks whether prompts are logged. After Panther AWS.Bedrock.DeleteModelInvocationLoggingConfiguration.',
    techniques: ['T1562.008', 'T1496.004'],
    match: (r: CloudTrailRecord) =>
      r.eventSource === 'bedrock.amazonaws.com' && (r.eventName === 'DeleteModelInvocationLoggingConfiguration' || (r.eventName === 'GetModelInvocationLoggingConfiguration' && r.userIdentity?.type === 'IAMUser' && r.userIdentity.sessionContext === undefined)),
  },
  {
    id: 'aws-logs-log-group-deleted',
    title: 'CloudWatch Logs log group or stream deleted by a person',
    description: 'DeleteLogGroup / DeleteLogStream by an IAM user or root: retention handles routine clean-up.',
    techniques: ['T1562.008', 'T1070'],
    match: (r: CloudTrailRecord) => r.eventSource === 'logs.amazonaws.com' && (r.eventName === 'DeleteLogGroup' || r.eventName === 'DeleteLogStream') && r.errorCode === undefined && (r.userIdentity?.type === 'IAMUser' || r.userIdentity?.type === 'Root'),
  },
  {
    id: 'aws-security-service-disabled',
    title: 'Security service disabled or paused (Security Hub, Inspector, Macie, Detective, Access Analyzer)',
    description: 'DisableSecurityHub, inspector2 Disable, Macie paused or disabled, Detective graph or Access Analyzer analyzer deleted. After Panther AWS.Macie.Evasion.',
    techniques: ['T1562.001'],
    match: (r: CloudTrailRecord) => {
      if (r.errorCode !== undefined) return false;
      switch (r.eventSource) {
        case 'securityhub.amazonaws.com': return r.eventName === 'DisableSecurityHub';
        case 'inspector2.amazonaws.com': return r.eventName === 'Disable';
        case 'macie2.amazonaws.com': return r.eventName === 'DisableMacie' || (r.eventName === 'UpdateMacieSession' && r.requestParameters?.status === 'PAUSED');
        case 'detective.amazonaws.com': return r.eventName === 'DeleteGraph';
        case 'access-analyzer.amazonaws.com': return r.eventName === 'DeleteAnalyzer';
        default: return false;
      }
    },
  },
  {
    id: 'aws-waf-web-acl-disassociated',
    title: 'WAF web ACL disassociated or deleted',
    description: 'wafv2 / waf-regional DisassociateWebACL or DeleteWebACL: the resource behind it loses its filtering. After Panther AWS.WAF.Disassociation.',
    techniques: ['T1562.007'],
    match: (r: CloudTrailRecord) => (r.eventSource === 'wafv2.amazonaws.com' || r.eventSource === 'waf-regional.amazonaws.com') && (r.eventName === 'DisassociateWebACL' || r.eventName === 'DeleteWebACL') && r.errorCode === undefined,
  },
  {
    id: 'aws-config-rule-deleted',
    title: 'AWS Config rule or conformance pack deleted',
    description: 'DeleteConfigRule / DeleteConformancePack / DeleteOrganizationConfigRule: compliance checks stop while the recorder runs.',
    techniques: ['T1562.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'config.amazonaws.com' && ['DeleteConfigRule', 'DeleteConformancePack', 'DeleteOrganizationConfigRule'].includes(r.eventName ?? '') && r.errorCode === undefined,
  },
  {
    id: 'aws-ec2-user-data-modified',
    title: 'EC2 instance user data (boot script) replaced',
    description: 'ModifyInstanceAttribute carrying userData, in either record shape: requestParameters.userData (the UserData parameter the CLI and SDKs send) or attribute = userData (the generic Attribute/Value form the SigmaHQ rule expects). After Panther AWS.EC2.Startup.Script.Change.',
    techniques: ['T1059.009'],
    match: (r: CloudTrailRecord) => r.eventSource === 'ec2.amazonaws.com' && r.eventName === 'ModifyInstanceAttribute' && r.errorCode === undefined && (r.requestParameters?.userData !== undefined || r.requestParameters?.attribute === 'userData'),
  },
  {
    id: 'aws-route53-domain-transfer',
    title: 'Route 53 domain transfer lock disabled or domain transferred away',
    description: 'route53domains DisableDomainTransferLock, TransferDomainToAnotherAwsAccount or TransferDomain out, matched on the eventSource Route 53 Domains really logs (route53domains.amazonaws.com).',
    techniques: ['T1584.001'],
    match: (r: CloudTrailRecord) => r.eventSource === 'route53domains.amazonaws.com' && ['DisableDomainTransferLock', 'TransferDomainToAnotherAwsAccount', 'RetrieveDomainAuthCode'].includes(r.eventName ?? '') && r.errorCode === undefined,
  },
];
