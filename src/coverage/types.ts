/** The result of `coverage()`: plain JSON (what `trailsim coverage` writes as coverage.json). */

/** Marks a coverage result file, so `trailsim report` recognises it in a folder. */
export const COVERAGE_FORMAT = 'trailsim.coverage/1';

/** One detection's results. */
export interface DetectionCoverage {
  readonly id: string;
  readonly title: string;
  readonly kind: 'sigma' | 'module';
  readonly source?: string;
  readonly level?: string;
  readonly author?: string;
  readonly description?: string;
  /** ATT&CK technique ids it is written for (a Sigma rule's `attack.tNNNN` tags). */
  readonly techniques: readonly string[];
  /** False when the detection could not run (an unsupported Sigma construct): it then catches nothing. */
  readonly evaluated: boolean;
  /** Sigma constructs that stopped evaluation. */
  readonly unsupported?: readonly string[];
  /** Records on which `match` threw (counted as no match), and the first message. */
  readonly errors?: { readonly count: number; readonly first: string };
  /** Playbooks it fired on (on the playbook's own activity, not its background traffic). */
  readonly caught: readonly string[];
  /** Playbooks that expect it: the playbook lists it in `targets`, or the detection lists the playbook in `playbooks`. */
  readonly expected: readonly string[];
  /** Expected playbooks it did not catch. */
  readonly missed: readonly string[];
  /** Hits on the benign baseline: each is a false positive. */
  readonly falsePositives: {
    readonly hits: number;
    /** Per 10 000 baseline records. */
    readonly per10k: number;
    /** Per day of baseline. */
    readonly perDay: number;
    /** `eventID`s of the first few baseline records it fired on, to look at. */
    readonly sample: readonly string[];
  };
}

/** One playbook's results. */
export interface PlaybookCoverage {
  readonly name: string;
  readonly title?: string;
  readonly description?: string;
  readonly file?: string;
  readonly techniques: readonly string[];
  readonly tactics: readonly string[];
  readonly references: readonly string[];
  /** Detection ids the playbook is written to make fire. */
  readonly targets: readonly string[];
  /** Every record the run wrote. */
  readonly records: number;
  /** Records of the playbook's own activity (everything but its generated background traffic). */
  readonly activityRecords: number;
  /** Detections that fired on its activity, with their hit counts. */
  readonly caughtBy: readonly { readonly id: string; readonly hits: number }[];
  /** Expected detections that stayed silent. */
  readonly missedBy: readonly string[];
}

/** One cell of the ATT&CK matrix. */
export interface MatrixTechnique {
  readonly id: string;
  readonly name?: string;
  /** Playbooks performing the technique (under this tactic). */
  readonly playbooks: readonly string[];
  /** Of those, the ones at least one detection caught. */
  readonly caught: readonly string[];
  /** `covered`: every playbook caught; `partial`: some; `uncovered`: none. */
  readonly status: 'covered' | 'partial' | 'uncovered';
  /** Detections that caught a playbook of this technique. */
  readonly detections: readonly string[];
}

export interface MatrixTactic {
  readonly tactic: string;
  readonly techniques: readonly MatrixTechnique[];
}

export interface BaselineSummary {
  /** `generated`: background traffic trailsim generated; `records`: records the caller gave. */
  readonly source: 'generated' | 'records' | 'none';
  readonly records: number;
  readonly days: number;
  readonly accounts?: number;
  readonly regions?: readonly string[];
  readonly rate?: string | number;
  readonly seed?: number | string;
  readonly start?: string;
}

export interface CoverageResult {
  readonly format: typeof COVERAGE_FORMAT;
  readonly generator: string;
  readonly baseline: BaselineSummary;
  readonly detections: readonly DetectionCoverage[];
  readonly playbooks: readonly PlaybookCoverage[];
  readonly matrix: readonly MatrixTactic[];
  readonly totals: {
    readonly detections: number;
    readonly evaluated: number;
    /** Detections that caught at least one playbook. */
    readonly firing: number;
    readonly playbooks: number;
    /** Playbooks caught by at least one detection. */
    readonly caught: number;
    /** (detection, playbook) pairs expected but not caught. */
    readonly missed: number;
    readonly techniques: number;
    readonly techniquesCovered: number;
  };
}
