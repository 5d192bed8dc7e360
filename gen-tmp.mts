import { writeFileSync } from 'node:fs';
import { createSimulation } from './src/simulation.js';
import { DEFAULT_PERSONAS } from './src/activity/persona.js';
const sim = createSimulation({ seed: 3, start: '2026-03-02T00:00:00Z' });
sim.addAccount({ name: 'prod', regions: ['us-east-1', 'eu-west-1'] });
sim.addAccount({ name: 'dev', regions: ['us-east-1', 'eu-west-1'] });
const ops: [string, number][] = [
  ['ec2:RunInstances', 2], ['ec2:TerminateInstances', 2], ['ec2:StopInstances', 2], ['ec2:DescribeInstanceAttribute', 3], ['ec2:ModifyInstanceAttribute', 1],
  ['ec2:CreateSecurityGroup', 1], ['ec2:AuthorizeSecurityGroupIngress', 2], ['ec2:DeleteSecurityGroup', 1], ['ec2:CreateSnapshot', 1], ['ec2:DeleteSnapshot', 1],
  ['rds:CreateDBInstance', 1], ['rds:ModifyDBInstance', 2], ['rds:DeleteDBInstance', 1], ['rds:RestoreDBInstanceFromDBSnapshot', 1], ['rds:CreateDBCluster', 1], ['rds:DeleteDBCluster', 1],
  ['dynamodb:CreateTable', 1], ['dynamodb:DescribeTable', 2], ['dynamodb:DeleteTable', 1],
  ['iam:CreateUser', 1], ['iam:GetUser', 2], ['iam:DeleteUser', 1], ['iam:CreateRole', 1], ['iam:GetRole', 2], ['iam:DeleteRole', 1],
  ['s3:CreateBucket', 1], ['s3:DeleteBucket', 1], ['s3:CopyObject', 1], ['kms:CreateKey', 1], ['kms:DescribeKey', 2], ['kms:ScheduleKeyDeletion', 1], ['kms:Decrypt', 2],
  ['lambda:CreateFunction', 1], ['lambda:GetFunction', 2], ['lambda:DeleteFunction', 1], ['cloudtrail:CreateTrail', 1], ['cloudtrail:DeleteTrail', 1], ['cloudtrail:GetTrailStatus', 1],
  ['secretsmanager:CreateSecret', 1], ['secretsmanager:DeleteSecret', 1], ['sns:CreateTopic', 1], ['sns:DeleteTopic', 1], ['sqs:CreateQueue', 1], ['sqs:DeleteQueue', 1], ['logs:CreateLogGroup', 1], ['logs:DeleteLogGroup', 1],
  ['access-analyzer:CreateAnalyzer', 1], ['access-analyzer:GetAnalyzer', 2], ['access-analyzer:DeleteAnalyzer', 1], ['ecr:CreateRepository', 1], ['ecr:DeleteRepository', 1], ['codebuild:DeleteProject', 1], ['sagemaker:DescribeNotebookInstance', 1],
];
sim.addTraffic({ rate: '200/h', personas: [...DEFAULT_PERSONAS, { name: 'builder', weight: 40, identity: { kind: 'role-session', roleName: 'deployer', sessionPrefix: 'd', sessionHours: 1 }, operations: ops, errorRate: 0.05 }] });
const lines: string[] = [];
sim.onRecord((r) => lines.push(JSON.stringify(r)));
const t0 = performance.now();
sim.advance('2d');
console.log(lines.length, 'records', Math.round(performance.now() - t0), 'ms');
writeFileSync('/tmp/er-gen2.jsonl', lines.join('\n') + '\n');
