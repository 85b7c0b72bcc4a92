import { stopDemoGateways } from './demo-gateway';
import { stopLiveGateway } from './live-gateway';

export default async function globalTeardown(): Promise<void> {
  const running = (globalThis as Record<string, unknown>).__jembatanE2eGateway as Parameters<typeof stopLiveGateway>[0] | undefined;
  if (running) {
    // the demo gateways (demo-gateway.ts) record themselves in the main gateway's work directory
    await stopDemoGateways(running.workDir);
    await stopLiveGateway(running);
  }
}
