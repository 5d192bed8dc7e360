/**
 * Shared pieces of the attack playbooks (files starting with `_` are not scenarios): the
 * tools' user agents real attacks show, an `actor` that makes calls from the attacker's
 * address with the tool's user agent, and the usual account with background traffic.
 * Playbooks use only trailsim's public API, so they run on any estate.
 */
import type { Account, CallOptions, CloudTrailRecord, JsonObject, Principal, Simulation } from 'trailsim';

/** AWS CLI v2 on an attacker's Linux VPS; `command/<svc>.<verb>` as the CLI writes it. */
export const CLI = (command: string): string => `aws-cli/2.15.30 Python/3.11.8 Linux/6.5.0-1016-azure exe/x86_64.ubuntu.22 prompt/off command/${command}`;
/** boto3 scripts (Pacu, custom tooling). */
export const BOTO = 'Boto3/1.34.34 md/Botocore#1.34.34 ua/2.0 os/linux#6.1.0-18-amd64 md/arch#x86_64 lang/python#3.11.2 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.34';
/** Go tooling (enumeration scanners, miners' deployers). */
export const GO = 'aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.6 md/GOOS#linux md/GOARCH#amd64 api/';
/** A browser on the attacker's machine (console sign-ins). */
export const BROWSER = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36';

/** `iam:CreateRole` -> `iam.create-role`, as the CLI's user agent names the command. */
export function cliCommand(operation: string): string {
  const [svc, name] = operation.split(':');
  const verb = name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([A-Z])([A-Z][a-z])/g, '$1-$2').toLowerCase();
  return `${svc}.${verb}`;
}

/** A caller bound to the attacker's address and tool. */
export type Act = (operation: string, params?: JsonObject, opts?: CallOptions) => CloudTrailRecord;

/** `who` acting from `ip`; `agent` 'cli' writes the CLI user agent with the right command. */
export function actor(sim: Simulation, who: Principal, ip: string, agent: 'cli' | string = 'cli'): Act {
  return (operation, params, opts = {}) => sim.call(who, operation, params, { sourceIPAddress: ip, userAgent: agent === 'cli' ? CLI(cliCommand(operation)) : agent, ...opts });
}

/** The victim account (`prod`, alias `acme-prod` unless named otherwise) with benign background traffic. */
export function victim(sim: Simulation, opts: { name?: string; alias?: string; regions?: string[]; rate?: string } = {}): Account {
  const acct = sim.addAccount({ name: opts.name ?? 'prod', alias: opts.alias ?? 'acme-prod', regions: opts.regions ?? ['us-east-1'] });
  sim.addTraffic({ rate: opts.rate ?? "120/h" });
  return acct;
}

/** The records made from `ip`, one line each: time, caller, event, error. */
export function trace(sim: Simulation, ip: string | readonly string[]): string[] {
  const ips = typeof ip === 'string' ? [ip] : ip;
  return sim
    .records()
    .filter((r) => r.sourceIPAddress !== undefined && ips.includes(r.sourceIPAddress))
    .map((r) => `${r.eventTime} ${r.userIdentity?.arn ?? r.userIdentity?.type} ${r.eventName}${r.errorCode ? ` -> ${r.errorCode}` : ''}`);
}

/** The name of the first resource of a type, or a fallback. */
export function first(acct: Account, type: string, fallback: string, region?: string): string {
  return acct.resources(type, region)[0]?.name ?? fallback;
}

/** An account id outside the estate (the attacker's own account). */
export const ATTACKER_ACCOUNT = '731942086655';
