import { Button } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Loading } from '../../components/Loading.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePrintDocument } from '../../components/usePrintDocument.ts';
import { publicFundPath, statementPath, upToOf, useStatement } from './disclosureApi.ts';
import { StatementSheet, statementTitle } from './StatementSheet.tsx';
import './disclosure.css';

/**
 * The statement for the notice board 公示栏: one A4 document with every table, the chain head and the
 * command that checks it, and a QR code to the station's public fund page. Printing leaves the buttons out.
 */
export default function StatementPrintPage() {
  const { t } = useTranslation();
  const params = useParams();
  const stationId = Number(params.stationId);
  const period = params.period ?? '';
  const statement = useStatement(stationId, period, upToOf(useLocation().search));
  const [qr, setQr] = useState<string | null>(null);
  const pageUrl = `${window.location.origin}${publicFundPath(stationId)}`;
  const k = 'disclosure.statement';

  usePrintDocument();
  useEffect(() => {
    void QRCode.toDataURL(pageUrl, { margin: 1, width: 240, errorCorrectionLevel: 'M' }).then(setQr);
  }, [pageUrl]);
  useEffect(() => {
    if (statement.data) document.title = `${statementTitle(t, statement.data)} · ${t('app.name')}`;
  }, [statement.data, t]);

  if (statement.isPending) return <Loading />;
  if (statement.isError)
    return (
      <main className="public-page" id="main">
        <ProblemAlert error={statement.error} />
      </main>
    );
  const s = statement.data;
  return (
    <main className="public-sheet" id="main" aria-labelledby="statement-title">
      <div className="no-print public-actions">
        <Button type="primary" onClick={() => window.print()}>
          {t(`${k}.printNow`)}
        </Button>
        <Link to={statementPath(stationId, period)}>{t(`${k}.backToStatement`)}</Link>
      </div>
      <h1 id="statement-title" className="public-sheet-title">
        {statementTitle(t, s)}
      </h1>
      <StatementSheet statement={s} origin={window.location.origin} />
      <div className="public-qr-block">
        <p>
          {t(`${k}.scan`)}
          <br />
          <span className="public-url">{pageUrl}</span>
        </p>
        {qr ? <img className="public-qr" src={qr} alt={t(`${k}.qrAlt`)} width={120} height={120} /> : null}
      </div>
    </main>
  );
}
