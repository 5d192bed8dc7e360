/**
 * Rules particular to console sign-in and network-activity records
 * (cloudtrail-reference.md §1 eventType table and errorMessage row).
 */
import { since, type RecordContext } from './context.js';
import { EVENT_SOURCE, show } from './formats.js';
import { has, isObject, own, str } from './json.js';

/**
 * errorMessage of a failed ConsoleLogin that carries no errorCode: a wrong password or MFA
 * code ("Failed authentication": AWS sign-in events doc, IAM-user failure example; the
 * CloudWatch console-login alarm filters on it) or an unknown user name ("No username
 * found in supplied account", with userName HIDDEN_DUE_TO_SECURITY_REASONS, same doc).
 * Policy denials carry an errorCode (AccessDenied) and their own message (AWS sign-in
 * console-access-control doc, 2026) and are not checked against this list.
 */
export const CONSOLE_LOGIN_FAILURE_MESSAGES: ReadonlySet<string> = new Set(['Failed authentication', 'No username found in supplied account']);

export function checkConsoleSignIn(ctx: RecordContext): void {
  const { f, r } = ctx;
  const source = str(r, 'eventSource');
  if (source !== undefined && EVENT_SOURCE.test(source) && source !== 'signin.amazonaws.com') {
    f.add('consoleSignIn.eventSource', 'eventSource', `AwsConsoleSignIn eventSource is ${show(source)}; sign-in records come from signin.amazonaws.com`);
  }
  if (own(r, 'eventName') !== 'ConsoleLogin') return;

  const response = own(r, 'responseElements');
  const result = isObject(response) ? own(response, 'ConsoleLogin') : undefined;
  if (result !== 'Success' && result !== 'Failure') {
    f.add('consoleLogin.result', 'responseElements.ConsoleLogin', `ConsoleLogin responseElements.ConsoleLogin is ${show(result)}; expected "Success" or "Failure"`);
  }
  if (result === 'Success') {
    for (const k of ['errorCode', 'errorMessage']) {
      if (has(r, k)) f.add('consoleLogin.success', k, `a successful ConsoleLogin has no ${k} (found ${show(own(r, k))})`);
    }
  } else if (result === 'Failure') {
    const message = own(r, 'errorMessage');
    if (message === undefined) {
      f.add('consoleLogin.failureMessage', 'errorMessage', 'a failed ConsoleLogin has no errorMessage; expected "Failed authentication"');
    } else if (!has(r, 'errorCode') && typeof message === 'string' && !CONSOLE_LOGIN_FAILURE_MESSAGES.has(message)) {
      f.add('consoleLogin.failureMessage', 'errorMessage', `a failed ConsoleLogin without errorCode has errorMessage ${show(message)}; expected "Failed authentication" (or "No username found in supplied account")`, 'warning');
    }
  }
  const extra = own(r, 'additionalEventData');
  const mfa = isObject(extra) ? own(extra, 'MFAUsed') : undefined;
  if (mfa !== 'Yes' && mfa !== 'No') {
    f.add('consoleLogin.mfaUsed', 'additionalEventData.MFAUsed', `ConsoleLogin additionalEventData.MFAUsed is ${show(mfa)}; expected "Yes" or "No"`);
  }
}

/** Fields the documented network-activity records never carry (ref §1, AwsVpceEvent). */
const NOT_ON_NETWORK_ACTIVITY = ['userAgent', 'requestParameters', 'responseElements', 'readOnly', 'managementEvent'];
export const VPCE_DENIED_MESSAGE = 'The request was denied due to a VPC endpoint policy';

export function checkNetworkActivity(ctx: RecordContext): void {
  const { f, r } = ctx;
  for (const k of NOT_ON_NETWORK_ACTIVITY) {
    if (has(r, k)) f.add('networkActivity.extraField', k, `AwsVpceEvent (network activity) records carry no ${k}`);
  }
  if (!has(r, 'vpcEndpointId')) f.add('networkActivity.vpcEndpoint', 'vpcEndpointId', 'AwsVpceEvent record has no vpcEndpointId; network activity is recorded for a VPC endpoint');
  // vpcEndpointAccountId arrived in 1.09 with network activity events.
  if (!has(r, 'vpcEndpointAccountId') && (ctx.minor === undefined || since(ctx, 9))) {
    f.add('networkActivity.vpcEndpoint', 'vpcEndpointAccountId', 'AwsVpceEvent record has no vpcEndpointAccountId (the endpoint owner)');
  }
  if (own(r, 'errorCode') === 'VpceAccessDenied' && own(r, 'errorMessage') !== VPCE_DENIED_MESSAGE) {
    f.add('networkActivity.deniedMessage', 'errorMessage', `errorCode VpceAccessDenied comes with errorMessage "${VPCE_DENIED_MESSAGE}", found ${show(own(r, 'errorMessage'))}`);
  }
}
