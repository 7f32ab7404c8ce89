import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also written into document.title. */
export function PageTitle({ children, extra }: { children: string; extra?: ReactNode }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${children} · ${t('app.name')}`;
  }, [children, t]);
  return (
    <div className="page-title">
      <h1>{children}</h1>
      {extra}
    </div>
  );
}
