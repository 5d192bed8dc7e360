/**
 * MITRE ATT&CK (Enterprise, Cloud/IaaS) facts the matrix needs: tactic order, and each
 * technique's name and tactics. A playbook lists its techniques and tactics separately, so
 * which tactic column a technique belongs to comes from ATT&CK itself
 * (https://attack.mitre.org/matrices/enterprise/cloud/iaas/); a technique not in this table
 * is placed under every tactic of the playbooks that list it.
 */

/** True when technique `id` is `want` or, for a technique `want` (`T1098`), one of its sub-techniques (`T1098.001`). */
export function matchesTechnique(id: string, want: string): boolean {
  return id === want || id.startsWith(`${want}.`);
}

/** Tactics in the matrix's column order (ATT&CK's kill-chain order). */
export const TACTIC_ORDER: readonly string[] = [
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'defense-evasion',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
];

type T = readonly [name: string, tactics: readonly string[]];
const PE = ['persistence', 'privilege-escalation'];
const VALID = ['initial-access', 'persistence', 'privilege-escalation', 'defense-evasion'];

const TECHNIQUES: Record<string, T> = {
  T1078: ['Valid Accounts', VALID],
  'T1078.001': ['Default Accounts', VALID],
  'T1078.004': ['Cloud Accounts', VALID],
  T1098: ['Account Manipulation', PE],
  'T1098.001': ['Additional Cloud Credentials', PE],
  'T1098.003': ['Additional Cloud Roles', PE],
  'T1098.004': ['SSH Authorized Keys', PE],
  T1136: ['Create Account', ['persistence']],
  'T1136.003': ['Cloud Account', ['persistence']],
  T1190: ['Exploit Public-Facing Application', ['initial-access']],
  T1199: ['Trusted Relationship', ['initial-access']],
  T1133: ['External Remote Services', ['initial-access', 'persistence']],
  T1566: ['Phishing', ['initial-access']],
  T1110: ['Brute Force', ['credential-access']],
  'T1110.001': ['Password Guessing', ['credential-access']],
  'T1110.003': ['Password Spraying', ['credential-access']],
  'T1110.004': ['Credential Stuffing', ['credential-access']],
  T1528: ['Steal Application Access Token', ['credential-access']],
  T1539: ['Steal Web Session Cookie', ['credential-access']],
  T1552: ['Unsecured Credentials', ['credential-access']],
  'T1552.001': ['Credentials In Files', ['credential-access']],
  'T1552.004': ['Private Keys', ['credential-access']],
  'T1552.005': ['Cloud Instance Metadata API', ['credential-access']],
  T1555: ['Credentials from Password Stores', ['credential-access']],
  'T1555.006': ['Cloud Secrets Management Stores', ['credential-access']],
  T1606: ['Forge Web Credentials', ['credential-access']],
  'T1606.002': ['SAML Tokens', ['credential-access']],
  T1621: ['Multi-Factor Authentication Request Generation', ['credential-access']],
  T1556: ['Modify Authentication Process', ['credential-access', 'defense-evasion', 'persistence']],
  'T1556.006': ['Multi-Factor Authentication', ['credential-access', 'defense-evasion', 'persistence']],
  'T1556.007': ['Hybrid Identity', ['credential-access', 'defense-evasion', 'persistence']],
  T1550: ['Use Alternate Authentication Material', ['defense-evasion', 'lateral-movement']],
  'T1550.001': ['Application Access Token', ['defense-evasion', 'lateral-movement']],
  T1562: ['Impair Defenses', ['defense-evasion']],
  'T1562.001': ['Disable or Modify Tools', ['defense-evasion']],
  'T1562.007': ['Disable or Modify Cloud Firewall', ['defense-evasion']],
  'T1562.008': ['Disable or Modify Cloud Logs', ['defense-evasion']],
  T1070: ['Indicator Removal', ['defense-evasion']],
  T1535: ['Unused/Unsupported Cloud Regions', ['defense-evasion']],
  T1564: ['Hide Artifacts', ['defense-evasion']],
  'T1564.008': ['Email Hiding Rules', ['defense-evasion']],
  T1578: ['Modify Cloud Compute Infrastructure', ['defense-evasion']],
  'T1578.001': ['Create Snapshot', ['defense-evasion']],
  'T1578.002': ['Create Cloud Instance', ['defense-evasion']],
  'T1578.003': ['Delete Cloud Instance', ['defense-evasion']],
  'T1578.004': ['Revert Cloud Instance', ['defense-evasion']],
  'T1578.005': ['Modify Cloud Compute Configurations', ['defense-evasion']],
  T1666: ['Modify Cloud Resource Hierarchy', ['defense-evasion']],
  T1484: ['Domain or Tenant Policy Modification', ['defense-evasion', 'privilege-escalation']],
  'T1484.002': ['Trust Modification', ['defense-evasion', 'privilege-escalation']],
  T1548: ['Abuse Elevation Control Mechanism', ['privilege-escalation', 'defense-evasion']],
  'T1548.005': ['Temporary Elevated Cloud Access', ['privilege-escalation', 'defense-evasion']],
  T1059: ['Command and Scripting Interpreter', ['execution']],
  'T1059.009': ['Cloud API', ['execution']],
  T1648: ['Serverless Execution', ['execution']],
  T1651: ['Cloud Administration Command', ['execution']],
  T1204: ['User Execution', ['execution']],
  T1609: ['Container Administration Command', ['execution']],
  T1610: ['Deploy Container', ['defense-evasion', 'execution']],
  T1053: ['Scheduled Task/Job', ['execution', 'persistence', 'privilege-escalation']],
  'T1053.007': ['Container Orchestration Job', ['execution', 'persistence', 'privilege-escalation']],
  T1525: ['Implant Internal Image', ['persistence']],
  T1546: ['Event Triggered Execution', PE],
  T1505: ['Server Software Component', ['persistence']],
  T1554: ['Compromise Host Software Binary', ['persistence']],
  T1580: ['Cloud Infrastructure Discovery', ['discovery']],
  T1526: ['Cloud Service Discovery', ['discovery']],
  T1538: ['Cloud Service Dashboard', ['discovery']],
  T1087: ['Account Discovery', ['discovery']],
  'T1087.004': ['Cloud Account', ['discovery']],
  T1069: ['Permission Groups Discovery', ['discovery']],
  'T1069.003': ['Cloud Groups', ['discovery']],
  T1082: ['System Information Discovery', ['discovery']],
  T1201: ['Password Policy Discovery', ['discovery']],
  T1046: ['Network Service Discovery', ['discovery']],
  T1518: ['Software Discovery', ['discovery']],
  T1613: ['Container and Resource Discovery', ['discovery']],
  T1619: ['Cloud Storage Object Discovery', ['discovery']],
  T1021: ['Remote Services', ['lateral-movement']],
  'T1021.004': ['SSH', ['lateral-movement']],
  'T1021.007': ['Cloud Services', ['lateral-movement']],
  T1072: ['Software Deployment Tools', ['execution', 'lateral-movement']],
  T1534: ['Internal Spearphishing', ['lateral-movement']],
  T1530: ['Data from Cloud Storage', ['collection']],
  T1119: ['Automated Collection', ['collection']],
  T1074: ['Data Staged', ['collection']],
  T1213: ['Data from Information Repositories', ['collection']],
  T1114: ['Email Collection', ['collection']],
  'T1114.003': ['Email Forwarding Rule', ['collection']],
  T1090: ['Proxy', ['command-and-control']],
  T1105: ['Ingress Tool Transfer', ['command-and-control']],
  T1537: ['Transfer Data to Cloud Account', ['exfiltration']],
  T1567: ['Exfiltration Over Web Service', ['exfiltration']],
  T1048: ['Exfiltration Over Alternative Protocol', ['exfiltration']],
  T1485: ['Data Destruction', ['impact']],
  'T1485.001': ['Lifecycle-Triggered Deletion', ['impact']],
  T1486: ['Data Encrypted for Impact', ['impact']],
  T1490: ['Inhibit System Recovery', ['impact']],
  T1496: ['Resource Hijacking', ['impact']],
  'T1496.001': ['Compute Hijacking', ['impact']],
  'T1496.004': ['Cloud Service Hijacking', ['impact']],
  T1498: ['Network Denial of Service', ['impact']],
  T1499: ['Endpoint Denial of Service', ['impact']],
  T1531: ['Account Access Removal', ['impact']],
  T1565: ['Data Manipulation', ['impact']],
  T1491: ['Defacement', ['impact']],
  T1657: ['Financial Theft', ['impact']],
  T1583: ['Acquire Infrastructure', ['resource-development']],
  T1585: ['Establish Accounts', ['resource-development']],
  T1586: ['Compromise Accounts', ['resource-development']],
  T1588: ['Obtain Capabilities', ['resource-development']],
  T1595: ['Active Scanning', ['reconnaissance']],
  T1589: ['Gather Victim Identity Information', ['reconnaissance']],
};

/** A technique's name (sub-techniques as `Parent: Sub`), or undefined when not in the table. */
export function techniqueName(id: string): string | undefined {
  const own = TECHNIQUES[id];
  const dot = id.indexOf('.');
  if (dot < 0) return own?.[0];
  const parent = TECHNIQUES[id.slice(0, dot)];
  if (own && parent) return `${parent[0]}: ${own[0]}`;
  return own?.[0] ?? parent?.[0];
}

/** The ATT&CK tactics of a technique (a sub-technique's own, else its parent's), or undefined when not in the table. */
export function techniqueTactics(id: string): readonly string[] | undefined {
  return TECHNIQUES[id]?.[1] ?? TECHNIQUES[id.split('.')[0]]?.[1];
}

/** Sorts tactic names in kill-chain order; tactics ATT&CK does not list come last, alphabetically. */
export function compareTactics(a: string, b: string): number {
  const ia = TACTIC_ORDER.indexOf(a);
  const ib = TACTIC_ORDER.indexOf(b);
  if (ia >= 0 && ib >= 0) return ia - ib;
  if (ia >= 0) return -1;
  if (ib >= 0) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
