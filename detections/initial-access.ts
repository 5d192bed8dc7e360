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
];
