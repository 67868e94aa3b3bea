import type { z } from 'zod';
import { auditApi } from './audit';
import { backupApi } from './backup';
import { automationApi } from './automation';
import { dashboardApi } from './dashboard';
import { desksApi } from './desks';
import { mailApi } from './mail';
import { einvoiceApi } from './einvoice';
import { authApi } from './auth';
import { catalogApi } from './catalog';
import { documentsApi } from './documents';
import { paymentsApi } from './payments';
import { cashApi } from './cash';
import { reportsApi } from './reports';
import { outsourcingApi } from './outsourcing';
import { servicesApi } from './services';
import { clientDataApi, clientsApi } from './clients';
import type { MethodDef } from './contract';
import { printingApi } from './printing';
import { settingsApi } from './settings';
import { staffApi } from './staff';

export * from './contract';
export type { AuditChainReport, AuditEntryDto, AuditPage } from './audit';
export type * from './backup';
export type { AuthStatus, SessionInfo, StaffDto } from './auth';
export type * from './clients';
export type { PriceDto, PriceType, ProductDto, ProductInput } from './catalog';
export type * from './documents';
export type * from './payments';
export type * from './cash';
export type * from './reports';
export type { ServiceDto, ServiceEventDto, ServiceInput, ServicePage } from './services';
export { IMPORT_FIELDS } from './clients';
export type * from './automation';
export type * from './dashboard';
export type * from './mail';
export type { DeskDto, PairAnswer, PairingCodeDto } from './desks';
export type * from './einvoice';
export type * from './outsourcing';
export type { SavedCompanySettings } from './settings';
export type * from './printing';

/** The whole contract between the renderer and the main process: method name → definition. */
export const api = {
  ...authApi,
  ...staffApi,
  ...settingsApi,
  ...auditApi,
  ...backupApi,
  ...clientsApi,
  ...clientDataApi,
  ...catalogApi,
  ...servicesApi,
  ...documentsApi,
  ...paymentsApi,
  ...cashApi,
  ...automationApi,
  ...mailApi,
  ...dashboardApi,
  ...reportsApi,
  ...desksApi,
  ...einvoiceApi,
  ...outsourcingApi,
  ...printingApi,
};

export type Api = typeof api;
export type MethodName = keyof Api;
type Def<M extends MethodName> = Api[M];
export type Input<M extends MethodName> = z.input<Def<M>['input']>;
export type ParsedInput<M extends MethodName> = z.output<Def<M>['input']>;
export type Output<M extends MethodName> = Def<M> extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(api, name);
}
