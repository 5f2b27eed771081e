import { useEnvironmentQuery } from '../../shared/queries/platform/use-environment-query';

/** On a demo deployment, says so on every screen: payments and messages there are stand-ins. */
export function DemoBanner() {
  const environment = useEnvironmentQuery();
  if (!environment.data?.demo) return null;
  return (
    <div className="demo-banner" role="note" aria-label="Demo">
      <strong>Demo</strong> — payments are simulated, no real money moves and nothing ships.
    </div>
  );
}
