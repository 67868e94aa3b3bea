import { Initial0001 } from './0001-initial';

/** Every migration the app knows, oldest first. Forward-only: never edit one that has shipped, add the next. */
export const migrations = [Initial0001];
export const knownMigrationNames = new Set(migrations.map((M) => new M().name));
