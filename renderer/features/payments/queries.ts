import type { QueryClient } from '@tanstack/react-query';

/**
 * After a payment, a void or a use of credit, every read it may change is fetched again: payments, documents (paid
 * amounts, invoices, credit), services (extended or taken back) and the cash drawer.
 */
export function invalidatePayments(queryClient: QueryClient): Promise<void> {
  const touched = ['payments.', 'documents.', 'services.', 'cash.'];
  return queryClient.invalidateQueries({
    predicate: (query) => {
      const method = query.queryKey[0];
      return typeof method === 'string' && touched.some((prefix) => method.startsWith(prefix));
    },
  });
}
