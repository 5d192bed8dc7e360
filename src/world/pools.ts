import type { Random } from '../core/random.js';

/**
 * Per-event variation pools. Faker builds the world once; per-event values (IPs, user
 * agents, TLS suites) are drawn from these precomputed lists with a cheap seeded stream.
 */

export const CLI_USER_AGENTS = [
  'aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-aws exe/x86_64.ubuntu.22 prompt/off command/',
  'aws-cli/2.17.5 Python/3.11.9 Darwin/23.5.0 exe/x86_64 prompt/off command/',
  'aws-cli/1.33.12 Python/3.10.12 Linux/5.15.0-1061-aws botocore/1.34.130',
  'Boto3/1.34.130 md/Botocore#1.34.130 ua/2.0 os/linux#5.15.0 md/arch#x86_64 lang/python#3.11.9 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.130',
  'aws-sdk-go-v2/1.30.1 os/linux lang/go#1.22.4 md/GOOS#linux md/GOARCH#amd64',
  'aws-sdk-js/3.600.0 ua/2.1 os/linux#5.15.0 lang/js md/nodejs#20.15.0 api/',
  'aws-sdk-java/2.26.7 Linux/5.10.219-208.866.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.11+9-LTS Java/17.0.11 vendor/Amazon.com_Inc. exec-env/AWS_ECS_FARGATE io/sync http/Apache cfg/retry-mode/standard',
] as const;

export const TERRAFORM_USER_AGENTS = [
  'APN/1.0 HashiCorp/1.0 Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-aws/5.56.1 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.30.1 os/linux lang/go#1.22.4 md/GOOS#linux md/GOARCH#amd64',
] as const;

export const CONSOLE_USER_AGENTS = [
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36',
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.0.0',
  'Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
] as const;

export const TLS_SUITES = [
  ['TLSv1.3', 'TLS_AES_128_GCM_SHA256'],
  ['TLSv1.3', 'TLS_AES_256_GCM_SHA384'],
  ['TLSv1.2', 'ECDHE-RSA-AES128-GCM-SHA256'],
] as const;

/** A public IPv4 address outside reserved ranges. */
export function publicIPv4(rng: Random): string {
  for (;;) {
    const a = rng.range(3, 223);
    if (a === 10 || a === 100 || a === 127 || a === 169 || a === 172 || a === 192 || a === 198) continue;
    return `${a}.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(1, 254)}`;
  }
}

/** A private (VPC) IPv4 address. */
export function privateIPv4(rng: Random): string {
  return `10.${rng.range(0, 255)}.${rng.range(0, 255)}.${rng.range(4, 254)}`;
}
