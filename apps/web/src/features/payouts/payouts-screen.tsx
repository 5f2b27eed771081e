import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { useNavigate, useSearchParams, Link } from 'react-router';
import { ApiError } from '../../shared/api/api-error';
import { usePayoutAccountQuery, type PayoutAccount } from '../../shared/queries/payment/use-payout-account-query';
import { useStartPayoutOnboardingMutation } from '../../shared/queries/payment/use-start-payout-onboarding-mutation';
import { useViewer } from '../../shared/session/use-viewer';
import { ErrorState, FormError, Loading } from '../../shared/ui/states';
import './payouts.css';

/** What the provider still needs before money reaches the maker, in the order it asks for it. */
function stillRequired(account: PayoutAccount): MessageDescriptor[] {
  const missing: MessageDescriptor[] = [];
  if (!account.detailsSubmitted) missing.push(msg`Your business and identity details`);
  if (!account.chargesEnabled) missing.push(msg`Approval to take payments for your pieces`);
  if (!account.payoutsEnabled) missing.push(msg`A bank account for payouts`);
  return missing;
}

/** The payment provider's name, the same in every language. */
const STRIPE = 'Stripe';

/** Where onboarding continues: a page of this app (local provider) in-app, anything else by leaving. */
function continueAt(url: string, navigate: (to: string) => void): void {
  const target = new URL(url, window.location.origin);
  if (target.origin === window.location.origin) navigate(`${target.pathname}${target.search}`);
  else window.location.assign(target.toString());
}

/**
 * A maker's payouts: the state of their payout account, what the payment provider still needs,
 * and the way to start or finish setting it up (two-step verification first).
 */
export default function PayoutsScreen() {
  const viewer = useViewer();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const account = usePayoutAccountQuery();
  const onboarding = useStartPayoutOnboardingMutation();
  const { i18n, t } = useLingui();
  const totpOff = viewer.me !== null && !viewer.me.totpEnabled;
  const needsTotp = totpOff || (onboarding.error instanceof ApiError && onboarding.error.code === 'totp_required');
  const data = account.data;
  const missing = data ? stillRequired(data) : [];
  const ready = data !== null && data !== undefined && missing.length === 0;

  const start = () =>
    onboarding.mutate(undefined, { onSuccess: (result) => continueAt(result.url, (to) => void navigate(to)) });

  return (
    <main id="main" className="page">
      <div className="page-header">
        <h1>
          <Trans>Payouts</Trans>
        </h1>
        <Link to="/dashboard" className="btn btn-ghost btn-small">
          <Trans>Dashboard</Trans>
        </Link>
      </div>
      {needsTotp && (
        <p className="alert alert-info" role="status">
          <Trans>
            Payouts need two-step verification, so only you can change where your money goes.{' '}
            <Link to="/account/security">Turn it on</Link>
          </Trans>
        </p>
      )}
      {params.get('refresh') === '1' && !ready && (
        <p className="alert alert-info" role="status">
          <Trans>The setup link expired. Continue where you left off.</Trans>
        </p>
      )}
      {account.isPending && <Loading label={t`Loading your payout account`} lines={2} />}
      {account.isError && (
        <ErrorState
          error={account.error}
          title={t`Your payout account could not load`}
          onRetry={() => void account.refetch()}
        />
      )}
      {data === null && (
        <section className="card stack" aria-labelledby="payouts-setup">
          <h2 id="payouts-setup">
            <Trans>Get paid for your pieces</Trans>
          </h2>
          <p className="muted">
            <Trans>
              Set up a payout account with our payment provider: when a buyer confirms delivery, your share is paid out
              to your bank.
            </Trans>
          </p>
        </section>
      )}
      {data && (
        <section className="card stack" aria-labelledby="payouts-account">
          <h2 id="payouts-account">
            <Trans>Payout account</Trans>
          </h2>
          {ready ? (
            <p className="alert alert-success" role="status">
              <Trans>Your payout account is ready. Payouts go to your bank once buyers confirm delivery.</Trans>
            </p>
          ) : (
            <>
              <p>
                <Trans>The payment provider still needs:</Trans>
              </p>
              <ul className="payout-missing">
                {missing.map((m) => (
                  <li key={m.id}>{i18n._(m)}</li>
                ))}
              </ul>
            </>
          )}
          <dl className="kv">
            <dt>
              <Trans>Details submitted</Trans>
            </dt>
            <dd>{data.detailsSubmitted ? t`Yes` : t`Not yet`}</dd>
            <dt>
              <Trans>Payments</Trans>
            </dt>
            <dd>{data.chargesEnabled ? t`Enabled` : t`Not yet`}</dd>
            <dt>
              <Trans>Payouts</Trans>
            </dt>
            <dd>{data.payoutsEnabled ? t`Enabled` : t`Not yet`}</dd>
            <dt>
              <Trans>Provider</Trans>
            </dt>
            <dd>{data.provider === 'local' ? t`Local test provider (no real money)` : STRIPE}</dd>
          </dl>
        </section>
      )}
      {!account.isPending && !account.isError && !ready && (
        <button
          type="button"
          className="btn btn-primary btn-block"
          onClick={start}
          disabled={onboarding.isPending || totpOff}
        >
          {data ? t`Continue setup` : t`Set up payouts`}
        </button>
      )}
      {!needsTotp && <FormError error={onboarding.error} />}
    </main>
  );
}
