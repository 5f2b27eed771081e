import { useLingui } from '@lingui/react/macro';
import { useEffect, useState } from 'react';
import { parseMoneyInput, toMajorInput } from '../../shared/money';
import { TextField } from '../../shared/ui/field';

/** A money input in whole currency units (typed as text, kept as integer minor units). */
export function MoneyField({
  label,
  hint,
  currency,
  valueMinor,
  optional = false,
  onChange,
}: {
  label: string;
  hint?: string;
  currency: string;
  valueMinor: number | null;
  optional?: boolean;
  onChange: (minor: number | null) => void;
}) {
  const { t } = useLingui();
  const [text, setText] = useState(valueMinor === null ? '' : toMajorInput(valueMinor, currency));
  useEffect(() => {
    setText((current) =>
      parseMoneyInput(current, currency) === valueMinor
        ? current
        : valueMinor === null
          ? ''
          : toMajorInput(valueMinor, currency),
    );
  }, [valueMinor, currency]);
  const parsed = parseMoneyInput(text, currency);
  // An amount with cents, written with the viewer's decimal mark.
  const example = toMajorInput(12050, 'EUR');
  const error = text.trim() && parsed === null ? t`Enter an amount like 120 or ${example}.` : null;
  return (
    <TextField
      label={t`${label} (${currency})`}
      hint={hint ?? (optional ? t`Optional` : undefined)}
      inputMode="decimal"
      value={text}
      error={error}
      onChange={(e) => {
        setText(e.target.value);
        const minor = parseMoneyInput(e.target.value, currency);
        if (minor !== null || !e.target.value.trim()) onChange(minor);
      }}
    />
  );
}
