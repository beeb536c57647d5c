import cliProgress from 'cli-progress';
import Table from 'cli-table3';
import { type CliIo } from './cli-io.js';

/** A long run's progress: a bar on a terminal, one plain line per step otherwise, nothing with `--json`. */
export interface Progress {
  /** One step finished; `line` says which and how (`acme  migrated  2 applied  31 ms`). */
  tick(line: string): void;
  stop(): void;
}

/**
 * The one place commands write through, so every command honours `--json` the same way:
 * with it, stdout carries exactly one JSON document and nothing else (notes and progress stay
 * off it); without it, stdout carries the human text and tables.
 */
export class CommandOutput {
  constructor(
    private readonly io: CliIo,
    /** `--json` was given. */
    readonly json: boolean,
  ) {}

  /** Prints the command's result: `data` as JSON with `--json`, otherwise `human()`'s text. */
  result(data: unknown, human: () => string): void {
    if (this.json) {
      this.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
      return;
    }
    const text = human();
    this.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A note for the operator on stderr (never mixed into `--json` output). */
  note(line: string): void {
    this.io.stderr.write(`${line}\n`);
  }

  /** Renders rows as a summary table; cells are stringified. */
  table(head: string[], rows: (string | number | null)[][]): string {
    const table = new Table({ head, style: { head: [], border: [] } });
    table.push(...rows.map((row) => row.map((cell) => (cell === null ? '' : String(cell)))));
    return table.toString();
  }

  /** Starts a progress display over `total` steps, on stderr. */
  progress(total: number, label: string): Progress {
    if (this.json || total === 0) {
      return { tick: () => undefined, stop: () => undefined };
    }
    if (!this.io.isTTY) {
      let done = 0;
      return {
        tick: (line) => {
          done += 1;
          this.io.stderr.write(`[${done}/${total}] ${line}\n`);
        },
        stop: () => undefined,
      };
    }
    const bar = new cliProgress.SingleBar(
      // Library seam: cli-progress types `stream` as a full WriteStream; it only calls write and cursor methods.
      { stream: process.stderr, format: `${label} [{bar}] {value}/{total} {line}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0, { line: '' });
    return {
      tick: (line) => bar.increment(1, { line }),
      stop: () => bar.stop(),
    };
  }
}
