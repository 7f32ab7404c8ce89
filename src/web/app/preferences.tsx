import { useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, use, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { Me } from '../api/types.ts';
import { isLanguage, type Language } from '../i18n/index.ts';
import { ME_KEY, useMe } from './session.ts';

const LARGE_KEY = 'linshe.large';

interface Preferences {
  largeMode: boolean;
  language: Language;
  setLargeMode: (on: boolean) => Promise<void>;
  setLanguage: (lng: Language) => Promise<void>;
}

const PreferencesContext = createContext<Preferences | null>(null);

function readLarge(): boolean {
  try {
    return localStorage.getItem(LARGE_KEY) === '1';
  } catch {
    return false;
  }
}

function writeLarge(on: boolean): void {
  try {
    localStorage.setItem(LARGE_KEY, on ? '1' : '0');
  } catch {
    // ignore
  }
}

/** Large mode and language: kept locally for the sign-in page, saved to the account when signed in. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { i18n } = useTranslation();
  const client = useQueryClient();
  const me = useMe().data;
  const [largeMode, setLarge] = useState(readLarge);
  const appliedFor = useRef<number | null>(null);
  // A switch flipped before the account's preferences arrived wins over them.
  const chosenHere = useRef(false);

  // Once per signed-in user, take the preferences saved on the account.
  useEffect(() => {
    if (!me || appliedFor.current === me.id) return;
    appliedFor.current = me.id;
    if (!chosenHere.current) {
      setLarge(me.largeMode);
      writeLarge(me.largeMode);
    } else if (me.largeMode !== readLarge()) {
      void api('/me/preferences', { method: 'PATCH', body: { largeMode: readLarge() } }).catch(
        () => undefined,
      );
    }
    if (isLanguage(me.locale) && me.locale !== i18n.language) void i18n.changeLanguage(me.locale);
  }, [me, i18n]);

  useEffect(() => {
    document.body.classList.toggle('linshe-large', largeMode);
  }, [largeMode]);

  const save = useCallback(
    async (patch: { largeMode?: boolean; locale?: Language }) => {
      const current = client.getQueryData<Me | null>(ME_KEY);
      if (!current) return;
      await api('/me/preferences', { method: 'PATCH', body: patch });
      client.setQueryData<Me | null>(ME_KEY, (old) =>
        old
          ? {
              ...old,
              ...(patch.largeMode !== undefined ? { largeMode: patch.largeMode } : {}),
              ...(patch.locale ? { locale: patch.locale } : {}),
            }
          : old,
      );
    },
    [client],
  );

  const value = useMemo<Preferences>(
    () => ({
      largeMode,
      language: isLanguage(i18n.language) ? i18n.language : 'zh-CN',
      setLargeMode: async (on) => {
        chosenHere.current = true;
        setLarge(on);
        writeLarge(on);
        await save({ largeMode: on });
      },
      setLanguage: async (lng) => {
        await i18n.changeLanguage(lng);
        await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
        await save({ locale: lng });
      },
    }),
    [largeMode, i18n, i18n.language, save, client],
  );

  return <PreferencesContext value={value}>{children}</PreferencesContext>;
}

export function usePreferences(): Preferences {
  const value = use(PreferencesContext);
  if (!value) throw new Error('usePreferences outside PreferencesProvider');
  return value;
}
