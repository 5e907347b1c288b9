import 'reflect-metadata';
import { configuredPort, createApi } from './create-api';

async function main(): Promise<void> {
  const app = await createApi();
  await app.listen(configuredPort(app), '0.0.0.0');
}

void main();
