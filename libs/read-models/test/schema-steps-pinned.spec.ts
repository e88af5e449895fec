import { createHash } from 'node:crypto';
import { PORTFOLIO_SCHEMA, TIMELINE_SCHEMA, type ReadModelSchema } from '../src/storage/read-model-schemas';

/**
 * A released schema step has run on somebody's database: editing it would leave theirs different from a fresh
 * one. A change is a new step; its hash is appended here when it is released.
 */
const RELEASED: ReadonlyMap<string, readonly string[]> = new Map([
  ['portfolio', ['d9ee120ed1b4d420', '1ecea67364dd6924', 'e8a9febe9986595b', '4dae5d8ceaf63780', 'd175286fae2832b8', '3f70443aa66b7015', '121fbfbcf4d03c61', '94f1ee6f7172f990']],
  ['timeline', ['403d79e4e8e5308b', '1ecea67364dd6924']],
]);

const hashOf = (step: ReadModelSchema['steps'][number]) => createHash('sha256').update(step('s').join(';\n')).digest('hex').slice(0, 16);

describe('read-model schema steps', () => {
  it.each([PORTFOLIO_SCHEMA, TIMELINE_SCHEMA])('$projection: every released step is as it was released', (schema) => {
    const released = RELEASED.get(schema.projection) ?? [];
    expect(schema.steps.slice(0, released.length).map(hashOf)).toEqual(released);
    expect(schema.steps.length).toBeGreaterThanOrEqual(released.length);
  });
});
