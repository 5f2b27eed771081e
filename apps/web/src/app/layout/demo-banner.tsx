import { Trans, useLingui } from '@lingui/react/macro';
import { useEnvironmentQuery } from '../../shared/queries/platform/use-environment-query';

/** On a demo deployment, says so on every screen: payments and messages there are stand-ins. */
export function DemoBanner() {
  const environment = useEnvironmentQuery();
  const { t } = useLingui();
  if (!environment.data?.demo) return null;
  return (
    <div className="demo-banner" role="note" aria-label={t`Demo`}>
      <Trans>
        <strong>Demo</strong> — payments are simulated, no real money moves and nothing ships.
      </Trans>
    </div>
  );
}
