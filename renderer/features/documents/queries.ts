import type { QueryClient } from '@tanstack/react-query';

/**
 * After any document write, every cached document read (lists, records, renewal options, balances) is fetched again.
 * Services are read again too: a proforma decides which of them can still be put on another one.
 */
export function invalidateDocuments(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) =>
      typeof query.queryKey[0] === 'string' &&
      (query.queryKey[0].startsWith('documents.') || query.queryKey[0].startsWith('services.')),
  });
}
