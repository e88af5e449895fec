import type { Position } from './types';

/**
 * A position is two unsigned integers, "major:minor": (transaction id, sequence) for PostgreSQL,
 * (commit, prepare) for EventStoreDB. Both stores order by the pair, so cursors must carry the pair.
 */
export function makePosition(major: bigint | string | number, minor: bigint | string | number): Position {
  return `${BigInt(major)}:${BigInt(minor)}` as Position;
}

export function parsePosition(position: string): { major: bigint; minor: bigint } {
  const match = /^(\d+):(\d+)$/.exec(position);
  if (!match) throw new InvalidPositionError(position);
  return { major: BigInt(match[1]), minor: BigInt(match[2]) };
}

export function isPosition(value: string): value is Position {
  return /^(\d+):(\d+)$/.test(value);
}

export function comparePositions(a: Position, b: Position): number {
  const pa = parsePosition(a);
  const pb = parsePosition(b);
  if (pa.major !== pb.major) return pa.major < pb.major ? -1 : 1;
  if (pa.minor !== pb.minor) return pa.minor < pb.minor ? -1 : 1;
  return 0;
}

export class InvalidPositionError extends Error {
  constructor(readonly value: string) {
    super(`Not a position: "${value}" (expected "major:minor")`);
    this.name = 'InvalidPositionError';
  }
}
