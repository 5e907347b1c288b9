import 'reflect-metadata';
import { createWorker } from './create-worker';

void createWorker();
