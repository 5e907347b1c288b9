import 'reflect-metadata';
import { configuredPort, createApi } from './create-api';
import { handleShutdownSignals } from './shutdown/graceful-shutdown';

async function main(): Promise<void> {
  const app = await createApi();
  handleShutdownSignals(app);
  await app.listen(configuredPort(app), '0.0.0.0');
}

void main();
