import { THEMES, useTheme, type Theme } from '../../shared/theme/theme';

const LABELS: Record<Theme, string> = {
  system: 'Same as this device',
  light: 'Light',
  dark: 'Dark',
};

/** Light, dark, or following the device's setting; remembered on this device. */
export function AppearanceSetting() {
  const [theme, setTheme] = useTheme();
  return (
    <div className="field card">
      <label htmlFor="appearance">Appearance</label>
      <select
        id="appearance"
        className="select"
        value={theme}
        onChange={(event) => setTheme(event.target.value as Theme)}
      >
        {THEMES.map((t) => (
          <option key={t} value={t}>
            {LABELS[t]}
          </option>
        ))}
      </select>
    </div>
  );
}
