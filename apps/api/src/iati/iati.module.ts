import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller';
import { IatiPublications } from './iati-publications';

/** IATI 2.03 files out of the record (import arrives through the command path). */
@Module({
  controllers: [IatiController],
  providers: [IatiPublications],
})
export class IatiModule {}
