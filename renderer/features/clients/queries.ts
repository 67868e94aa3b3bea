import type { QueryClient } from '@tanstack/react-query';

/** After any client write, every cached client read (list, search, record, history, duplicates) is fetched again. */
export function invalidateClients(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) => typeof query.queryKey[0] === 'string' && query.queryKey[0].startsWith('clients.'),
  });
}
