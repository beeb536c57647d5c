/** The steps of a diagnosis, in the order a request meets them. */
export const DOCTOR_STEPS = ['lookup', 'decrypt', 'network', 'authentication', 'schema', 'pool'] as const;
export type DoctorStepName = (typeof DOCTOR_STEPS)[number];

/** `skipped`: an earlier step failed, so this one could not be tried. */
export type DoctorStepStatus = 'ok' | 'failed' | 'skipped';

/** One step of a diagnosis. Nothing in it ever holds the datasource URL, a password or a key. */
export interface DoctorStep {
  name: DoctorStepName;
  status: DoctorStepStatus;
  /** Wall time of the step in milliseconds (0 when skipped). */
  ms: number;
  /** What was found, e.g. `tenant acme on datasource acme-db (DEDICATED)`. */
  detail: string;
  /** What to do about a failure; null when the step is ok or skipped. */
  hint: string | null;
}

/** The diagnosis of one tenant's path from the control plane to its database. */
export interface DoctorReport {
  tenant: string;
  ok: boolean;
  /** The first step that failed, or null when all are ok. */
  failedStep: DoctorStepName | null;
  steps: DoctorStep[];
}

/** What a step function returns; the runner adds the name and the latency. */
export interface StepOutcome {
  ok: boolean;
  detail: string;
  hint?: string;
}

/** A failed step's outcome. */
export const failed = (detail: string, hint: string): StepOutcome => ({ ok: false, detail, hint });

/** A passed step's outcome. */
export const passed = (detail: string): StepOutcome => ({ ok: true, detail });
