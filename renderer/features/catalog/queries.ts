import type { QueryClient } from '@tanstack/react-query';

/** After any catalogue write, every cached catalogue read (products, price history, lifecycle) is fetched again. */
export function invalidateCatalog(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (query) =>
      typeof query.queryKey[0] === 'string' &&
      (query.queryKey[0].startsWith('catalog.') || query.queryKey[0].startsWith('settings.getLifecycle')),
  });
}
