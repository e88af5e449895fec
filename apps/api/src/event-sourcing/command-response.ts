import { ApiProperty } from '@nestjs/swagger';
import type { Response } from 'express';
import type { CommandResult } from './command-executor';

export class CommandResponse {
  @ApiProperty({ example: '3f0b8f5e-6a53-4e0f-a7b4-2f7c2a1d9e10' })
  id!: string;

  @ApiProperty({ example: 4, description: 'The stream revision after this command: send it back as If-Match' })
  revision!: number;

  @ApiProperty({ example: '8812:10233', description: 'Global position: pass it to queries to read your own write' })
  position!: string;

  @ApiProperty({ example: ['MilestoneAchieved'] })
  events!: string[];

  @ApiProperty({ example: false, description: 'True when this answers a retry (same Idempotency-Key) already applied' })
  replayed!: boolean;
}

export function respond(res: Response, location: string, id: string, result: CommandResult): CommandResponse {
  res.setHeader('ETag', `"${result.revision}"`);
  res.setHeader('Location', location);
  return { id, revision: result.revision, position: result.position, events: result.events.map((e) => e.type), replayed: result.replayed };
}
