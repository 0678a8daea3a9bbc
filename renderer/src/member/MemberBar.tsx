/**
 * Who is signed in, under the top bar, for as long as the member is: their name and tier, that
 * member prices are on, whether suggestions are personal, and a Sign out that forgets them at
 * once ("I'm done" in the top bar ends the whole session, the member with it).
 */
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { useMember } from './member-context.js';
import '../theme/member.css';

export function MemberBar() {
  const { member, signOut } = useMember();
  const { t } = useTranslation('member');
  if (member === null) return null;
  return (
    <div className="member-bar" data-testid="member-bar" role="region" aria-label={t('bar.label')}>
      <span className="member-bar-avatar" aria-hidden="true">
        {member.greetingName.slice(0, 1).toUpperCase()}
      </span>
      <span className="member-bar-text">
        <strong data-testid="member-name">{t('bar.hello', { name: member.greetingName })}</strong>
        <span>
          {member.tier === undefined ? t('bar.prices') : t('bar.pricesTier', { tier: member.tier })}
        </span>
      </span>
      {member.consent.personalization ? (
        <span className="member-bar-tag" data-testid="member-personal">
          <Icon name="sparkle" />
          {t('bar.personal')}
        </span>
      ) : null}
      <button
        type="button"
        className="btn btn-secondary member-bar-out press"
        data-testid="member-sign-out"
        onClick={signOut}
      >
        <Icon name="close" />
        {t('bar.signOut')}
      </button>
    </div>
  );
}
