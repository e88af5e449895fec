import type { PartnershipRow } from '../api/api-types';
import { href } from '../routes';
import type { SignedInUser } from '../session/session';
import { myRoles } from './my-roles';

/** The pages a person's roles open on one partnership. */
export function PartnershipLinks({ partnership, user, current }: { partnership: PartnershipRow; user: SignedInUser | null; current?: string }) {
  const roles = myRoles(partnership, user);
  const id = partnership.partnershipId;
  const links: { page: 'partnership' | 'work-log' | 'beneficiary' | 'replay'; label: string; show: boolean }[] = [
    { page: 'partnership', label: 'Overview', show: true },
    { page: 'work-log', label: 'Work log', show: roles.has('implementer') },
    { page: 'beneficiary', label: 'Needs and confirmations', show: roles.has('beneficiary') },
    { page: 'replay', label: 'History and replay', show: roles.size > 0 },
  ];
  return (
    <nav className="tabs" aria-label={`Pages of ${partnership.title}`}>
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
