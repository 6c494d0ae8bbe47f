import { storeConformance } from './fixtures/store-conformance.js';
import { memoryFactory } from './fixtures/stores.js';

storeConformance(memoryFactory);
