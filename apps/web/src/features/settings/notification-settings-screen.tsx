import { Link } from 'react-router';
import type { NotificationPreference } from '../../shared/queries/notifications/use-notification-preferences-query';
import { useNotificationPreferencesQuery } from '../../shared/queries/notifications/use-notification-preferences-query';
import { useUpdateNotificationPreferenceMutation } from '../../shared/queries/notifications/use-update-notification-preference-mutation';
import { ErrorState, FormError, Loading } from '../../shared/ui/states';
import './settings.css';

type Kind = NotificationPreference['kind'];
type Channel = NotificationPreference['channel'];

const CHANNEL_LABELS: Record<Channel, string> = {
  email: 'Email',
  web_push: 'Browser',
  sms: 'SMS',
  mobile_push: 'Phone app',
};

const KIND_LABELS: Record<Kind, string> = {
  offer_received: 'An offer on my piece',
  offer_declined: 'My offer was declined',
  auction_started: 'An auction I am in started',
  bid_placed: 'A bid on my piece',
  outbid: 'I was outbid',
  ending_soon: 'An auction is ending soon',
  won: 'I won an auction',
  lost: 'I did not win',
  reserve_not_met: 'The top bid is under my reserve',
  payment_reminder: 'A payment is due',
  payment_received: 'A payment came in',
  payment_expired: 'A payment window closed',
  second_chance_offer: 'A second-chance offer',
  shipped: 'My order shipped',
  delivered: 'My order was delivered',
  order_completed: 'An order is complete',
  shipping_reminder: 'An order is waiting to ship',
  shipping_overdue: 'An order is late to ship',
  refunded: 'A refund',
  moderation_outcome: 'A moderation decision',
  payout_released: 'A payout was released',
  watched_auction_started: 'An auction opened on a piece I watch',
  watched_ending_soon: 'A watched auction ends in an hour, and in 10 minutes',
  watched_auction_ended: 'A watched auction ended',
  new_story: 'A maker I follow published a new story',
  message: 'A new message I have not read within 10 minutes',
  review_received: 'A buyer reviewed me',
  review_reply: 'A maker answered my review',
};

const GROUPS: { title: string; kinds: Kind[] }[] = [
  {
    title: 'Offers and auctions',
    kinds: [
      'offer_received',
      'offer_declined',
      'auction_started',
      'bid_placed',
      'outbid',
      'ending_soon',
      'won',
      'lost',
      'reserve_not_met',
      'second_chance_offer',
    ],
  },
  {
    title: 'Payments',
    kinds: ['payment_reminder', 'payment_received', 'payment_expired', 'refunded', 'payout_released'],
  },
  {
    title: 'Orders',
    kinds: ['shipped', 'delivered', 'order_completed', 'shipping_reminder', 'shipping_overdue'],
  },
  { title: 'Watched pieces', kinds: ['watched_auction_started', 'watched_ending_soon', 'watched_auction_ended'] },
  { title: 'Makers I follow', kinds: ['new_story'] },
  { title: 'Messages', kinds: ['message'] },
  { title: 'Reviews', kinds: ['review_received', 'review_reply'] },
  { title: 'Your account', kinds: ['moderation_outcome'] },
];

/**
 * Which notifications reach me where: per kind, each optional channel on or off (the
 * notification centre in the app always gets everything). Every email links here.
 */
export default function NotificationSettingsScreen() {
  const preferences = useNotificationPreferencesQuery();
  const update = useUpdateNotificationPreferenceMutation();
  const items = preferences.data?.items ?? [];
  const channels = (Object.keys(CHANNEL_LABELS) as Channel[]).filter((c) => items.some((i) => i.channel === c));
  const entry = (kind: Kind, channel: Channel) => items.find((i) => i.kind === kind && i.channel === channel);
  // Kinds the server knows that this screen has no group for still get a place.
  const grouped = new Set(GROUPS.flatMap((g) => g.kinds));
  const others = [...new Set(items.map((i) => i.kind))].filter((k) => !grouped.has(k));
  const groups = others.length ? [...GROUPS, { title: 'Other', kinds: others }] : GROUPS;

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>Notification settings</h1>
        <Link to="/notifications" className="btn btn-ghost btn-small">
          Notifications
        </Link>
      </div>
      <p className="muted">
        Choose how each kind of news reaches you. Everything always appears in your notifications in the app.
      </p>
      {preferences.isPending && <Loading label="Loading your notification settings" />}
      {preferences.isError && (
        <ErrorState
          error={preferences.error}
          title="Your notification settings could not load"
          onRetry={() => void preferences.refetch()}
        />
      )}
      <FormError error={update.error} />
      {groups.map((group, index) => {
        const kinds = group.kinds.filter((kind) => items.some((i) => i.kind === kind));
        if (kinds.length === 0) return null;
        return (
          <section key={group.title} className="card stack" aria-labelledby={`group-${index}`}>
            <h2 id={`group-${index}`}>{group.title}</h2>
            {kinds.map((kind) => (
              <fieldset key={kind} className="preference">
                <legend>{KIND_LABELS[kind] ?? kind.replace(/_/g, ' ')}</legend>
                <div className="preference-channels">
                  {channels.map((channel) => {
                    const current = entry(kind, channel);
                    if (!current) return null;
                    return (
                      <label key={channel} className="checkbox">
                        <input
                          type="checkbox"
                          checked={current.enabled}
                          onChange={(e) => update.mutate({ kind, channel, enabled: e.target.checked })}
                        />
                        {CHANNEL_LABELS[channel]}
                      </label>
                    );
                  })}
                </div>
              </fieldset>
            ))}
          </section>
        );
      })}
    </main>
  );
}
