import { Module } from '@nestjs/common';
import { DossierController } from './dossier.controller';
import { HistoryController } from './history.controller';
import { PartyRecords } from './party-records';

/** What parties and their evaluators read from the events themselves: the dossier, the history, replays. */
@Module({
  controllers: [DossierController, HistoryController],
  providers: [PartyRecords],
})
export class HistoryModule {}
