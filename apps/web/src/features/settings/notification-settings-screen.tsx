import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { Link } from 'react-router';
import type { NotificationPreference } from '../../shared/queries/notifications/use-notification-preferences-query';
import { useNotificationPreferencesQuery } from '../../shared/queries/notifications/use-notification-preferences-query';
import { useUpdateNotificationPreferenceMutation } from '../../shared/queries/notifications/use-update-notification-preference-mutation';
import { ErrorState, FormError, Loading } from '../../shared/ui/states';
import './settings.css';

type Kind = NotificationPreference['kind'];
type Channel = NotificationPreference['channel'];

const CHANNEL_LABELS: Record<Channel, MessageDescriptor> = {
  email: msg`Email`,
  web_push: msg`Browser`,
  sms: msg`SMS`,
  mobile_push: msg`Phone app`,
};

const KIND_LABELS: Record<Kind, MessageDescriptor> = {
  offer_received: msg`An offer on my piece`,
  offer_declined: msg`My offer was declined`,
  auction_started: msg`An auction I am in started`,
  bid_placed: msg`A bid on my piece`,
  outbid: msg`I was outbid`,
  ending_soon: msg`An auction is ending soon`,
  won: msg`I won an auction`,
  lost: msg`I did not win`,
  reserve_not_met: msg`The top bid is under my reserve`,
  payment_reminder: msg`A payment is due`,
  payment_received: msg`A payment came in`,
  payment_expired: msg`A payment window closed`,
  second_chance_offer: msg`A second-chance offer`,
  shipped: msg`My order shipped`,
  delivered: msg`My order was delivered`,
  order_completed: msg`An order is complete`,
  shipping_reminder: msg`An order is waiting to ship`,
  shipping_overdue: msg`An order is late to ship`,
  refunded: msg`A refund`,
  moderation_outcome: msg`A moderation decision`,
  payout_released: msg`A payout was released`,
  watched_auction_started: msg`An auction opened on a piece I watch`,
  watched_ending_soon: msg`A watched auction ends in an hour, and in 10 minutes`,
  watched_auction_ended: msg`A watched auction ended`,
  new_story: msg`A maker I follow published a new story`,
  message: msg`A new message I have not read within 10 minutes`,
  review_received: msg`A buyer reviewed me`,
  review_reply: msg`A maker answered my review`,
};

const GROUPS: { title: MessageDescriptor; kinds: Kind[] }[] = [
  {
    title: msg`Offers and auctions`,
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
    title: msg`Payments`,
    kinds: ['payment_reminder', 'payment_received', 'payment_expired', 'refunded', 'payout_released'],
  },
  {
    title: msg`Orders`,
    kinds: ['shipped', 'delivered', 'order_completed', 'shipping_reminder', 'shipping_overdue'],
  },
  { title: msg`Watched pieces`, kinds: ['watched_auction_started', 'watched_ending_soon', 'watched_auction_ended'] },
  { title: msg`Makers I follow`, kinds: ['new_story'] },
  { title: msg`Messages`, kinds: ['message'] },
  { title: msg`Reviews`, kinds: ['review_received', 'review_reply'] },
  { title: msg`Your account`, kinds: ['moderation_outcome'] },
];

/**
 * Which notifications reach me where: per kind, each optional channel on or off (the
 * notification centre in the app always gets everything). Every email links here.
 */
export default function NotificationSettingsScreen() {
  const preferences = useNotificationPreferencesQuery();
  const update = useUpdateNotificationPreferenceMutation();
  const { t } = useLingui();
  const items = preferences.data?.items ?? [];
  const channels = (Object.keys(CHANNEL_LABELS) as Channel[]).filter((c) => items.some((i) => i.channel === c));
  const entry = (kind: Kind, channel: Channel) => items.find((i) => i.kind === kind && i.channel === channel);
  // Kinds the server knows that this screen has no group for still get a place.
  const grouped = new Set(GROUPS.flatMap((g) => g.kinds));
  const others = [...new Set(items.map((i) => i.kind))].filter((k) => !grouped.has(k));
  const groups = others.length
    ? [...GROUPS, { title: msg({ message: 'Other', context: 'notification group' }), kinds: others }]
    : GROUPS;

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Notification settings</Trans>
        </h1>
        <Link to="/notifications" className="btn btn-ghost btn-small">
          <Trans>Notifications</Trans>
        </Link>
      </div>
      <p className="muted">
        <Trans>
          Choose how each kind of news reaches you. Everything always appears in your notifications in the app.
        </Trans>
      </p>
      {preferences.isPending && <Loading label={t`Loading your notification settings`} />}
      {preferences.isError && (
        <ErrorState
          error={preferences.error}
          title={t`Your notification settings could not load`}
          onRetry={() => void preferences.refetch()}
        />
      )}
      <FormError error={update.error} />
      {groups.map((group, index) => {
        const kinds = group.kinds.filter((kind) => items.some((i) => i.kind === kind));
        if (kinds.length === 0) return null;
        return (
          <section key={group.kinds[0]} className="card stack" aria-labelledby={`group-${index}`}>
            <h2 id={`group-${index}`}>{t(group.title)}</h2>
            {kinds.map((kind) => (
              <fieldset key={kind} className="preference">
                <legend>{Object.hasOwn(KIND_LABELS, kind) ? t(KIND_LABELS[kind]) : kind.replace(/_/g, ' ')}</legend>
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
                        {t(CHANNEL_LABELS[channel])}
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
