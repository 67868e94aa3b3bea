import { z } from 'zod';
import { api, type MethodName } from '../../shared/api';

/**
 * The methods whose input names a cash drawer ("desk"). On an office server the drawer is the calling desk's own: its
 * name, set at pairing, replaces whatever the desk sent, so no desk can count cash in another's drawer.
 */
export const DESK_FIELD_METHODS: ReadonlySet<MethodName> = new Set(
  (Object.keys(api) as MethodName[]).filter((name) => {
    const input: unknown = api[name].input;
    return input instanceof z.ZodObject && 'desk' in input.shape;
  }),
);

export function withDeskName(name: MethodName, input: unknown, desk: string): unknown {
  if (!DESK_FIELD_METHODS.has(name) || typeof input !== 'object' || input === null || Array.isArray(input))
    return input;
  return { ...input, desk };
}
