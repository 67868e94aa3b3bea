import { IconHourglass, IconMapOff, IconShieldX } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Route, Routes } from 'react-router';
import type { Role } from '../../shared/roles';
import { AuditPage } from '../features/audit/AuditPage';
import { BackupsPage } from '../features/backup/BackupsPage';
import { AutomationPage } from '../features/automation/AutomationPage';
import { CashPage } from '../features/cash/CashPage';
import { CashSessionPage } from '../features/cash/CashSessionPage';
import { CataloguePage } from '../features/catalog/CataloguePage';
import { ClientImportPage } from '../features/clients/ClientImportPage';
import { ClientPage } from '../features/clients/ClientPage';
import { EditClientPage, NewClientPage } from '../features/clients/ClientFormPage';
import { ClientsPage } from '../features/clients/ClientsPage';
import { DocumentPage } from '../features/documents/DocumentPage';
import { DocumentsPage } from '../features/documents/DocumentsPage';
import { EditProformaPage, NewProformaPage } from '../features/documents/ProformaEditor';
import { HomePage } from '../features/home/HomePage';
import { OutboxPage } from '../features/mail/OutboxPage';
import { NewPaymentPage } from '../features/payments/PaymentEditor';
import { PaymentPage } from '../features/payments/PaymentPage';
import { PaymentsPage } from '../features/payments/PaymentsPage';
import { ServicesPage } from '../features/services/ServicesPage';
import { CompanySettingsPage } from '../features/settings/CompanySettingsPage';
import { StaffPage } from '../features/staff/StaffPage';
import { StatusPage } from '../ui/StatusPage';
import { ACTIVITY_NAV } from './nav';
import { useCurrentUser } from './session';

// The reports screen carries the charting library: loaded when first opened, not with the counter's screens.
const ReportsPage = lazy(async () => ({ default: (await import('../features/reports/ReportsPage')).ReportsPage }));

/** Screens a role cannot use are hidden from the menu; reached by URL, they say so plainly. */
function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const { t } = useTranslation();
  const { user, can } = useCurrentUser();
  if (can(role)) return children;
  return (
    <StatusPage icon={IconShieldX} color="red" title={t('denied.title')}>
      <p style={{ margin: 0 }} data-testid="access-denied">
        {t('denied.body', { required: t(`roles.${role}`), role: t(`roles.${user.role}`) })}
      </p>
      <p style={{ margin: '8px 0 0' }}>{t('denied.hint')}</p>
    </StatusPage>
  );
}

function ComingSoon() {
  const { t } = useTranslation();
  return (
    <StatusPage icon={IconHourglass} color="gray" title={t('comingSoon.title')}>
      {t('comingSoon.body')}
    </StatusPage>
  );
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <StatusPage icon={IconMapOff} color="gray" title={t('notFound.title')}>
      {t('notFound.body')}
    </StatusPage>
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route index element={<HomePage />} />
      <Route path="clients" element={<ClientsPage />} />
      <Route path="clients/new" element={<NewClientPage />} />
      <Route
        path="clients/import"
        element={
          <RequireRole role="manager">
            <ClientImportPage />
          </RequireRole>
        }
      />
      <Route path="clients/:id" element={<ClientPage />} />
      <Route path="clients/:id/edit" element={<EditClientPage />} />
      <Route path="services" element={<ServicesPage />} />
      <Route path="billing" element={<DocumentsPage />} />
      <Route path="billing/new" element={<NewProformaPage />} />
      <Route path="billing/:id" element={<DocumentPage />} />
      <Route path="billing/:id/edit" element={<EditProformaPage />} />
      <Route path="payments" element={<PaymentsPage />} />
      <Route path="payments/new" element={<NewPaymentPage />} />
      <Route path="payments/:id" element={<PaymentPage />} />
      <Route path="cash" element={<CashPage />} />
      <Route path="cash/:id" element={<CashSessionPage />} />
      <Route
        path="reports"
        element={
          <RequireRole role="manager">
            <Suspense
              fallback={
                <Center py={60}>
                  <Loader />
                </Center>
              }
            >
              <ReportsPage />
            </Suspense>
          </RequireRole>
        }
      />
      <Route path="mail" element={<OutboxPage />} />
      <Route
        path="automation"
        element={
          <RequireRole role="manager">
            <AutomationPage />
          </RequireRole>
        }
      />
      <Route
        path="catalog"
        element={
          <RequireRole role="manager">
            <CataloguePage />
          </RequireRole>
        }
      />
      <Route
        path="settings"
        element={
          <RequireRole role="admin">
            <CompanySettingsPage />
          </RequireRole>
        }
      />
      <Route
        path="staff"
        element={
          <RequireRole role="manager">
            <StaffPage />
          </RequireRole>
        }
      />
      <Route
        path="audit"
        element={
          <RequireRole role="manager">
            <AuditPage />
          </RequireRole>
        }
      />
      <Route
        path="backups"
        element={
          <RequireRole role="admin">
            <BackupsPage />
          </RequireRole>
        }
      />
      {ACTIVITY_NAV.filter((item) => item.soon).map((item) => (
        <Route
          key={item.key}
          path={item.path.slice(1)}
          element={
            <RequireRole role={item.role}>
              <ComingSoon />
            </RequireRole>
          }
        />
      ))}
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
