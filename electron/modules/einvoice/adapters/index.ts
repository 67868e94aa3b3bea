import type { EinvoiceAdapterName } from '../../../../shared/api/einvoice';
import type { EinvoiceAdapter } from './adapter';
import { folderAdapter } from './folder';
import { noneAdapter } from './none';

export const ADAPTERS: Record<EinvoiceAdapterName, EinvoiceAdapter> = {
  none: noneAdapter,
  folder: folderAdapter,
};
