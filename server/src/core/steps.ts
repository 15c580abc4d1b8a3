/**
 * A computation in steps is a generator that yields between them: the language server lets other
 * messages (hovers) in at each yield while it finishes a big document, and everyone else runs it
 * straight through with this. One implementation serves both, so the two cannot drift apart.
 */
export type Steps<T> = Generator<void, T, void>;

/** Runs the steps to the end and returns their result. */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
