// Composition root of the desktop app (to be hardened: see electron/window.ts).
export {};
