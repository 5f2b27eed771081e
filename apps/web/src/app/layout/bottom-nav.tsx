import { Plural, useLingui } from '@lingui/react/macro';
import { NavLink } from 'react-router';
import { useConversationsUnreadQuery } from '../../shared/queries/conversations/use-conversations-query';
import { useUnreadCountQuery } from '../../shared/queries/notifications/use-unread-count-query';
import { useViewer } from '../../shared/session/use-viewer';
import { Icon, type IconName } from '../../shared/ui/icons';

function Item({ to, icon, label, badge }: { to: string; icon: IconName; label: string; badge?: number }) {
  return (
    <NavLink to={to} end={to === '/'} className="nav-item">
      <span className="nav-icon">
        <Icon name={icon} />
        {badge ? (
          <span className="nav-badge" aria-hidden="true">
            {badge > 99 ? '99+' : badge}
          </span>
        ) : null}
      </span>
      <span className="nav-label">
        {label}
        {badge ? (
          <span className="visually-hidden">
            , <Plural value={badge} one="# unread" other="# unread" />
          </span>
        ) : null}
      </span>
    </NavLink>
  );
}

/** The app's main navigation, at the thumb's reach. */
export function BottomNav() {
  const viewer = useViewer();
  const unread = useUnreadCountQuery();
  const unreadMessages = useConversationsUnreadQuery();
  const { t } = useLingui();
  return (
    <nav className="bottom-nav" aria-label={t`Main`}>
      <Item to="/" icon="home" label={t`Feed`} />
      <Item
        to={viewer.isMaker ? '/studio' : '/become-maker'}
        icon="plus"
        label={viewer.isMaker ? t`Studio` : t`Sell`}
      />
      <Item to="/orders" icon="box" label={t`Orders`} />
      {viewer.signedIn && <Item to="/messages" icon="chat" label={t`Messages`} badge={unreadMessages.data ?? 0} />}
      <Item to="/notifications" icon="bell" label={t`Inbox`} badge={viewer.signedIn ? (unread.data ?? 0) : 0} />
      <Item
        to={viewer.signedIn ? '/account' : '/sign-in'}
        icon="user"
        label={viewer.signedIn ? t`Account` : t({ message: 'Sign in', context: 'navigation' })}
      />
    </nav>
  );
}
