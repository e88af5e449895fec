import { readCheckpoint } from '../projection/checkpoint';
import type { ReadModelContext } from './query-kit';

/**
 * Where the portfolio read model stands. The projection moves its checkpoint in the transaction that changes its
 * rows, so an answer computed from rows read after this is at least as new as it: while the checkpoint stands,
 * the same question has the same answer.
 */
export async function portfolioCheckpoint(ctx: ReadModelContext): Promise<string> {
  const { schema, projection } = ctx.models.portfolio;
  return `${schema}|${(await readCheckpoint(ctx.db, schema, projection)).position}`;
}

/** Answers kept by question with where the read model stood (`at`), most recently used last, the oldest dropped past `capacity`. */
export class KeptAnswers<T extends { readonly at: string }> {
  private readonly answers = new Map<string, T>();

  constructor(private readonly capacity = 256) {}

  find(question: string): T | undefined {
    return this.answers.get(question);
  }

  keep(question: string, answer: T): T {
    this.answers.delete(question);
    this.answers.set(question, answer);
    if (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value!);
    return answer;
  }
}
