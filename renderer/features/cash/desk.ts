import { useSyncExternalStore } from 'react';

/** Where this workstation keeps its desk name: each desk holds its own cash drawer (one open session per desk). */
const STORAGE_KEY = 'guichet.desk';
export const DEFAULT_DESK = 'Guichet 1';
/** As the contract allows (cash.open, payments.record). */
export const DESK_MAX_LENGTH = 40;

/** A desk name as typed: trimmed, inner spaces collapsed; null when empty or longer than the contract allows. */
export function normalizeDesk(text: string): string | null {
  const name = text.trim().replace(/\s+/g, ' ');
  return name !== '' && name.length <= DESK_MAX_LENGTH ? name : null;
}

const listeners = new Set<() => void>();

/** The desk of this workstation; "Guichet 1" until someone names it. */
export function readDesk(): string {
  try {
    return normalizeDesk(window.localStorage.getItem(STORAGE_KEY) ?? '') ?? DEFAULT_DESK;
  } catch {
    return DEFAULT_DESK;
  }
}

/** Renames this workstation's desk; every screen showing it follows. */
export function saveDesk(name: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, name);
  } catch {
    // Private mode or a full storage: the name lasts until the window closes.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another window of the same workstation renamed it.
  window.addEventListener('storage', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', listener);
  };
}

export function useDesk(): string {
  return useSyncExternalStore(subscribe, readDesk);
}
