import { useTranslation } from 'react-i18next';
import type { PartnershipRow } from '../api/api-types';
import { href } from '../routes';
import type { SignedInUser } from '../session/session';
import { myRoles } from './my-roles';

/** The pages a person's roles open on one partnership. */
export function PartnershipLinks({ partnership, user, current }: { partnership: PartnershipRow; user: SignedInUser | null; current?: string }) {
  const { t } = useTranslation();
  const roles = myRoles(partnership, user);
  const id = partnership.partnershipId;
  const links: { page: 'partnership' | 'donor' | 'work-log' | 'beneficiary' | 'replay' | 'evaluation'; label: string; show: boolean }[] = [
    { page: 'partnership', label: t('links.overview'), show: true },
    { page: 'donor', label: t('links.donor'), show: roles.has('donor') },
    { page: 'work-log', label: t('links.workLog'), show: roles.has('implementer') },
    { page: 'beneficiary', label: t('links.beneficiary'), show: roles.has('beneficiary') },
    { page: 'replay', label: t('links.replay'), show: roles.size > 0 },
    { page: 'evaluation', label: t('links.evaluation'), show: roles.size > 0 },
  ];
  return (
    <nav className="tabs" aria-label={t('links.pagesOf', { title: partnership.title })}>
      {links
        .filter((l) => l.show)
        .map((l) => (
          <a key={l.page} href={href({ page: l.page, id })} aria-current={current === l.page ? 'page' : undefined}>
            {l.label}
          </a>
        ))}
    </nav>
  );
}
