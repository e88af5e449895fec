import { isPartnershipEventType, upcastPartnershipEvent, type PartnershipEvent } from '@ccb/domain';
import type { RecordedEvent } from '@ccb/event-store';
import { emptyReplay, replayStep, within, type ReplayPoint, type ReplayState } from './partnership-replay';

/**
 * The second time axis. Recording time is when the tracker learnt a fact (`at`, a revision); valid time is
 * when the fact was true in the world (`validAt`): the value date of a flow, the day a milestone was
 * achieved, the last day of an activity, the day of a measurement. A disbursement dated 20 March and
 * recorded on the 21st is in "what was true on 20 March" and not in "what the record said on 20 March".
 *
 * A correction of a fact is true when the fact is: the record learnt later that the fact was otherwise, so a
 * commitment amended in June reads amended on every valid date, and a flow whose date was corrected moves to
 * its corrected date. Decisions without a date of their own (phase moves, parties joining, plans,
 * confirmations, a rescheduled milestone, a no-cost extension) are true from the day they were recorded.
 */
export type ValidDateOf = (recorded: RecordedEvent) => string;

/** Always in force, whatever the valid date: what corrects the record of the partnership itself. */
const ALWAYS = '0000-01-01';

export function validDates(events: readonly RecordedEvent[]): ValidDateOf {
  const flowDate = new Map<string, string>();
  const activityEnd = new Map<string, string>();
  const achievedOn = new Map<string, string>();
  const indicatorDate = new Map<string, string>();
  const parsed = new Map<string, PartnershipEvent | null>();
  const eventOf = (recorded: RecordedEvent): PartnershipEvent | null => {
    if (!parsed.has(recorded.id)) {
      let event: PartnershipEvent | null;
      try {
        event = isPartnershipEventType(recorded.type) ? upcastPartnershipEvent(recorded) : null;
      } catch {
        event = null;
      }
      parsed.set(recorded.id, event);
    }
    return parsed.get(recorded.id) ?? null;
  };
  // First the facts' dates as finally corrected: a fact and each of its corrections share one valid date.
  for (const recorded of events) {
    const event = eventOf(recorded);
    if (!event) continue;
    switch (event.type) {
      case 'FundingCommitted':
      case 'FundsDisbursed':
      case 'RefundRecorded':
      case 'InKindContributionRecorded':
      case 'ExpenditureRecorded':
      case 'CommitmentAmended':
      case 'FlowCorrected':
        flowDate.set(event.data.flowId, event.data.date);
        break;
      case 'ActivityDelivered':
      case 'ActivityCorrected':
        activityEnd.set(event.data.activityId, event.data.endDate);
        break;
      case 'IndicatorDefined':
        indicatorDate.set(event.data.indicatorId, event.data.baselineDate);
        break;
      default:
        break;
    }
  }
  const recordedOn = (recorded: RecordedEvent) => recorded.metadata.recordedAt.slice(0, 10);
  const latest = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
  return (recorded) => {
    const event = eventOf(recorded);
    if (!event) return recordedOn(recorded);
    switch (event.type) {
      case 'FundingCommitted':
      case 'FundsDisbursed':
      case 'RefundRecorded':
      case 'InKindContributionRecorded':
      case 'ExpenditureRecorded':
      case 'ExpenditureVoided':
      case 'CommitmentAmended':
      case 'CommitmentCancelled':
      case 'FlowVoided':
      case 'FlowCorrected':
        return flowDate.get(event.data.flowId) ?? recordedOn(recorded);
      case 'ActivityDelivered':
      case 'ActivityCorrected':
      case 'ActivityVoided':
        return activityEnd.get(event.data.activityId) ?? recordedOn(recorded);
      case 'MilestoneAchieved':
        achievedOn.set(event.data.milestoneId, event.data.achievedOn);
        return event.data.achievedOn;
      // An answer to a report is never valid before the achievement it answers.
      case 'MilestoneConfirmed':
      case 'MilestoneDisputed':
      case 'MilestoneValidationRetracted':
        return latest(recordedOn(recorded), achievedOn.get(event.data.milestoneId));
      case 'IndicatorDefined':
        return event.data.baselineDate;
      case 'IndicatorRevised':
        return indicatorDate.get(event.data.indicatorId) ?? recordedOn(recorded);
      case 'IndicatorMeasured':
        return event.data.measuredOn;
      case 'PartnershipAmended':
        return ALWAYS;
      default:
        return recordedOn(recorded);
    }
  };
}

/**
 * The partnership as it was true on `validAt` (a calendar date, the whole day), as the record knew it at
 * `point` on the recording axis: the events recorded up to the point, each kept if its valid date is on or
 * before `validAt`, folded in recording order by the folds the live system uses.
 */
export function replayValidAt(events: readonly RecordedEvent[], point: ReplayPoint, validAt: string): ReplayState {
  const known = events.filter((e) => within(point, e));
  const validDateOf = validDates(known);
  // The valid dates are computed in recording order (an answer follows its achievement), then applied.
  const dates = new Map(known.map((e) => [e.id, validDateOf(e)]));
  let replay = emptyReplay;
  let last: RecordedEvent | null = null;
  for (const recorded of known) {
    last = recorded;
    // The proposal opens the record: facts dated before it are shown from it on.
    if (recorded.revision > 0 && (dates.get(recorded.id) ?? '') > validAt) continue;
    replay = replayStep(replay, recorded);
  }
  // The point on the recording axis stays the one asked for; only the facts are sliced by valid date.
  return last ? { ...replay, revision: last.revision, recordedAt: last.metadata.recordedAt } : replay;
}
