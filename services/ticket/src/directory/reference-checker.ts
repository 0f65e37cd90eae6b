// Refuses a request that points at a customer, employee or department the directory does not know (docs/product.md
// §11.1). A reference created a moment ago may not have reached the directory yet (its owner's outbox relay and this
// service's consumer run a little behind): an unknown id is looked up again, with a short backoff, until
// `waitMs` has passed, and only then refused. Known references cost one lookup; an inactive employee is refused
// at once.
import { BadUserInputError } from '@opsgraph/domain';
import type { EntityManager } from 'typeorm';
import { DirectoryRepository } from './directory.repository';
import { mayStillAppear, referenceProblems, type Reference, type ReferenceProblem } from './directory.rules';

const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 500;

export class ReferenceChecker {
  constructor(
    private readonly manager: EntityManager,
    /** How long an unknown reference is waited for before the request is refused. */
    private readonly waitMs: number,
  ) {}

  /** Throws BAD_USER_INPUT naming the field (every field in `violations` when several are wrong). */
  async require(references: readonly Reference[]): Promise<void> {
    if (references.length === 0) return;
    const directory = new DirectoryRepository(this.manager);
    const deadline = Date.now() + this.waitMs;
    let retryMs = FIRST_RETRY_MS;
    for (;;) {
      const problems = referenceProblems(references, await directory.lookup(references));
      if (problems.length === 0) return;
      const remaining = deadline - Date.now();
      if (!mayStillAppear(problems) || remaining <= 0) throw refusal(problems);
      await new Promise((resolve) => setTimeout(resolve, Math.min(retryMs, remaining)));
      retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
    }
  }
}

function refusal(problems: readonly ReferenceProblem[]): BadUserInputError {
  const [first] = problems;
  if (problems.length === 1) return new BadUserInputError(first.message, first.field);
  return new BadUserInputError(
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    first.field,
    problems.map(({ field, message }) => ({ field, message })),
  );
}
