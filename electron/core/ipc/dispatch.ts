import { z } from 'zod';
import { contract, type Channel } from '../../../shared/ipc/contract';
import { EvidenceError } from '../evidence/errors';
import { describeIssues, localiseIssues, safeParseIn } from '../../../shared/i18n/issues';
import { translate } from '../../../shared/i18n/messages';
import type { Locale } from '../../../shared/i18n/locale';
import { fail, ok, type ErrorPayload, type Result } from '../../../shared/ipc/result';
import type { Core } from '../core';
import { AppError } from '../errors';
import { appHandlers, rulesHandlers, trailHandlers } from './handlers/app';
import { RulesPackError } from '../rules/errors';
import { auditHandlers } from './handlers/audit';
import { projectHandlers } from './handlers/projects';
import { reviewHandlers } from './handlers/review';
import { bundleHandlers } from './handlers/bundles';
import { BundleError } from '../bundles/errors';
import { signingHandlers } from './handlers/signing';
import { upgradeHandlers } from './handlers/upgrade';
import { headlessPorts, type Ports } from '../ports';
import type { Handlers } from './handlers/types';

/** Every channel's handler. Leaving a channel out is a compile error here. */
export const handlers: Handlers<Channel> = { ...appHandlers, ...projectHandlers, ...trailHandlers, ...auditHandlers, ...rulesHandlers, ...reviewHandlers, ...signingHandlers, ...bundleHandlers, ...upgradeHandlers };

/** Renders a thrown AppError (or anything else) as a Result error in the user's language. */
export function errorPayload(error: unknown, locale: Locale): ErrorPayload {
  if (error instanceof AppError) {
    const issues = error.issues?.map((i) => ({
      path: i.path,
      message: translate(locale, i.key as Parameters<typeof translate>[1], i.params),
    }));
    const head = translate(locale, error.key, error.params);
    return {
      code: error.code,
      message: issues?.length ? `${head}\n${describeIssues(issues, locale)}` : head,
      ...(issues ? { details: { issues } } : {}),
    };
  }
  // Data that no longer matches its own schema was damaged outside the app: an integrity problem
  // the user must hear about by name, not an "internal error".
  if (error instanceof z.ZodError || error instanceof SyntaxError) {
    return { code: 'integrity', message: translate(locale, 'error.integrity', { what: error.message.slice(0, 200) }) };
  }
  if (error instanceof EvidenceError && error.code === 'bad-hash') {
    return { code: 'integrity', message: translate(locale, 'error.integrity', { what: error.message }) };
  }
  if (error instanceof BundleError) return error.toPayload(locale);
  if (error instanceof RulesPackError) return { code: error.payloadCode, message: error.describe(locale) };
  console.error('[adsg] internal error', error);
  return { code: 'internal', message: translate(locale, 'error.internal', { detail: (error as Error)?.message ?? String(error) }) };
}

const isChannel = (name: string): name is Channel => Object.hasOwn(contract, name);

/**
 * The single path every request takes, from Electron's IPC and from the web host's HTTP API alike:
 * known channel → validated input → handler → validated output → Result. Never throws.
 */
export async function dispatch(core: Core, channel: string, rawInput: unknown, ports: Ports = headlessPorts): Promise<Result<unknown>> {
  let locale: Locale = 'zh-CN';
  try {
    locale = core.locale();
    if (!isChannel(channel)) return fail({ code: 'forbidden', message: translate(locale, 'error.unknown-channel', { channel: String(channel).slice(0, 80) }) });
    const spec = contract[channel];
    const parsed = safeParseIn(spec.input, rawInput, locale);
    if (!parsed.success) {
      const issues = localiseIssues(parsed.error, locale);
      return fail({
        code: 'validation',
        message: `${translate(locale, 'error.validation')}\n${describeIssues(issues, locale)}`,
        details: { issues },
      });
    }
    const handler = handlers[channel] as (input: unknown, core: Core, ports: Ports) => unknown;
    const value = await handler(parsed.data, core, ports);
    // Output is checked too: a handler that drifts from the contract is a bug, caught here.
    return ok(spec.output.parse(value));
  } catch (error) {
    return fail(errorPayload(error, locale));
  }
}
