import { defineService, type OpDef } from '../define.js';

/**
 * Sign-in events about credentials rather than sessions: the root user's `PasswordUpdated`
 * (a root user changing or resetting the password from the console's security-credentials
 * page or the "forgot password" flow). CloudTrail logs it like the other console sign-in
 * events: eventSource `signin.amazonaws.com`, eventType `AwsConsoleSignIn`, in us-east-1,
 * `requestParameters: null`, `responseElements {PasswordUpdated: "Success"}`, no requestID,
 * the root identity without an access key (CloudTrail UG, "AWS Management Console sign-in
 * events"; the shape of Panther's AWS.CloudTrail.RootPasswordChanged test events).
 */
const defs: OpDef[] = [
  {
    name: 'PasswordUpdated',
    readOnly: false,
    request: () => null,
    response: () => ({ PasswordUpdated: 'Success' }),
  },
];

export const SIGNIN_PASSWORD_OPERATIONS = defineService(
  { service: 'signin', eventSource: 'signin.amazonaws.com', global: true, requestIdStyle: 'none', host: () => 'signin.aws.amazon.com' },
  defs.map((d) => ({ ...d, eventType: 'AwsConsoleSignIn' as const })),
);
