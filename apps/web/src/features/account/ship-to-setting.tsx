import { Trans, useLingui } from '@lingui/react/macro';
import { useId } from 'react';
import { countryChoices } from '../../shared/shipping/countries';
import { useShipTo } from '../../shared/shipping/use-ship-to';

/** The country purchases are shipped to: stories quote their shipping for it, offers and bids name it. */
export function ShipToSetting() {
  const id = useId();
  const { country, setCountry, saving } = useShipTo();
  const { t } = useLingui();
  return (
    <div className="field">
      <label htmlFor={`${id}-country`}>
        <Trans>Ship my purchases to</Trans>
      </label>
      <select
        id={`${id}-country`}
        className="select"
        value={country ?? ''}
        aria-describedby={`${id}-hint`}
        onChange={(e) => setCountry(e.target.value)}
      >
        {!country && <option value="">{t`Choose your country`}</option>}
        {countryChoices().map((c) => (
          <option key={c.code} value={c.code}>
            {c.name}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="hint">
        {saving ? t`Saving…` : t`Shipping prices on stories are shown for this country.`}
      </span>
    </div>
  );
}
