import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider } from 'antd';
import enUSLocale from 'antd/es/locale/en_US.js';
import type { Locale } from 'antd/es/locale/index.js';
import zhCNLocale from 'antd/es/locale/zh_CN.js';
import type { ReactNode } from 'react';
import { ApiError } from '../api/client.ts';
import { PreferencesProvider, usePreferences } from './preferences.tsx';
import { largeTheme, normalTheme } from './theme.ts';

/** antd's typings are CommonJS for its ESM files: unwrap `default` when the typings' shape is what arrives. */
function unwrap(mod: unknown): Locale {
  const m = mod as Locale & { default?: Locale };
  return m.default ?? m;
}
const enUS = unwrap(enUSLocale);
const zhCN = unwrap(zhCNLocale);

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      retry: (count, err) => !(err instanceof ApiError && err.status > 0 && err.status < 500) && count < 2,
    },
  },
});

/** People who ask their system for less motion get none: antd's fades and slides are switched off. */
const reducedMotion =
  typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;

function ThemedApp({ children }: { children: ReactNode }) {
  const { largeMode, language } = usePreferences();
  const theme = largeMode ? largeTheme : normalTheme;
  return (
    <ConfigProvider
      locale={language === 'en-US' ? enUS : zhCN}
      theme={reducedMotion ? { ...theme, token: { ...theme.token, motion: false } } : theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp component={false}>{children}</AntApp>
    </ConfigProvider>
  );
}

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <QueryClientProvider client={queryClient}>
      <PreferencesProvider>
        <ThemedApp>{children}</ThemedApp>
      </PreferencesProvider>
    </QueryClientProvider>
  );
}
