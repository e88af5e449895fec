import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SignedIn } from '../auth/access-policy';
import { CurrentPrincipal } from '../auth/current-principal';
import type { Principal } from '../auth/principal';
import { IdPipe } from '../common/id.pipe';
import type { DossierAnswer } from '@ccb/read-models';
import { PartyRecords } from './party-records';

@ApiTags('parties only: dossier')
@SignedIn()
@Controller('partnerships/:id')
export class DossierController {
  constructor(private readonly records: PartyRecords) {}

  @Get('dossier')
  @ApiOperation({
    summary: "The parties' dossier: needs and national priorities, the plan, baseline commitments, risks, evaluators' findings, every flow of money",
    description:
      'Confidential needs and plans included: only the parties and the evaluators the partnership appointed get an answer. `flows` lists each commitment, disbursement, refund, in-kind contribution and expenditure as it now stands (corrections applied, voided ones marked), with who recorded it; `activities` each activity standing, whole (with the activity its trainers were trained in); `measurements` each measurement standing: what a correction names.',
  })
  @ApiOkResponse({ description: 'The dossier as folded at the stream head, with partnershipId and revision' })
  @ApiNotFoundResponse({ description: 'code partnership.not-found: no such partnership, or your organisation is not a party to it' })
  async dossier(@Param('id', IdPipe) id: string, @CurrentPrincipal() principal: Principal): Promise<DossierAnswer> {
    const replay = (await this.records.streamFor(id, principal)).replay({ head: true });
    const trainedBy = new Map(replay.state.activities.map((a) => [a.activityId, a.trainedByActivityId]));
    return {
      partnershipId: id,
      revision: replay.revision,
      ...replay.dossier,
      flows: replay.state.flows,
      activities: (replay.view?.activities ?? []).map((a) => ({ ...a, trainedByActivityId: trainedBy.get(a.activityId) ?? null })),
      measurements: replay.state.measurements,
    };
  }
}
