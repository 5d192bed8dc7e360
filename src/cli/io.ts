/** Where a command writes: its output lines and its diagnostics. */
export interface CommandIO {
  out: (s: string) => void;
  err: (s: string) => void;
}
