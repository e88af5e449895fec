import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTIVITY_TYPES, LEVELS, THEMES } from '../../../../libs/domain/src/partnerships/vocabulary';
import { newId } from '../api/api-client';
import type { Dossier, PartnershipDetail, RecordedActivity } from '../api/api-types';
import { humanise } from '../ui/format';
import { CheckGroup, CodeSelect, Field, FormFooter } from '../ui/form';
import { useCommand } from '../ui/use-command';
import { commandTarget } from '../api/commands';

interface Props {
  readonly partnership: PartnershipDetail;
  readonly dossier: Dossier;
  /** An activity already recorded: the form starts from it as recorded and sends the whole of it, corrected, with a reason. */
  readonly correcting?: RecordedActivity;
  readonly onRecorded: () => void;
  readonly onReload: () => void;
}

const FIELDS = [
  'title',
  'type',
  'themes',
  'level',
  'startDate',
  'endDate',
  'languages',
  'participants',
  'participantHours',
  'trainers',
  'localTrainersProduced',
  'needIds',
  'continuesAfterFunding',
  'reason',
];

/** Numbers typed as text: an empty box is sent as is so the API names the field, rather than a silent 0. */
function count(text: string): number | string {
  return text.trim() === '' || Number.isNaN(Number(text)) ? text : Number(text);
}

function blank(partnership: PartnershipDetail, dossier: Dossier) {
  return {
    title: '',
    type: 'training',
    themes: partnership.themes.slice(0, 1) as string[],
    level: partnership.levels[0] ?? 'technical',
    startDate: '',
    endDate: '',
    languages: dossier.languages.join(', '),
    women: '',
    men: '',
    undisclosed: '0',
    participantHours: '',
    localTrainers: '0',
    foreignTrainers: '0',
    localTrainersProduced: '0',
    needIds: [] as string[],
    continuesAfterFunding: false,
    reason: '',
  };
}

type Draft = ReturnType<typeof blank>;

function initial(partnership: PartnershipDetail, dossier: Dossier, recorded: RecordedActivity | undefined): Draft {
  if (!recorded) return blank(partnership, dossier);
  return {
    title: recorded.title,
    type: recorded.type,
    themes: [...recorded.themes],
    level: recorded.level,
    startDate: recorded.startDate,
    endDate: recorded.endDate,
    languages: recorded.languages.join(', '),
    women: String(recorded.women),
    men: String(recorded.men),
    undisclosed: String(recorded.undisclosed),
    participantHours: String(recorded.participantHours),
    localTrainers: String(recorded.localTrainers),
    foreignTrainers: String(recorded.foreignTrainers),
    localTrainersProduced: String(recorded.localTrainersProduced),
    needIds: [...recorded.needIds],
    continuesAfterFunding: recorded.continuesAfterFunding,
    reason: '',
  };
}

export function ActivityForm({ partnership, dossier, correcting, onRecorded, onReload }: Props) {
  const { t } = useTranslation();
  const [form, setForm] = useState(() => initial(partnership, dossier, correcting));
  const set = <K extends keyof typeof form>(key: K, value: (typeof form)[K]) => setForm((f) => ({ ...f, [key]: value }));
  const command = useCommand(() => {
    if (!correcting) setForm(initial(partnership, dossier, undefined));
    onRecorded();
  });
  const error = command.error;

  function submit(event: FormEvent) {
    event.preventDefault();
    const facts = {
      type: form.type,
      title: form.title,
      themes: form.themes,
      level: form.level,
      startDate: form.startDate,
      endDate: form.endDate,
      languages: form.languages
        .split(',')
        .map((l) => l.trim())
        .filter(Boolean),
      participants: { women: count(form.women), men: count(form.men), undisclosed: count(form.undisclosed) },
      participantHours: count(form.participantHours),
      trainers: { local: count(form.localTrainers), foreign: count(form.foreignTrainers) },
      localTrainersProduced: count(form.localTrainersProduced),
      needIds: form.needIds,
      continuesAfterFunding: form.continuesAfterFunding,
    };
    if (!correcting) {
      void command.send(commandTarget('/api/partnerships/{id}/activities', { id: partnership.partnershipId }), { activityId: newId('act'), ...facts }, partnership.revision);
      return;
    }
    // A correction restates the whole activity: the links the form does not show are sent back as recorded.
    void command.send(
      commandTarget('/api/partnerships/{id}/activities/{activityId}/correction', { id: partnership.partnershipId, activityId: correcting.activityId }),
      {
        ...facts,
        ...(correcting.objectiveId === null ? {} : { objectiveId: correcting.objectiveId }),
        ...(correcting.trainedByActivityId === null ? {} : { trainedByActivityId: correcting.trainedByActivityId }),
        reason: form.reason,
      },
      partnership.revision,
    );
  }

  const number = (key: 'women' | 'men' | 'undisclosed' | 'participantHours' | 'localTrainers' | 'foreignTrainers' | 'localTrainersProduced') => (p: Record<string, unknown>) => (
    <input {...p} inputMode="numeric" value={form[key]} onChange={(e) => set(key, e.target.value)} />
  );

  return (
    <form
      className={correcting ? 'embedded' : 'card'}
      onSubmit={submit}
      noValidate
      aria-label={correcting ? t('worklog.activity.correctTitle', { title: correcting.title }) : undefined}
      aria-labelledby={correcting ? undefined : 'record-activity'}
      data-testid={correcting ? 'activity-correction-form' : 'activity-form'}
    >
      {!correcting && <h2 id="record-activity">{t('worklog.activity.title')}</h2>}
      <div className="fields">
        <Field label={t('worklog.activity.titleField')} name="title" error={error}>
          {(p) => <input {...p} value={form.title} onChange={(e) => set('title', e.target.value)} />}
        </Field>
        <Field label={t('worklog.activity.type')} name="type" error={error}>
          {(p) => <CodeSelect {...p} codes={ACTIVITY_TYPES} value={form.type} onChange={(v) => set('type', v)} disabled={!!correcting} />}
        </Field>
        <Field label={t('worklog.activity.level')} name="level" error={error}>
          {(p) => <CodeSelect {...p} codes={LEVELS} value={form.level} onChange={(v) => set('level', v)} />}
        </Field>
        <Field label={t('worklog.activity.start')} name="startDate" error={error}>
          {(p) => <input {...p} type="date" value={form.startDate} onChange={(e) => set('startDate', e.target.value)} />}
        </Field>
        <Field label={t('worklog.activity.end')} name="endDate" error={error}>
          {(p) => <input {...p} type="date" value={form.endDate} onChange={(e) => set('endDate', e.target.value)} />}
        </Field>
        <Field label={t('worklog.activity.languages')} name="languages" error={error} hint={t('worklog.activity.languagesHint')}>
          {(p) => <input {...p} value={form.languages} onChange={(e) => set('languages', e.target.value)} />}
        </Field>
        <Field label={t('worklog.activity.women')} name="participants.women" error={error}>
          {number('women')}
        </Field>
        <Field label={t('worklog.activity.men')} name="participants.men" error={error}>
          {number('men')}
        </Field>
        <Field label={t('worklog.activity.undisclosed')} name="participants.undisclosed" error={error}>
          {number('undisclosed')}
        </Field>
        <Field label={t('worklog.activity.hours')} name="participantHours" error={error} hint={t('worklog.activity.hoursHint')}>
          {number('participantHours')}
        </Field>
        <Field label={t('worklog.activity.localTrainers')} name="trainers.local" error={error}>
          {number('localTrainers')}
        </Field>
        <Field label={t('worklog.activity.foreignTrainers')} name="trainers.foreign" error={error}>
          {number('foreignTrainers')}
        </Field>
        <Field label={t('worklog.activity.produced')} name="localTrainersProduced" error={error}>
          {number('localTrainersProduced')}
        </Field>
      </div>
      <CheckGroup
        legend={t('worklog.activity.themes')}
        name="themes"
        options={THEMES}
        selected={form.themes}
        onChange={(themes) => set('themes', themes)}
        labelOf={humanise}
        error={error}
      />
      {dossier.needs.length > 0 && (
        <CheckGroup
          legend={t('worklog.activity.needs')}
          name="needIds"
          options={dossier.needs.map((n) => n.needId)}
          selected={form.needIds}
          onChange={(needIds) => set('needIds', needIds)}
          labelOf={(id) => dossier.needs.find((n) => n.needId === id)?.description ?? id}
          error={error}
        />
      )}
      <label className="checks">
        <input type="checkbox" checked={form.continuesAfterFunding} onChange={(e) => set('continuesAfterFunding', e.target.checked)} /> {t('worklog.activity.continues')}
      </label>
      {correcting && (
        <Field label={t('money.reason')} name="reason" error={error}>
          {(p) => <input {...p} value={form.reason} onChange={(e) => set('reason', e.target.value)} />}
        </Field>
      )}
      <FormFooter
        status={command.status}
        fields={FIELDS}
        onReload={onReload}
        seenRevision={partnership.revision}
        success={correcting ? t('correctWork.done.correct-activity') : t('worklog.activity.done')}
        submit={correcting ? t('correctWork.submit.correct-activity') : t('worklog.activity.submit')}
      />
    </form>
  );
}
