import 'reflect-metadata';
import { createWorker } from './create-worker';
import { handleShutdownSignals } from './graceful-shutdown';

async function main(): Promise<void> {
  handleShutdownSignals(await createWorker());
}

void main();
