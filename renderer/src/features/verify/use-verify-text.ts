import type { TextParams } from '../../../../shared/i18n/format';
import { verifyMessage, type VerifyMessageKey } from '../../../../shared/i18n/verify-messages';
import { useLocale } from '../../app/locale-context';

/** The verifier's shared catalogue (the CLI prints the same words) in the user's language. */
export function useVerifyText(): (key: VerifyMessageKey, params?: TextParams) => string {
  const locale = useLocale();
  return (key, params) => verifyMessage(locale, key, params);
}
