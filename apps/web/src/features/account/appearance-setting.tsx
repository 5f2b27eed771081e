import type { MessageDescriptor } from '@lingui/core';
import { msg } from '@lingui/core/macro';
import { Trans, useLingui } from '@lingui/react/macro';
import { THEMES, useTheme, type Theme } from '../../shared/theme/theme';

const LABELS: Record<Theme, MessageDescriptor> = {
  system: msg`Same as this device`,
  light: msg({ message: 'Light', context: 'theme' }),
  dark: msg({ message: 'Dark', context: 'theme' }),
};

/** Light, dark, or following the device's setting; remembered on this device. */
export function AppearanceSetting() {
  const [theme, setTheme] = useTheme();
  const { t } = useLingui();
  return (
    <div className="field card">
      <label htmlFor="appearance">
        <Trans>Appearance</Trans>
      </label>
      <select
        id="appearance"
        className="select"
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
      >
        {THEMES.map((name) => (
          <option key={name} value={name}>
            {t(LABELS[name])}
          </option>
        ))}
      </select>
    </div>
  );
}
