/** See start-messages.mjs. */
type Bilingual = { 'zh-CN': string; en: string };
export const START_MESSAGES: Record<'node-too-old' | 'fetching' | 'native' | 'no-desktop' | 'reason.node' | 'reason.binary' | 'reason.native', Bilingual>;
export function startLang(env?: NodeJS.ProcessEnv): 'zh-CN' | 'en';
export function startMessage(key: keyof typeof START_MESSAGES, params?: Record<string, string | number>, lang?: 'zh-CN' | 'en'): string;
