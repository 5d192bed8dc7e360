/**
 * Playbook: KMS ransomware with imported key material (MITRE T1486; the "KMS external key
 * material" ransomware pattern described by Rhino Security Labs and in AWS's own guidance).
 *
 * With a leaked administrator key, the attacker creates a KMS key with origin `EXTERNAL`,
 * fetches the import parameters, imports key material only they hold, re-encrypts data keys
 * under it, and later deletes the imported key material: everything encrypted under the key
 * is unreadable until the victim pays for the material.
 *
 * Detection: Sigma 1279262f (KMS Imported Key Material Usage) fires on ImportKeyMaterial and
 * DeleteImportedKeyMaterial.
 */
import { defineScenario, type CallOptions, type JsonObject } from 'trailsim';

const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';

export default defineScenario({
  name: 'attack-kms-imported-key-ransomware',
  description: 'A leaked admin key creates an EXTERNAL-origin KMS key, imports attacker-held key material, re-encrypts data keys, then deletes the material.',
  title: 'Ransomware with an imported-key-material KMS key',
  attack: { techniques: ['T1486'], tactics: ['impact'] },
  references: [
    'https://attack.mitre.org/techniques/T1486/',
    'https://rhinosecuritylabs.com/aws/s3-ransomware-part-1-attack-vector/',
    'https://docs.aws.amazon.com/kms/latest/developerguide/importing-keys.html',
  ],
  seed: 4138,
  start: '2026-04-15T06:00:00Z',
  targets: ['1279262f-1464-422f-ac0d-5b545320c526'],
  run({ sim, log, answer }) {
    const ATTACKER_IP = sim.attackerIp('attacker');
    const acct = sim.addAccount({ name: 'prod', alias: 'acme-prod', regions: ['us-east-1'] });
    sim.addTraffic({ rate: '120/h' });
    const admin = acct.iamUser('kms-admin');
    const act = (op: string, params?: JsonObject, opts: CallOptions = {}) => sim.call(admin, op, params, { sourceIPAddress: ATTACKER_IP, userAgent: BOTO, ...opts });
    const victimKey = acct.resources('AWS::KMS::Key', 'us-east-1')[0]?.arn ?? `arn:aws:kms:us-east-1:${acct.id}:key/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e`;
    log(`account ${acct.id}; attacker uses ${admin.arn} from ${ATTACKER_IP}`);

    sim.advanceTo('2026-04-15T10:25:00Z');
    act('kms:ListKeys');
    sim.advance('30s');
    const created = act('kms:CreateKey', { description: 'backup encryption key', keyUsage: 'ENCRYPT_DECRYPT', keySpec: 'SYMMETRIC_DEFAULT', origin: 'EXTERNAL' });
    const keyArn = String((created.responseElements?.keyMetadata as { arn?: string } | undefined)?.arn);
    sim.advance('10s');
    act('kms:GetParametersForImport', { keyId: keyArn, wrappingAlgorithm: 'RSAES_OAEP_SHA_256', wrappingKeySpec: 'RSA_2048' });
    sim.advance('40s');
    act('kms:ImportKeyMaterial', { keyId: keyArn, expirationModel: 'KEY_MATERIAL_DOES_NOT_EXPIRE' });
    for (let i = 0; i < 5; i++) {
      sim.advance('3s');
      act('kms:ReEncrypt', { destinationKeyId: keyArn, sourceKeyId: victimKey, sourceEncryptionAlgorithm: 'SYMMETRIC_DEFAULT', destinationEncryptionAlgorithm: 'SYMMETRIC_DEFAULT' });
    }
    sim.advanceTo('2026-04-15T12:40:00Z');
    act('kms:DeleteImportedKeyMaterial', { keyId: keyArn });

    sim.advanceTo('2026-04-15T15:00:00Z');
    answer(
      'What did the attacker do with KMS?',
      sim.records().filter((r) => r.sourceIPAddress === ATTACKER_IP).map((r) => `${r.eventTime} ${r.eventName}`),
    );
  },
});
