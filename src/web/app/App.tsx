import { Result } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import type { Action } from '../api/types.ts';
import { Loading } from '../components/Loading.tsx';
import { ProblemAlert } from '../components/ProblemAlert.tsx';
import { DesktopLayout } from '../layouts/DesktopLayout.tsx';
import { PhoneLayout } from '../layouts/PhoneLayout.tsx';
import { can, isStaff, useMe } from './session.ts';

const LoginPage = lazy(() => import('../pages/login/LoginPage.tsx'));
const HomePage = lazy(() => import('../pages/home/HomePage.tsx'));
const PlacesPage = lazy(() => import('../pages/places/PlacesPage.tsx'));
const RosterImportPage = lazy(() => import('../pages/roster/RosterImportPage.tsx'));
const VerificationPage = lazy(() => import('../pages/verification/VerificationPage.tsx'));
const MyHomePage = lazy(() => import('../pages/my-home/MyHomePage.tsx'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage.tsx'));
const SettingsPage = lazy(() => import('../pages/settings/SettingsPage.tsx'));
const AuditPage = lazy(() => import('../pages/audit/AuditPage.tsx'));
const Open311Page = lazy(() => import('../pages/open311/Open311Page.tsx'));
const QueuePage = lazy(() => import('../pages/requests/QueuePage.tsx'));
const MyRequestsPage = lazy(() => import('../pages/requests/MyRequestsPage.tsx'));
const FileRequestPage = lazy(() => import('../pages/requests/FileRequestPage.tsx'));
const RequestSettingsPage = lazy(() => import('../pages/requests/RequestSettingsPage.tsx'));
const StationsPage = lazy(() => import('../pages/stations/StationsPage.tsx'));
const StationPage = lazy(() => import('../pages/stations/StationPage.tsx'));
const StationDutyPage = lazy(() => import('../pages/duty/StationDutyPage.tsx'));
const DutyDeskPage = lazy(() => import('../pages/duty/DutyDeskPage.tsx'));
const StationFieldPage = lazy(() => import('../pages/field/StationFieldPage.tsx'));
const PatrolsPage = lazy(() => import('../pages/field/PatrolsPage.tsx'));
const RequestDetailPage = lazy(() => import('../pages/requests/RequestDetailPage.tsx'));
const VotesPage = lazy(() => import('../pages/votes/VotesPage.tsx'));
const CreateVotePage = lazy(() => import('../pages/votes/CreateVotePage.tsx'));
const VoteDetailPage = lazy(() => import('../pages/votes/VoteDetailPage.tsx'));
const BallotListPage = lazy(() => import('../pages/votes/BallotListPage.tsx'));
const VoteNoticePage = lazy(() => import('../pages/votes/VoteNoticePage.tsx'));
const DeliberationPage = lazy(() => import('../pages/deliberation/DeliberationPage.tsx'));
const TopicDetailPage = lazy(() => import('../pages/deliberation/TopicDetailPage.tsx'));
const SubmissionPage = lazy(() => import('../pages/deliberation/SubmissionPage.tsx'));
const CreateMeetingPage = lazy(() => import('../pages/deliberation/CreateMeetingPage.tsx'));
const MeetingDetailPage = lazy(() => import('../pages/deliberation/MeetingDetailPage.tsx'));
const OpenSpacePage = lazy(() => import('../pages/deliberation/OpenSpacePage.tsx'));
const SpaceScreenPage = lazy(() => import('../pages/deliberation/SpaceScreenPage.tsx'));
const ConventionPage = lazy(() => import('../pages/deliberation/ConventionPage.tsx'));
const FundPage = lazy(() => import('../pages/fund/FundPage.tsx'));
const ProjectsPage = lazy(() => import('../pages/projects/ProjectsPage.tsx'));
const ProjectFormPage = lazy(() => import('../pages/projects/ProjectFormPage.tsx'));
const ProjectDetailPage = lazy(() => import('../pages/projects/ProjectDetailPage.tsx'));
const PublicFundPage = lazy(() => import('../pages/disclosure/PublicFundPage.tsx'));
const StatementPage = lazy(() => import('../pages/disclosure/StatementPage.tsx'));
const StatementPrintPage = lazy(() => import('../pages/disclosure/StatementPrintPage.tsx'));
const CrowdfundingPage = lazy(() => import('../pages/crowdfunding/CrowdfundingPage.tsx'));
const DrivePage = lazy(() => import('../pages/crowdfunding/DrivePage.tsx'));
const ReceiptPage = lazy(() => import('../pages/crowdfunding/ReceiptPage.tsx'));

/** Staff with the queue see it; residents see their own requests and the compound's public ones. */
function RequestsHome() {
  const me = useMe().data;
  return can(me, 'request.read') ? <QueuePage /> : <MyRequestsPage />;
}

/** Signed-in area: chooses the phone layout for residents and the desktop layout for staff. */
function Shell() {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError)
    return (
      <main className="center-page">
        <ProblemAlert error={me.error} />
      </main>
    );
  if (!me.data) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  return isStaff(me.data) ? <DesktopLayout /> : <PhoneLayout />;
}

/** Hides a page the server says the user cannot use. */
function Needs({ ability, children }: { ability: Action; children: ReactNode }) {
  const me = useMe().data;
  return can(me, ability) ? children : <NotFound />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <Result
      status="404"
      title={<h1>{t('errors.notFound')}</h1>}
      extra={<Link to="/">{t('errors.backHome')}</Link>}
    />
  );
}

function PageSuspense() {
  return (
    <Suspense fallback={<Loading />}>
      <Outlet />
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<PageSuspense />}>
          <Route path="/login" element={<LoginPage />} />
          {/* The Open Space's shared screen: no navigation, large type. */}
          <Route path="/meetings/:id/space/screen" element={<SpaceScreenPage />} />
          {/* The fund's public disclosure 公示: for anyone, without signing in (docs/fund-disclosure.md). */}
          <Route path="/public/fund/:stationId" element={<PublicFundPage />} />
          <Route path="/public/fund/:stationId/:period" element={<StatementPage />} />
          <Route path="/public/fund/:stationId/:period/print" element={<StatementPrintPage />} />
        </Route>
        <Route element={<Shell />}>
          <Route element={<PageSuspense />}>
            <Route index element={<HomePage />} />
            <Route
              path="places"
              element={
                <Needs ability="tree.read">
                  <PlacesPage />
                </Needs>
              }
            />
            <Route
              path="roster"
              element={
                <Needs ability="roster.import">
                  <RosterImportPage />
                </Needs>
              }
            />
            <Route
              path="verification"
              element={
                <Needs ability="verification.review">
                  <VerificationPage />
                </Needs>
              }
            />
            <Route path="requests" element={<RequestsHome />} />
            <Route path="requests/new" element={<FileRequestPage />} />
            <Route path="requests/:id" element={<RequestDetailPage />} />
            <Route
              path="request-settings"
              element={
                <Needs ability="request.configure">
                  <RequestSettingsPage />
                </Needs>
              }
            />
            <Route
              path="stations"
              element={
                <Needs ability="station.read">
                  <StationsPage />
                </Needs>
              }
            />
            <Route path="stations/:id" element={<StationPage />} />
            <Route path="stations/:id/duty" element={<StationDutyPage />} />
            <Route path="stations/:id/field" element={<StationFieldPage />} />
            <Route path="duty" element={<DutyDeskPage />} />
            <Route path="patrols" element={<PatrolsPage />} />
            <Route path="votes" element={<VotesPage />} />
            <Route
              path="votes/new"
              element={
                <Needs ability="deliberation.manage">
                  <CreateVotePage />
                </Needs>
              }
            />
            <Route path="votes/:id" element={<VoteDetailPage />} />
            <Route path="votes/:id/ballots" element={<BallotListPage />} />
            <Route path="votes/:id/notice" element={<VoteNoticePage />} />
            <Route path="deliberation" element={<DeliberationPage />} />
            <Route
              path="fund"
              element={
                <Needs ability="fund.read">
                  <FundPage />
                </Needs>
              }
            />
            <Route path="crowdfunding" element={<CrowdfundingPage />} />
            <Route path="crowdfunding/:id" element={<DrivePage />} />
            <Route path="crowdfunding/receipts/:paymentId" element={<ReceiptPage />} />
            <Route path="projects" element={<ProjectsPage />} />
            <Route
              path="projects/new"
              element={
                <Needs ability="fund.post">
                  <ProjectFormPage />
                </Needs>
              }
            />
            <Route path="projects/:id" element={<ProjectDetailPage />} />
            <Route path="projects/:id/edit" element={<ProjectFormPage />} />
            <Route path="topics/:id" element={<TopicDetailPage />} />
            <Route path="topics/:id/submission" element={<SubmissionPage />} />
            <Route
              path="meetings/new"
              element={
                <Needs ability="deliberation.manage">
                  <CreateMeetingPage />
                </Needs>
              }
            />
            <Route path="meetings/:id" element={<MeetingDetailPage />} />
            <Route path="meetings/:id/space" element={<OpenSpacePage />} />
            <Route path="conventions/:id" element={<ConventionPage />} />
            <Route path="my-home" element={<MyHomePage />} />
            <Route path="inbox" element={<InboxPage />} />
            <Route path="settings" element={<SettingsPage />} />
            <Route
              path="audit"
              element={
                <Needs ability="audit.read">
                  <AuditPage />
                </Needs>
              }
            />
            <Route
              path="open311"
              element={
                <Needs ability="request.configure">
                  <Open311Page />
                </Needs>
              }
            />
            <Route path="*" element={<NotFound />} />
          </Route>
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
