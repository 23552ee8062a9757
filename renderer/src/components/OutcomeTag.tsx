import { Tag } from 'antd';
import { OUTCOME_LABELS } from '../../../shared/rules/messages';
import type { Outcome } from '../../../shared/rules/vocabulary';
import { useLocale } from '../app/locale-context';

const COLORS: Record<Outcome, string> = {
  'security-assessment': 'red',
  'standard-contract-or-certification': 'orange',
  exempt: 'green',
  'not-an-export': 'default',
  'needs-information': 'gold',
};

/** A determination outcome as a coloured tag in the user's language. */
export function OutcomeTag({ outcome }: { outcome: Outcome }) {
  const locale = useLocale();
  return <Tag color={COLORS[outcome]}>{OUTCOME_LABELS[outcome][locale]}</Tag>;
}
