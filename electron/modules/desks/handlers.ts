import type { Registry } from '../../api/registry';
import type { DeskService } from './service';

export function registerDeskHandlers(registry: Registry, desks: DeskService): void {
  registry.register('desks.pairingCode', (_input, ctx) => desks.issueCode(ctx.actor));
  registry.register('desks.list', () => desks.list());
  registry.register('desks.rename', (input, ctx) => desks.rename(ctx.actor, input.id, input.name));
  registry.register('desks.revoke', (input, ctx) => desks.revoke(ctx.actor, input.id));
}
