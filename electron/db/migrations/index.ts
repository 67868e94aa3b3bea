import { Initial0001 } from './0001-initial';
import { Clients0002 } from './0002-clients';
import { CatalogServices0003 } from './0003-catalog-services';
import { Documents0004 } from './0004-documents';
import { Payments0005 } from './0005-payments';
import { Refunds0006 } from './0006-refunds';
import { PaymentIndexes0007 } from './0007-payment-indexes';
import { ReceiptPrints0008 } from './0008-receipt-prints';
import { AuditChain0009 } from './0009-audit-chain';
import { ReportIndexes0010 } from './0010-report-indexes';
import { AutomationMail0011 } from './0011-automation-mail';
import { CashRounding0013 } from './0013-cash-rounding';
import { OutsourcingTime0014 } from './0014-outsourcing-time';
import { Einvoice0015 } from './0015-einvoice';
import { Desks0016 } from './0016-desks';

/** Every migration the app knows, oldest first. Forward-only: never edit one that has shipped, add the next. */
export const migrations = [
  Initial0001,
  Clients0002,
  CatalogServices0003,
  Documents0004,
  Payments0005,
  Refunds0006,
  PaymentIndexes0007,
  ReceiptPrints0008,
  AuditChain0009,
  ReportIndexes0010,
  AutomationMail0011,
  CashRounding0013,
  OutsourcingTime0014,
  Einvoice0015,
  Desks0016,
];
export const knownMigrationNames = new Set(migrations.map((M) => new M().name));
