import { Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { yuanText } from '../../../shared/money.ts';
import { chinaDateTime } from '../../components/chinaTime.ts';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { usePrintDocument } from '../../components/usePrintDocument.ts';
import { useReceipt } from './crowdfundingApi.ts';
import './crowdfunding.css';

/** 众筹收据: one payment's receipt, to show on a phone or print for the household. */
export default function ReceiptPage() {
  const { t, i18n } = useTranslation();
  usePrintDocument();
  const id = Number(useParams().paymentId);
  const receipt = useReceipt(id);
  if (receipt.isPending) return <Loading />;
  if (receipt.isError) return <ProblemAlert error={receipt.error} />;
  const r = receipt.data;
  const at = chinaDateTime(i18n.language);
  const rows: [string, string][] = [
    [t('crowdfunding.receipt.drive'), r.drive.title],
    [t('crowdfunding.receipt.household'), r.household],
    [t('crowdfunding.receipt.payer'), r.payerName],
    [t('crowdfunding.receipt.amount'), t('crowdfunding.yuan', { amount: yuanText(r.amountFen) })],
    [t('crowdfunding.receipt.method'), t(`crowdfunding.method.${r.method}`)],
    [t('crowdfunding.receipt.at'), at(r.collectedAt)],
    [t('crowdfunding.receipt.collector'), r.collector],
    [
      t('crowdfunding.receipt.state'),
      r.posted ? t('crowdfunding.receipt.posted') : t('crowdfunding.receipt.withCollector'),
    ],
  ];
  return (
    <>
      <PageTitle>{t('crowdfunding.receipt.title')}</PageTitle>
      <Card className="drive-receipt">
        <p className="drive-receipt-station">{r.stationName}</p>
        <p className="receipt-title">{t('crowdfunding.receipt.no')}</p>
        <p className="receipt-code">{r.receiptNo}</p>
        <dl className="drive-receipt-fields">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('crowdfunding.receipt.keep')}</p>
      </Card>
      <div className="vote-links no-print drive-receipt-actions">
        <Button type="primary" onClick={() => window.print()}>
          {t('crowdfunding.receipt.print')}
        </Button>
        <Link to={`/crowdfunding/${r.drive.id}`}>{t('crowdfunding.receipt.back')}</Link>
      </div>
    </>
  );
}
