import { Module } from '@nestjs/common';
import { IatiController } from './iati.controller';
import { IatiImports } from './iati-imports';
import { IatiPublications } from './iati-publications';

/** IATI 2.03 files out of the record, and other publishers' files in, through the command path. */
@Module({
  controllers: [IatiController],
  providers: [IatiPublications, IatiImports],
})
export class IatiModule {}
