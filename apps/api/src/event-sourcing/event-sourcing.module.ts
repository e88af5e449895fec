import { Global, Module } from '@nestjs/common';
import { CommandExecutor } from './command-executor';
import { IdempotencyKeys } from './idempotency-keys';

/**
 * One command path for the whole process: a single executor holds the per-stream queue and the folded
 * streams, so two modules' commands on one stream never race each other and a fold is kept once.
 */
@Global()
@Module({
  providers: [CommandExecutor, IdempotencyKeys],
  exports: [CommandExecutor, IdempotencyKeys],
})
export class EventSourcingModule {}
