import type { OperationSpec } from '../types.js';
import { S3_OPERATIONS } from './s3.js';
import { IAM_OPERATIONS } from './iam.js';
import { STS_OPERATIONS } from './sts.js';
import { SIGNIN_OPERATIONS } from './signin.js';
import { SIGNIN_PASSWORD_OPERATIONS } from './signin-password.js';
import { EC2_OPERATIONS } from './ec2.js';
import { CLOUDTRAIL_OPERATIONS } from './cloudtrail.js';
import { KMS_OPERATIONS } from './kms.js';
import { LAMBDA_OPERATIONS } from './lambda.js';
import { DYNAMODB_OPERATIONS } from './dynamodb.js';
import { RDS_OPERATIONS } from './rds.js';
import { GUARDDUTY_OPERATIONS } from './guardduty.js';
import { CONFIG_OPERATIONS } from './config.js';
import { SECURITYHUB_OPERATIONS } from './securityhub.js';
import { BEDROCK_OPERATIONS } from './bedrock.js';
import { SES_OPERATIONS } from './ses.js';
import { ACCOUNT_OPERATIONS } from './account.js';
import { ECS_OPERATIONS } from './ecs.js';
import { GLUE_OPERATIONS } from './glue.js';
import { SSM_OPERATIONS } from './ssm.js';
import { SECRETSMANAGER_OPERATIONS } from './secretsmanager.js';
import { LOGS_OPERATIONS } from './logs.js';
import { ELB_OPERATIONS } from './elasticloadbalancing.js';
import { ELASTICACHE_OPERATIONS } from './elasticache.js';
import { EFS_OPERATIONS } from './efs.js';
import { EKS_OPERATIONS } from './eks.js';
import { ROUTE53DOMAINS_OPERATIONS } from './route53domains.js';
import { ROUTE53_OPERATIONS } from './route53.js';
import { SSO_OPERATIONS } from './sso.js';
import { ORGANIZATIONS_OPERATIONS } from './organizations.js';
import { SNS_OPERATIONS } from './sns.js';
import { SQS_OPERATIONS } from './sqs.js';
import { CLOUDWATCH_OPERATIONS } from './cloudwatch.js';
import { CLOUDFRONT_OPERATIONS } from './cloudfront.js';
import { ROUTE53RESOLVER_OPERATIONS } from './route53resolver.js';
import { IDENTITY_CENTER_SIGNIN_OPERATIONS } from './identity-center-signin.js';
import { ACCESS_ANALYZER_OPERATIONS, AUTOSCALING_OPERATIONS, BACKUP_OPERATIONS, CLOUDFORMATION_OPERATIONS, ECR_OPERATIONS, HEALTH_OPERATIONS, SUPPORT_OPERATIONS } from './estate-services.js';
import { COMPUTE_OPTIMIZER_OPERATIONS, EC2_INSTANCE_CONNECT_OPERATIONS, ROLESANYWHERE_OPERATIONS, XRAY_OPERATIONS } from './misc.js';

/** Every hand-tuned operation, one service file each (origin `hand`). */
export function handOperations(): OperationSpec[] {
  return [
    ...S3_OPERATIONS, ...IAM_OPERATIONS, ...STS_OPERATIONS, ...SIGNIN_OPERATIONS, ...EC2_OPERATIONS,
    ...CLOUDTRAIL_OPERATIONS, ...KMS_OPERATIONS, ...LAMBDA_OPERATIONS, ...DYNAMODB_OPERATIONS, ...RDS_OPERATIONS,
    ...GUARDDUTY_OPERATIONS, ...CONFIG_OPERATIONS, ...SECURITYHUB_OPERATIONS, ...BEDROCK_OPERATIONS, ...SES_OPERATIONS,
    ...ACCOUNT_OPERATIONS, ...ECS_OPERATIONS, ...GLUE_OPERATIONS, ...SSM_OPERATIONS, ...SECRETSMANAGER_OPERATIONS,
    ...LOGS_OPERATIONS, ...ELB_OPERATIONS, ...ELASTICACHE_OPERATIONS, ...EFS_OPERATIONS, ...EKS_OPERATIONS,
    ...ROUTE53DOMAINS_OPERATIONS, ...ROUTE53_OPERATIONS, ...SSO_OPERATIONS, ...ORGANIZATIONS_OPERATIONS,
    ...SNS_OPERATIONS, ...SQS_OPERATIONS, ...CLOUDWATCH_OPERATIONS, ...CLOUDFRONT_OPERATIONS, ...ROUTE53RESOLVER_OPERATIONS,
    ...EC2_INSTANCE_CONNECT_OPERATIONS, ...XRAY_OPERATIONS, ...COMPUTE_OPTIMIZER_OPERATIONS, ...ROLESANYWHERE_OPERATIONS,
    ...SIGNIN_PASSWORD_OPERATIONS,
    ...IDENTITY_CENTER_SIGNIN_OPERATIONS, ...CLOUDFORMATION_OPERATIONS, ...AUTOSCALING_OPERATIONS, ...BACKUP_OPERATIONS,
    ...ACCESS_ANALYZER_OPERATIONS, ...SUPPORT_OPERATIONS, ...HEALTH_OPERATIONS, ...ECR_OPERATIONS,
  ];
}
