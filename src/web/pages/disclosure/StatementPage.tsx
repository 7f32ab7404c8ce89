import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PageTitle } from '../../components/PageTitle.tsx';
import { ProblemAlert } from '../../components/ProblemAlert.tsx';
import { publicFundPath, statementPath, upToOf, useStatement, xlsxUrl } from './disclosureApi.ts';
import { StatementSheet, statementTitle } from './StatementSheet.tsx';
import './disclosure.css';

/** One month's or quarter's statement on a phone, with its print version and its Excel file. */
export default function StatementPage() {
  const { t } = useTranslation();
  const params = useParams();
  const navigate = useNavigate();
  const stationId = Number(params.stationId);
  const period = params.period ?? '';
  const upTo = upToOf(useLocation().search);
  const statement = useStatement(stationId, period, upTo);
  const k = 'disclosure.statement';
  return (
    <main className="public-page" id="main">
      <div className="public-lang">
        <LanguageSwitch />
      </div>
      <p>
        <Link to={publicFundPath(stationId)}>{t(`${k}.back`)}</Link>
      </p>
      {statement.isPending ? (
        <Loading />
      ) : statement.isError ? (
        <ProblemAlert error={statement.error} />
      ) : (
        <>
          <PageTitle>{statementTitle(t, statement.data)}</PageTitle>
          <Flex wrap gap={8} className="public-actions">
            <Button
              type="primary"
              onClick={() =>
                void navigate(`${statementPath(stationId, period)}/print?upTo=${statement.data.head.seq}`)
              }
            >
              {t(`${k}.print`)}
            </Button>
            <Button href={xlsxUrl(stationId, period, statement.data.head.seq)} download>
              {t(`${k}.excel`)}
            </Button>
          </Flex>
          <StatementSheet statement={statement.data} origin={window.location.origin} />
        </>
      )}
    </main>
  );
}
