import type { RecordedEvent } from '@ccb/event-store';
import { closedSentence, describedRecorded, IDS_AS_NAMES, type EventNames } from '../timeline/event-summary';
import { code, date, money, num, renderSentence, sentence, text, type Sentence, type SentenceKey } from '../timeline/sentences';
import type { LocalOwnership } from '../local-ownership/local-ownership';
import type { PartnershipView } from '../view/partnership-view';
import type { ReplayState } from './partnership-replay';
import type { ReplayDiff, ReplayPointSummary } from './replay-results';

export type { ReplayDiff, ReplayPointSummary };

type Measure = 'commitment' | 'disbursement' | 'expenditure' | 'refund' | 'in-kind';
const MORE: Record<Measure, SentenceKey> = {
  commitment: 'changedMoreCommitment',
  disbursement: 'changedMoreDisbursement',
  expenditure: 'changedMoreExpenditure',
  refund: 'changedMoreRefund',
  'in-kind': 'changedMoreInKind',
};
const LESS: Record<Measure, SentenceKey> = {
  commitment: 'changedLessCommitment',
  disbursement: 'changedLessDisbursement',
  expenditure: 'changedLessExpenditure',
  refund: 'changedLessRefund',
  'in-kind': 'changedLessInKind',
};

function totals(view: PartnershipView | null): Map<string, number> {
  const sums = new Map<string, number>();
  for (const f of view?.flows ?? []) {
    if (f.voided) continue;
    const key = `${f.kind}|${f.currency}`;
    sums.set(key, (sums.get(key) ?? 0) + f.amountMinor);
  }
  return sums;
}

export function diffReplays(
  a: ReplayState,
  b: ReplayState,
  between: readonly RecordedEvent[],
  ownership: { readonly from: LocalOwnership | null; readonly to: LocalOwnership | null },
  names: EventNames = IDS_AS_NAMES,
): ReplayDiff {
  const changes: Sentence[] = [];
  const va = a.view;
  const vb = b.view;
  if (!va && vb) changes.push(sentence('changedProposed', { title: text(vb.title) }));
  if (va && vb) {
    if (va.phase !== vb.phase) changes.push(sentence('phaseAdvanced', { from: code(va.phase), to: code(vb.phase) }));
    if (va.suspended !== vb.suspended) changes.push(sentence(vb.suspended ? 'changedSuspended' : 'changedResumed'));
  }
  const partiesBefore = new Set((va?.parties ?? []).map((p) => `${p.organisationId}|${p.role}`));
  for (const p of vb?.parties ?? [])
    if (!partiesBefore.has(`${p.organisationId}|${p.role}`))
      changes.push(sentence('partyJoined', { organisation: text(names.organisation(p.organisationId)), role: code(p.role) }));

  const ta = totals(va);
  const tb = totals(vb);
  for (const key of [...new Set([...ta.keys(), ...tb.keys()])].sort()) {
    const [kind, currency] = key.split('|') as [Measure, string];
    const delta = (tb.get(key) ?? 0) - (ta.get(key) ?? 0);
    if (delta !== 0)
      changes.push(
        sentence(delta > 0 ? MORE[kind] : LESS[kind], {
          amount: money({ amountMinor: Math.abs(delta), currency }),
          total: money({ amountMinor: tb.get(key) ?? 0, currency }),
        }),
      );
  }

  const milestonesBefore = new Map((va?.milestones ?? []).map((m) => [m.milestoneId, m.status]));
  for (const m of vb?.milestones ?? []) {
    const before = milestonesBefore.get(m.milestoneId);
    if (before === undefined)
      changes.push(
        m.status !== 'planned'
          ? sentence('changedMilestonePlannedNow', { title: text(m.title), date: date(m.dueDate), status: code(m.status) })
          : sentence('changedMilestonePlanned', { title: text(m.title), date: date(m.dueDate) }),
      );
    else if (before !== m.status) changes.push(sentence('changedMilestoneStatus', { title: text(m.title), from: code(before), to: code(m.status) }));
  }
  const count = (key: SentenceKey, before: number, after: number) => {
    if (after !== before) changes.push(sentence(key, { delta: text(`${after - before > 0 ? '+' : ''}${after - before}`), total: num(after) }));
  };
  count('changedActivities', va?.activities.length ?? 0, vb?.activities.length ?? 0);
  count('changedNeeds', a.dossier.needs.length, b.dossier.needs.length);
  count('changedOpenRisks', (va?.risks ?? []).filter((r) => r.open).length, (vb?.risks ?? []).filter((r) => r.open).length);
  count('changedEvaluations', va?.evaluations.length ?? 0, vb?.evaluations.length ?? 0);
  const planBefore = va?.plan?.version ?? null;
  const planAfter = vb?.plan?.version ?? null;
  if ((planBefore ?? 0) !== (planAfter ?? 0) && planAfter !== null)
    changes.push(
      planBefore === null
        ? sentence('changedFirstPlanVersion', { version: num(planAfter) })
        : sentence('changedPlanVersion', { version: num(planAfter), previous: num(planBefore) }),
    );
  const ia = ownership.from?.index ?? null;
  const ib = ownership.to?.index ?? null;
  if (ia !== ib) {
    if (ia === null) changes.push(sentence('changedOwnershipFirst', { to: num(ib ?? 0) }));
    else changes.push(ib === null ? sentence('changedOwnershipGone', { from: num(ia) }) : sentence('changedOwnership', { from: num(ia), to: num(ib) }));
  }
  if (!va?.closure && vb?.closure) changes.push(closedSentence(vb.closure.outcome, vb.closure.handoverDone, vb.closure.handoverInstitutionId, names));

  return {
    from: { revision: a.revision, recordedAt: a.recordedAt },
    to: { revision: b.revision, recordedAt: b.recordedAt },
    changes: changes.map((c) => renderSentence(c)),
    changeSentences: changes,
    events: between.map((e) => ({
      revision: e.revision,
      eventId: e.id,
      type: e.type,
      recordedAt: e.metadata.recordedAt,
      actor: e.metadata.actor,
      organisation: e.metadata.organisation,
      ...describedRecorded(e, names),
    })),
  };
}
