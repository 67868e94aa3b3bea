/** A desk that cannot start or pair: its message is for the person at the desk, printed as is. */
export class DeskStartError extends Error {}
