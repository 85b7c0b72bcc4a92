import { stopLiveGateway } from './live-gateway';

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as Record<string, unknown>).__jembatanE2eGateway as Parameters<typeof stopLiveGateway>[0] | undefined;
  if (running) await stopLiveGateway(running);
}
